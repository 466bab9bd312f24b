/**
 * The columns of Access Now's #KeepItOn STOP dataset and the words its public
 * sheet writes in them, each beside the Dalel code it stands for
 * (docs/spec/stop.md says where each was seen, and which are not confirmed).
 * Pure data: the mapping both ways (./stop.ts, ./stopImport.ts) reads only
 * these tables, so a vocabulary learnt later is one line here.
 */

/** STOP's columns, in the order of its public sheet. */
export const stopColumns = [
  'start_date_type',
  'start_date',
  'country',
  'geo_scope',
  'area_name',
  'shutdown_type',
  'affected_network',
  'shutdown_extent',
  'ordered_by',
  'decision_maker',
  'actual_cause',
  'actual_cause_details',
  'info_source',
  'info_source_link',
  'shutdown_status',
  'end_date',
  'duration',
  'gov_justification',
  'gov_ack',
  'facebook_affected',
  'twitter_affected',
  'whatsapp_affected',
  'instagram_affected',
  'telegram_affected',
  'other_affected',
  'sms_affected',
  'phonecall_affected',
  'telcos_involved',
  'election',
  'violence',
  'hr_abuse_reported',
  'users_targeted',
  'users_target_detail',
  'event',
  'an_link',
  'region',
] as const;
export type StopColumn = (typeof stopColumns)[number];
export type StopRow = Record<StopColumn, string>;

export const yes = 'Yes';
export const no = 'No';

/** start_date_type: only "Actual" has been seen; Dalel writes it for every row. */
export const actualStart = 'Actual';

/** geo_scope, as the sheet words it; a nationwide row names "Nationwide" in area_name. */
export const geoScopes = {
  severalRegions: 'It affected locations in more than one state, province, or region',
  oneRegion: 'It affected more than one city in the same state, province, or region',
  oneCity: 'It only affected one city, county, or village',
} as const;
export const nationwide = 'Nationwide';

export const shutdownTypes = { shutdown: 'Shutdown', throttle: 'Throttle', unknown: 'Unknown' } as const;
export const networks = { mobile: 'Mobile', broadband: 'Broadband' } as const;
export const extents = { full: 'Full network', service: 'Service-based' } as const;
export const statuses = { ongoing: 'Ongoing', ended: 'Ended', unknown: 'Unknown' } as const;
export const curfewStyle = 'Curfew Style';

/** The services STOP gives a Yes/No column of their own. */
export const serviceColumns = {
  facebook_affected: 'facebook',
  twitter_affected: 'x',
  whatsapp_affected: 'whatsapp',
  instagram_affected: 'instagram',
  telegram_affected: 'telegram',
} as const satisfies Partial<Record<StopColumn, string>>;

/** How other_affected names the remaining service codes (their brand names). */
export const otherServiceNames: Record<string, string> = { youtube: 'YouTube', tiktok: 'TikTok', vk: 'VK', signal: 'Signal' };

/** ordered_by: "Executive government" is confirmed; the rest are written as Dalel's English labels. */
export const orderedByWords: Record<string, string> = {
  government: 'Executive government',
  security_service: 'Security service',
  prosecutor: 'Prosecutor',
  ministry: 'Ministry',
  president: 'President',
  regulator: 'Regulator',
  court: 'Judiciary',
  operator: 'Telecom operator',
  unknown: 'Unknown',
};

/** actual_cause: "Protests" is confirmed; the rest are Dalel's English labels. */
export const causeWords: Record<string, string> = {
  protests: 'Protests',
  elections: 'Elections',
  unrest: 'Communal violence',
  exams: 'Exam cheating',
  armed_conflict: 'Armed conflict',
  information_control: 'Information control',
  unknown: 'Unknown',
  other: 'Other',
};

/** gov_justification: no value confirmed; Dalel's English labels of its codes. */
export const justificationWords: Record<string, string> = {
  national_security: 'National security',
  public_order: 'Public safety',
  counter_terrorism: 'Counter-terrorism',
  misinformation: 'Fake news, hate speech',
  exams: 'Exam cheating',
  technical_fault: 'Technical problems',
  none_given: 'No justification given',
};

/** info_source: "News media article" is confirmed for news reports; other kinds read "Other". */
export const infoSourceWords: Partial<Record<string, string>> = { media_report: 'News media article' };
export const otherInfoSource = 'Other';

/** The inverse of a word table, compared without regard to case or spaces around. */
export function codeOf(words: Record<string, string | undefined>, word: string): string | undefined {
  const wanted = word.trim().toLowerCase();
  return Object.entries(words).find(([, value]) => value?.toLowerCase() === wanted)?.[0];
}

/** "9/21/2022", as the sheet writes dates (month first, no leading zeros), from "2022-09-21". */
export function stopDate(day: string): string {
  const [year, month, date] = day.split('-');
  return `${Number(month)}/${Number(date)}/${year}`;
}

/** "2022-09-21" from the sheet's "9/21/2022" (or an ISO day), or null when it is no real date. */
export function dayOfStopDate(value: string): string | null {
  const text = value.trim();
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, date] = us ? [us[3], us[1], us[2]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!year) return null;
  const m = Number(month);
  const d = Number(date);
  const days = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  if (m < 1 || m > 12 || d < 1 || d > days) return null;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The items of a list cell: "a; b", "a, b" or one per line. */
export function listOf(cell: string, separators = /[;\n]/): string[] {
  return cell
    .split(separators)
    .map((item) => item.trim())
    .filter(Boolean);
}
