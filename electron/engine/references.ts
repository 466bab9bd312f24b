/**
 * What names a record (`records:references`): the other side of every
 * reference, so that a page can show it — the incidents that link to an
 * incident (shown there as "linked from"), the effects and interventions
 * about it, and the records that list or cite a source. Read from the
 * summaries the store keeps; live records only (a retracted one names
 * nothing); a record in conflict by the version made last, as lists show it.
 */
import { recordTypes, type RecordType } from '../../shared/model';
import type { Reference } from '../../shared/ipc';
import type { Archive } from './archive';

const idsIn = (value: unknown): string[] => (Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []);

/** How one record's data names `recordId`, if it does. */
function referencesIn(type: RecordType, data: Record<string, unknown>, recordId: string): Omit<Reference, 'recordId' | 'type' | 'title'>[] {
  const found: Omit<Reference, 'recordId' | 'type' | 'title'>[] = [];
  for (const link of Array.isArray(data.links) ? data.links : []) {
    if (link?.incident === recordId && typeof link.kind === 'string') found.push({ via: 'link', kind: link.kind });
  }
  if (data.incident === recordId || idsIn(data.incidents).includes(recordId)) found.push({ via: 'incident' });
  if (idsIn(data.sources).includes(recordId)) {
    const cited = (Array.isArray(data.citations) ? data.citations : []).filter((citation) => citation?.source === recordId);
    if (cited.length === 0) found.push({ via: 'source' });
    for (const citation of cited) {
      const stance = citation.stance === 'contradicts' ? 'contradicts' : 'supports';
      const locator = typeof citation.locator === 'string' && citation.locator ? { locator: citation.locator } : {};
      found.push({ via: 'citation', field: String(citation.field), stance, ...locator });
    }
  }
  return type === 'source' ? [] : found;
}

const titleOf = (type: RecordType, data: Record<string, unknown>): string =>
  typeof data.title === 'string' ? data.title : type === 'effect' && typeof data.category === 'string' ? data.category : '';

export function referencesTo(archive: Pick<Archive, 'listRecords'>, recordId: string): Reference[] {
  const references: Reference[] = [];
  for (const type of recordTypes) {
    for (const summary of archive.listRecords(type)) {
      if (summary.retracted || !summary.data || summary.recordId === recordId) continue;
      for (const found of referencesIn(type, summary.data, recordId)) references.push({ recordId: summary.recordId, type, title: titleOf(type, summary.data), ...found });
    }
  }
  return references;
}
