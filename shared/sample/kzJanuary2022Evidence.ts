/**
 * What the sample archive (./kzJanuary2022.ts) shows beyond its incidents:
 * illustrative effects on people, one testimony with the person's consent,
 * and small evidence files, each tied to a sample incident by its index in
 * `sampleIncidents`. One source for `npm run demo` and for the README's
 * screenshots (electron/e2e/screenshot.renderer.spec.ts), so that the demo
 * builds the archive the screenshots show. Like the incidents, not a verified
 * case file: every description, title and file says so, and every record
 * carries the illustrative mark. An effect names its sources by the
 * placeholder ids of ./kzJanuary2022.ts (`withRecordIds` puts the saved ids
 * in place). Times are each place's own in January 2022: Mangystau +05:00,
 * Almaty and Nur-Sultan +06:00. Pure data.
 */
import type { EffectInput, SourceInput, Timestamp } from '../model';
import { sampleSources } from './kzJanuary2022';

/** Indexes into `sampleIncidents`, by name. */
export const sampleIncidentIndex = { nationwideShutdown: 0, zhanaozen: 1, nurSultan: 2, almaty: 3 } as const;

/** A time in Almaty or Nur-Sultan (UTC+06:00), or in Mangystau (UTC+05:00), to the hour. */
const at = (day: string, time = '12:00', offset: '+06:00' | '+05:00' = '+06:00'): Timestamp => ({ at: `2022-01-${day}T${time}${offset}`, precision: 'hour' });
/** RFE/RL's report (placeholder id): banking and payments stopped, people left without cash. */
const rferl = sampleSources[3]!.id;

export interface SampleEffect {
  /** The incident it is an effect of: an index into `sampleIncidents`. */
  incident: number;
  effect: Omit<EffectInput, 'incident'>;
}

const { nationwideShutdown, zhanaozen, nurSultan, almaty } = sampleIncidentIndex;
const mark = { illustrative: true } as const;

export const sampleEffects: readonly SampleEffect[] = [
  { incident: nationwideShutdown, effect: { ...mark, category: 'banking_payments', severity: 'critical', area: { code: 'KZ-75' }, occurredAt: at('05', '18:00'), peopleAffected: { count: 1200, precision: 'estimate' }, groups: ['small_businesses'], sources: [rferl], citations: [{ field: 'category', source: rferl, stance: 'supports', locator: 'banking and payment services' }], description: '[Illustrative sample] Card payments and cash machines stopped across the city; shops took cash only.' } },
  { incident: nationwideShutdown, effect: { ...mark, category: 'medical_care', severity: 'high', area: { code: 'KZ-75' }, occurredAt: at('06'), peopleAffected: { count: 40, precision: 'estimate' }, groups: ['patients'], description: '[Illustrative sample] A clinic could not reach the e-prescription system; patients went home without insulin.' } },
  { incident: nationwideShutdown, effect: { ...mark, category: 'family_contact', severity: 'high', area: { code: 'KZ-71' }, occurredAt: at('07'), peopleAffected: { unknown: true }, description: '[Illustrative sample] Families could not learn whether relatives in Almaty were safe.' } },
  { incident: nationwideShutdown, effect: { ...mark, category: 'disability_access', severity: 'high', area: { code: 'KZ-71' }, occurredAt: at('07'), peopleAffected: { count: 15, precision: 'exact' }, groups: ['persons_with_disabilities'], description: '[Illustrative sample] Deaf people could not call the emergency relay service, which works over mobile data.' } },
  { incident: nationwideShutdown, effect: { ...mark, category: 'information_access', severity: 'medium', area: { code: 'KZ-79' }, occurredAt: at('08'), peopleAffected: { unknown: true }, description: '[Illustrative sample] No news sites or messengers: people relied on rumours about the curfew.' } },
  { incident: zhanaozen, effect: { ...mark, category: 'business_income', severity: 'medium', area: { code: 'KZ-47' }, occurredAt: at('04', '20:00', '+05:00'), peopleAffected: { count: 30, precision: 'estimate' }, groups: ['small_businesses'], economicLoss: { amount: 4500000, currency: 'KZT' }, description: '[Illustrative sample] Taxi drivers working through apps lost their income.' } },
  { incident: almaty, effect: { ...mark, category: 'medical_care', severity: 'medium', area: { code: 'KZ-75' }, occurredAt: at('07', '19:00'), peopleAffected: { count: 8, precision: 'estimate' }, description: '[Illustrative sample] Ambulance dispatch fell back to voice calls only.' } },
  { incident: nurSultan, effect: { ...mark, category: 'banking_payments', severity: 'low', area: { code: 'KZ-71' }, occurredAt: at('08', '19:00'), peopleAffected: { unknown: true }, sources: [rferl], citations: [{ field: 'category', source: rferl, stance: 'supports', locator: 'banking and payment services' }], description: '[Illustrative sample] Online banking worked only in the few hours of access each day.' } },
];

/** A testimony, with the person's answer to each consent question, among the sources of one incident. */
export const sampleTestimony: { incident: number; source: SourceInput } = {
  incident: almaty,
  source: {
    ...mark,
    kind: 'testimony',
    title: '[Illustrative sample] A pharmacist in Almaty on the first days of the shutdown',
    content: 'We could not take cards, and the prescription system was down, so we wrote prescriptions by hand.',
    language: 'en',
    collectedAt: at('14', '10:00'),
    person: { name: 'A. N.', contact: '', address: '', role: 'witness' },
    consent: { keep: true, lawyersAnonymous: true, lawyersNamed: true, unNamed: false, publishAnonymous: false, askedBy: 'A. N.', askedIn: 'kk', givenAt: at('14', '10:00'), method: 'verbal' },
  },
};

export interface SampleEvidenceFile {
  /** The record it is attached to: an incident (its index in `sampleIncidents`) or the testimony. */
  attachedTo: number | 'testimony';
  /** The file's name as a person would have saved it (spaces and an apostrophe included). */
  name: string;
  text: string;
}

/** Small text files, so that the sample's evidence can be read and hashed with ordinary tools. */
export const sampleEvidenceFiles: readonly SampleEvidenceFile[] = [
  {
    attachedTo: nurSultan,
    name: 'Checks from Nur-Sultan, 6-9 January 2022.csv',
    text: [
      'checked_at,connection,messenger_reached,news_site_reached,note',
      '2022-01-06T09:00+06:00,home broadband,no,no,illustrative sample',
      '2022-01-07T09:00+06:00,home broadband,no,no,illustrative sample',
      '2022-01-08T09:00+06:00,mobile data,no,no,illustrative sample',
      '2022-01-09T09:00+06:00,home broadband,no,no,illustrative sample',
      '',
    ].join('\n'),
  },
  {
    attachedTo: 'testimony',
    name: "Pharmacist's notes, 14 January 2022.txt",
    text: [
      '[Illustrative sample] Notes taken while listening to the testimony; not a verified case file.',
      '',
      '- 5 January: card terminals stopped in the morning; cash only from then on.',
      '- 6 January: the e-prescription system could not be reached; prescriptions written by hand.',
      '- Some patients could not pay in cash and went home without their medicine.',
      '',
    ].join('\n'),
  },
];
