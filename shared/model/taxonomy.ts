/**
 * The stable codes that records store for every choice (docs/spec/data-model.md).
 * Codes are never translated here: the UI and reports translate them through
 * the `taxonomy` i18n namespace. Adding a code means adding its label in every
 * locale (the i18n test checks). Must never import anything that runs code.
 */

export const scopes = ['national', 'regional', 'local'] as const;

export const incidentKinds = [
  'full_network',
  'mobile_data',
  'fixed_broadband',
  'service_blocking',
  'throttling',
  'sms_voice',
] as const;

export const serviceCodes = [
  'whatsapp',
  'telegram',
  'facebook',
  'instagram',
  'youtube',
  'tiktok',
  'x',
  'vk',
  'signal',
] as const;

export const patterns = ['continuous', 'recurring'] as const;

export const justifications = [
  'national_security',
  'public_order',
  'counter_terrorism',
  'misinformation',
  'exams',
  'technical_fault',
  'none_given',
  'other',
] as const;

export const contexts = [
  'protests',
  'elections',
  'unrest',
  'exams',
  'armed_conflict',
  'information_control',
  'unknown',
  'other',
] as const;

export const acknowledgements = ['yes', 'no', 'unknown'] as const;

/**
 * Legal bases, grouped by country so that the list can grow per country
 * without touching the others. `none_cited` and `other` apply everywhere.
 */
export const legalBasesByCountry = {
  /**
   * Article-level codes first (records made before paragraphs were told
   * apart keep them), then each paragraph that has been cited or named:
   * Communications Law art. 41-1 pp. 1, 1-2 and 3; State of Emergency Law
   * art. 14-1 p. 2 and art. 15 p. 1 sub-p. 10 (`kz.emergency.15-1-10`).
   */
  KZ: [
    'kz.communications.41-1',
    'kz.communications.41-1.p1',
    'kz.communications.41-1.p1-2',
    'kz.communications.41-1.p3',
    'kz.emergency.14-1',
    'kz.emergency.14-1.p2',
    'kz.emergency.15-1-10',
  ],
} as const satisfies Record<string, readonly string[]>;

export const universalLegalBases = ['none_cited', 'other'] as const;

export const legalBases = [
  ...legalBasesByCountry.KZ,
  ...universalLegalBases,
] as const;

export const rights = [
  'iccpr.19',
  'iccpr.21',
  'iccpr.22',
  'iccpr.17',
  'iccpr.6',
  'icescr.12',
  'icescr.6',
  'crpd.9',
  'crpd.21',
  'crc.13',
] as const;

export const timePrecisions = ['minute', 'hour', 'day'] as const;

export const recordTypes = ['incident', 'effect', 'source', 'intervention'] as const;

/** How reliable a source is, A (completely) to F (cannot be judged), as open-source investigators grade it. */
export const sourceReliabilities = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
/** How credible the information is, 1 (confirmed by other sources) to 6 (cannot be judged). */
export const informationCredibilities = ['1', '2', '3', '4', '5', '6'] as const;
/** Whether the source saw it themselves or heard it from someone. */
export const sourceAccesses = ['first_hand', 'hearsay', 'unknown'] as const;

/** Whether a cited source says the claim is so, or says otherwise. */
export const citationStances = ['supports', 'contradicts'] as const;

/** Who ordered or carried out a shutdown. */
export const actors = [
  'security_service',
  'prosecutor',
  'ministry',
  'government',
  'president',
  'regulator',
  'court',
  'operator',
  'unknown',
  'other',
] as const;

/** Who named a legal basis: the authority, an operator, a court, a campaign or analyst, the media, the collector. */
export const citers = ['authority', 'operator', 'court', 'campaign', 'media', 'collector', 'other'] as const;
/** Whether a provision was invoked as the ground of this shutdown, or is named as one that permits shutdowns. */
export const legalBasisRoles = ['invoked', 'permits'] as const;

/** How one incident relates to another recorded apart. */
export const incidentLinkKinds = ['same_as', 'part_of', 'continues_as'] as const;

/** Complaints, court cases and UN communications about a shutdown. */
export const interventionKinds = ['complaint', 'court_case', 'un_communication', 'ombudsman', 'other'] as const;
export const interventionOutcomes = [
  'pending',
  'inadmissible',
  'rejected',
  'upheld',
  'partly_upheld',
  'withdrawn',
  'no_response',
  'other',
] as const;

export type Scope = (typeof scopes)[number];
export type IncidentKind = (typeof incidentKinds)[number];
export type ServiceCode = (typeof serviceCodes)[number];
export type LegalBasis = (typeof legalBases)[number];
export type Right = (typeof rights)[number];

export const effectCategories = [
  'banking_payments',
  'medical_care',
  'disability_access',
  'family_contact',
  'business_income',
  'information_access',
  'emergency_services',
  'education',
  'public_services',
  'transport',
  'journalism',
  'safety_of_life',
  'other',
] as const;

export const affectedGroups = [
  'persons_with_disabilities',
  'children',
  'older_persons',
  'patients',
  'women',
  'journalists',
  'human_rights_defenders',
  'small_businesses',
  'rural_population',
  'other',
] as const;

export const severities = ['low', 'medium', 'high', 'critical'] as const;

export const countPrecisions = ['exact', 'estimate'] as const;

export const sourceKinds = [
  'testimony',
  'document',
  'media_report',
  'official_statement',
  'network_measurement',
  'photo_video',
  'other',
] as const;

export const personRoles = ['victim', 'witness', 'expert', 'official', 'other'] as const;

export const consentMethods = ['verbal', 'written', 'recorded'] as const;
