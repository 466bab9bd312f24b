/**
 * The sample archive's content (Kazakhstan, January 2022): illustrative
 * records rebuilt from public reporting, not a verified case file. Every
 * record carries the illustrative mark (shared/model/marks.ts), signed with
 * it, and every title says so. Each claim cites the source it comes from
 * (Access Now, Cloudflare Radar, Kcell's statement, RFE/RL, Digital
 * Paradigm, the minister, the President), each place's times in its 2022
 * offset (Mangystau +05:00, Almaty and Nur-Sultan +06:00).
 *
 * The records refer to one another (an incident's sources and citations, a
 * link to another incident) by placeholder ids, since the archive gives
 * each record its id when it is saved. `sampleSteps` lists them in an
 * order that saves each record after those it names, and `withRecordIds`
 * puts the saved ids in place. One source for `npm run demo` and for "Open
 * the sample archive" in the app, both of which save them through the
 * ordinary contract (the command's `add`, the renderer's `records:save`).
 * The effects, testimony and files the demo and the screenshots add are in
 * ./kzJanuary2022Evidence.ts. Pure data.
 */
import type { IncidentInput, SourceInput } from '../model';
import sources from '../../resources/sample/kz-january-2022/sources.json';
import nationwide from '../../resources/sample/kz-january-2022/incident-nationwide.json';
import zhanaozen from '../../resources/sample/kz-january-2022/incident-zhanaozen.json';
import nurSultan from '../../resources/sample/kz-january-2022/incident-nur-sultan.json';
import almaty from '../../resources/sample/kz-january-2022/incident-almaty.json';

/** The name the command gives the sample archive (the app gives it a translated one). */
export const sampleArchiveName = 'Sample (illustrative): Kazakhstan, January 2022';

/** Appended to the default archive folder for the app's sample, so it never lands in a real archive. */
export const sampleFolderSuffix = '-sample-kz-january-2022';

/** The sample's sources, each with the placeholder id the other records name it by. */
export const sampleSources = sources as readonly { id: string; source: SourceInput }[];

/** The placeholder ids of the sample's incidents, in the order of `sampleIncidents`. */
export const sampleIncidentIds = [
  '5a4d1e00-0000-4000-8000-000000000101',
  '5a4d1e00-0000-4000-8000-000000000102',
  '5a4d1e00-0000-4000-8000-000000000103',
  '5a4d1e00-0000-4000-8000-000000000104',
] as const;

/** The incidents, with placeholder ids: the nationwide shutdown first, since the others link to it. */
export const sampleIncidents: readonly IncidentInput[] = [nationwide, zhanaozen, nurSultan, almaty] as IncidentInput[];

/** One record to save: its type, its placeholder id, and its fields with placeholder ids. */
export interface SampleStep {
  type: 'source' | 'incident';
  placeholder: string;
  data: SourceInput | IncidentInput;
}

/** The sources, then the incidents: each record after every record it names. */
export const sampleSteps: readonly SampleStep[] = [
  ...sampleSources.map(({ id, source }) => ({ type: 'source' as const, placeholder: id, data: source })),
  ...sampleIncidents.map((incident, index) => ({ type: 'incident' as const, placeholder: sampleIncidentIds[index]!, data: incident })),
];

/**
 * A copy of `value` with every string that is a placeholder id replaced by
 * the id the archive gave that record. A placeholder not yet saved stays as
 * it is, so the archive refuses the record (an unknown source) rather than
 * saving a wrong link.
 */
export function withRecordIds<T>(value: T, ids: ReadonlyMap<string, string>): T {
  if (typeof value === 'string') return (ids.get(value) ?? value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => withRecordIds(item, ids)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withRecordIds(item as unknown, ids)])) as T;
  }
  return value;
}
