/**
 * Loads effect and source records through `records:list` / `records:get`
 * and reads their data with the Effect and Source schemas; a retracted
 * record is left out of lists but keeps its page and history. Nothing is
 * cached outside the caller's component state.
 */
import type { RecordDetail, RecordSummary } from '../../../shared/ipc';
import { Effect, Source, type Area } from '../../../shared/model';
import { dalel, unwrap } from '../dalel';
import { lastLiveData, readIncident } from '../incidents/incidentRecords';

export interface EffectRow {
  summary: RecordSummary;
  effect: Effect;
}
export interface SourceRow {
  summary: RecordSummary;
  source: Source;
}

export function readEffect(data: unknown): Effect | null {
  const parsed = Effect.safeParse(data);
  return parsed.success ? parsed.data : null;
}

export function readSource(data: unknown): Source | null {
  const parsed = Source.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** The live effects of one incident, oldest first. */
export async function loadEffects(incidentId: string): Promise<EffectRow[]> {
  const { records } = unwrap(await dalel().records.list({ type: 'effect' }));
  return records.flatMap((summary) => {
    const effect = summary.retracted ? null : readEffect(summary.data);
    return effect && effect.incident === incidentId ? [{ summary, effect }] : [];
  });
}

/** Every live source in the archive, for the lists and the effect form's choice. */
export async function loadSources(): Promise<SourceRow[]> {
  const { records } = unwrap(await dalel().records.list({ type: 'source' }));
  return records.flatMap((summary) => {
    const source = summary.retracted ? null : readSource(summary.data);
    return source ? [{ summary, source }] : [];
  });
}

export async function loadDetail(recordId: string): Promise<{ detail: RecordDetail; data: unknown }> {
  const detail = unwrap(await dalel().records.get({ recordId }));
  return { detail, data: detail.summary.data ?? lastLiveData(detail) };
}

/** An incident's areas, for the default offset of its effects' times (./evidenceOffsets.ts); none when it cannot be read. */
export async function loadIncidentAreas(incidentId: string): Promise<Area[]> {
  if (!incidentId) return [];
  try {
    return readIncident((await loadDetail(incidentId)).data)?.areas ?? [];
  } catch {
    // Only a default offset depends on it: the form still opens.
    return [];
  }
}
