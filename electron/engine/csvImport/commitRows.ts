/**
 * Adding a spreadsheet's rows to the archive, all or nothing
 * (docs/guides/spreadsheets.md). Each record is found again by its external
 * id: the same content adds nothing, another content becomes a new revision
 * of that record, and an unknown id a new record. Every revision is signed
 * here and committed through the journal of imports and merges
 * (merge/journal.ts), so a crash leaves every row or none. A row that cannot
 * be applied (its id names a retracted record, one in conflict, one of
 * another type, or a person's testimony) refuses the whole file.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { unknownAreaCodes } from '../../../shared/model/knownAreas';
import { describeIssues } from '../../../shared/model/validation';
import { Incident, Source, type RecordType, type SignedRevision } from '../../../shared/model';
import type { CsvProblem, OwnRow } from '../../../shared/csv/ownRows';
import { canonicalJson } from '../canonical';
import type { CustodyFacts } from '../custodyLog';
import { commitJournal, emptyJournal } from '../merge/journal';
import type { MergeTarget } from '../merge/importBundle';
import { signRevision } from '../revisions';
import { exportedIdPrefix } from '../../../shared/csv/uwaziExport';
import type { CustodyAction } from '../../../shared/model';

export type RowStatus = 'new' | 'changed' | 'unchanged';

export interface CsvImportCounts {
  incidentsAdded: number;
  sourcesAdded: number;
  /** Records whose row changed since it was imported: each got a new revision. */
  revised: number;
  /** Records already here as the row says. */
  unchanged: number;
}

export interface PlannedRows {
  statuses: Map<number, RowStatus>;
  counts: CsvImportCounts;
  problems: CsvProblem[];
  revisions: SignedRevision[];
}

interface Known {
  recordId: string;
  type: RecordType;
  head: SignedRevision | null;
  data: Record<string, unknown> | null;
}

/** Records that carry an external id, by type and id. */
function knownByExternalId(target: MergeTarget): Map<string, Known> {
  const known = new Map<string, Known>();
  for (const type of ['incident', 'source'] as const) {
    for (const summary of target.records.list(type)) {
      const heads = target.records.heads(summary.recordId);
      const data = (summary.conflict || summary.retracted ? summary.data : heads[0]?.revision.data) as Record<string, unknown> | null;
      // A retracted record keeps its id in its earlier versions: a row naming it must not make it again.
      const earlier = () => (target.records.get(summary.recordId)?.history ?? []).map((signed) => signed.revision.data as Record<string, unknown> | null).reverse();
      const externalId = typeof data?.externalId === 'string' ? data.externalId : earlier().find((version) => typeof version?.externalId === 'string')?.externalId;
      const usable = heads.length === 1 && heads[0]!.revision.data !== null;
      // A record made here has no external id: the CSV export names it `dalel:<record id>` (shared/csv/uwaziExport.ts).
      const key = typeof externalId === 'string' ? externalId : `${exportedIdPrefix}${summary.recordId}`;
      known.set(`${type} ${key}`, { recordId: summary.recordId, type, head: usable ? heads[0]! : null, data: usable ? data : null });
    }
  }
  return known;
}

