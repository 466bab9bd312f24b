/**
 * Loads incident records through `records:list` / `records:get` and reads
 * their data with the Incident schema. A retracted record's head has no data,
 * so its last live revision stands in for it: the record stays findable with
 * its history, marked as retracted.
 */
import type { RecordDetail, RecordSummary } from '../../../shared/ipc';
import { Incident } from '../../../shared/model';
import { dalel, unwrap } from '../dalel';

export interface IncidentRow {
  summary: RecordSummary;
  /** The head's data, or for a retracted record its last live data; null if unreadable. */
  incident: Incident | null;
}

export function readIncident(data: unknown): Incident | null {
  const parsed = Incident.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** The last revision that carried data (a tombstone carries none). */
export function lastLiveData(detail: RecordDetail): unknown {
  return detail.history.findLast((signed) => signed.revision.data !== null)?.revision.data ?? null;
}

export async function loadIncidentRows(): Promise<IncidentRow[]> {
  const { records } = unwrap(await dalel().records.list({ type: 'incident' }));
  return Promise.all(
    records.map(async (summary): Promise<IncidentRow> => {
      if (!summary.retracted) return { summary, incident: readIncident(summary.data) };
      const detail = unwrap(await dalel().records.get({ recordId: summary.recordId }));
      return { summary, incident: readIncident(lastLiveData(detail)) };
    }),
  );
}

export async function loadIncidentDetail(recordId: string): Promise<{ detail: RecordDetail; incident: Incident | null }> {
  const detail = unwrap(await dalel().records.get({ recordId }));
  return { detail, incident: readIncident(detail.summary.data ?? lastLiveData(detail)) };
}
