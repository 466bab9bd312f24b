/**
 * Loads intervention records through `records:list` / `records:get` and
 * reads their data with the Intervention schema. A retracted intervention
 * is left out of an incident's list but keeps its page and history.
 * Nothing is cached outside the caller's component state.
 */
import type { RecordSummary } from '../../../shared/ipc';
import { Intervention, instantOf, type Area } from '../../../shared/model';
import { dalel, unwrap } from '../dalel';

export interface InterventionRow {
  summary: RecordSummary;
  intervention: Intervention;
}

export function readIntervention(data: unknown): Intervention | null {
  const parsed = Intervention.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** The live interventions about one incident, filed first (undated last), then oldest record first. */
export async function loadInterventions(incidentId: string): Promise<InterventionRow[]> {
  const { records } = unwrap(await dalel().records.list({ type: 'intervention' }));
  const rows = records.flatMap((summary) => {
    const intervention = summary.retracted ? null : readIntervention(summary.data);
    return intervention && intervention.incidents.includes(incidentId) ? [{ summary, intervention }] : [];
  });
  const filed = (row: InterventionRow) => (row.intervention.filedAt ? instantOf(row.intervention.filedAt) : Infinity);
  return rows.sort((a, b) => filed(a) - filed(b) || a.summary.createdAt.localeCompare(b.summary.createdAt));
}

/** The gazetteer areas an incident's data names, for the default offset of the form's times (../evidence/evidenceOffsets.ts). */
function codedAreasOf(data: unknown): Area[] {
  const areas = (data as { areas?: unknown } | null)?.areas;
  if (!Array.isArray(areas)) return [];
  return areas.flatMap((area) => (typeof (area as { code?: unknown } | null)?.code === 'string' ? [{ code: (area as { code: string }).code }] : []));
}

/** Every incident's id, title and areas, live ones only, for the form's "which incidents" choice. */
export async function loadIncidentChoices(): Promise<{ recordId: string; title: string; areas: Area[] }[]> {
  const { records } = unwrap(await dalel().records.list({ type: 'incident' }));
  return records.flatMap((summary) => {
    const title = summary.retracted ? null : (summary.data as { title?: unknown } | null)?.title;
    return typeof title === 'string' ? [{ recordId: summary.recordId, title, areas: codedAreasOf(summary.data) }] : [];
  });
}