/** Decides, for every row, what it adds; signs the revisions unless nothing may be written. */
export function planRows(target: MergeTarget, rows: readonly OwnRow[], sign: boolean): PlannedRows {
  const known = knownByExternalId(target);
  const counts: CsvImportCounts = { incidentsAdded: 0, sourcesAdded: 0, revised: 0, unchanged: 0 };
  const statuses = new Map<number, RowStatus>();
  const problems: CsvProblem[] = [];
  const revisions: SignedRevision[] = [];
  const createdAt = new Date();

  /** One record of a row: new, a revision, or nothing; returns its id, or null when the row cannot apply. */
  function place(row: number, type: 'incident' | 'source', externalId: string, data: Record<string, unknown>): { recordId: string; status: RowStatus } | null {
    const found = known.get(`${type} ${externalId}`);
    const other = known.get(`${type === 'incident' ? 'source' : 'incident'} ${externalId}`);
    if (!found && other) {
      problems.push({ row, key: 'csv:row.otherType', params: { id: externalId } });
      return null;
    }
    if (found && !found.head) {
      problems.push({ row, key: 'csv:row.recordNotUpdatable', params: { id: externalId } });
      return null;
    }
    // SECURITY: a person's testimony (their name, their consent) is never rewritten from a spreadsheet.
    if (found && (found.data?.person !== undefined || found.data?.consent !== undefined)) {
      problems.push({ row, key: 'csv:row.testimonyNotUpdated', params: { id: externalId } });
      return null;
    }
    if (found && externalId === `${exportedIdPrefix}${found.recordId}`) delete data.externalId;
    // SECURITY: a sample record stays marked as one, whatever the row says (illustrativeMark.ts).
    if (found?.data?.illustrative === true) data.illustrative = true;
    if (found && canonicalJson(found.data) === canonicalJson(data)) {
      counts.unchanged += 1;
      return { recordId: found.recordId, status: 'unchanged' };
    }
    const recordId = found?.recordId ?? randomUUID();
    if (sign) revisions.push(signRevision(target.key, { recordId, type, parents: found ? [found.head!.id] : [], data, createdAt }));
    if (found) counts.revised += 1;
    else if (type === 'incident') counts.incidentsAdded += 1;
    else counts.sourcesAdded += 1;
    return { recordId, status: found ? 'changed' : 'new' };
  }

  /** The checked fields, or null and the row's problems (the STOP mapping's records are checked here, not before). */
  function checked(row: number, parsed: { success: true; data: object } | { success: false; error: z.ZodError }, input: unknown): Record<string, unknown> | null {
    // An area code the gazetteer does not hold is refused here as on every save (shared/model/knownAreas.ts).
    const found = parsed.success ? unknownAreaCodes(parsed.data as Record<string, unknown>) : describeIssues(parsed.error, input);
    if (parsed.success && found.length === 0) return { ...parsed.data };
    for (const problem of found) problems.push({ row, key: `validation:${problem.key}`, params: { ...problem.params, field: problem.path } });
    return null;
  }

  for (const row of rows) {
    const placed: RowStatus[] = [];
    const sourceIds: string[] = [];
    for (const { externalId, ...given } of row.sources) {
      const existing = known.get(`source ${externalId}`)?.data;
      // What the sheet does not say stays as it is; a source marked sensitive stays so (an import never lowers a protection).
      const input = { ...existing, ...given, externalId, sensitive: existing?.sensitive === true || given.sensitive === true };
      const parsed = checked(row.row, Source.safeParse(input), input);
      if (!parsed) continue;
      const collectedBy = typeof existing?.collectedBy === 'string' ? existing.collectedBy : target.key.fingerprint;
      const source = place(row.row, 'source', externalId, { ...parsed, collectedBy });
      if (!source) continue;
      sourceIds.push(source.recordId);
      placed.push(source.status);
    }
    if (sourceIds.length !== row.sources.length) continue;
    const existing = known.get(`incident ${row.externalId}`)?.data;
    // Sources linked in the app since the last import stay linked.
    const kept = Array.isArray(existing?.sources) ? (existing.sources as string[]).filter((id) => !sourceIds.includes(id)) : [];
    const linked = row.link ? row.link(sourceIds) : { ...row.incident, sources: sourceIds };
    // SECURITY: as with sources, fields the sheet leaves out stay, and a confidential incident stays confidential.
    const input = { ...existing, ...linked, sources: [...(linked.sources ?? []), ...kept], confidential: existing?.confidential === true || linked.confidential === true };
    // A sheet writes a time, not how precisely it is known: the same time keeps the precision the record gave it.
    for (const key of ['startedAt', 'endedAt'] as const) {
      const before = existing?.[key] as { at?: string; precision?: 'minute' | 'hour' | 'day' } | undefined;
      const given = input[key] as { at: string } | undefined;
      if (before?.at !== undefined && given?.at === before.at) input[key] = { ...given, precision: before.precision };
    }
    const data = checked(row.row, Incident.safeParse(input), input);
    if (!data) continue;
    const incident = place(row.row, 'incident', row.externalId, data);
    if (!incident) continue;
    placed.push(incident.status);
    statuses.set(row.row, placed.includes('new') ? 'new' : placed.includes('changed') ? 'changed' : 'unchanged');
  }
  return { statuses, counts, problems, revisions };
}

/** Commits the planned revisions as one change; the custody log names the import once per record. */
export async function commitRows(target: MergeTarget, revisions: readonly SignedRevision[]): Promise<void> {
  if (!revisions.length) return;
  const custody: ({ action: CustodyAction } & CustodyFacts)[] = revisions.map((signed) => ({
    action: 'record_saved',
    recordId: signed.revision.recordId,
    revisionId: signed.id,
    note: 'imported from a spreadsheet',
  }));
  const journal = emptyJournal();
  journal.revisions = [...revisions];
  journal.custody = target.custody.prepare(target.key.fingerprint, custody);
  await commitJournal(target, journal);
}
