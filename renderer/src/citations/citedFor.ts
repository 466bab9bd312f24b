/**
 * "Cited for" on a source's page, as a pure function: which claims of which
 * live records cite the source, record by record, in the order given.
 */
import type { Citation } from '../../../shared/model';
import type { CitingForm } from './citationRows';

export interface CitingRecord {
  recordId: string;
  type: CitingForm;
  /** What the page names the record by: an incident's title, an effect's category. */
  name: string;
  citations: readonly Citation[] | undefined;
}

export interface CitedUse {
  recordId: string;
  type: CitingForm;
  name: string;
  citations: Citation[];
}

export function citedFor(source: string, records: readonly CitingRecord[]): CitedUse[] {
  return records.flatMap(({ citations, ...record }) => {
    const mine = (citations ?? []).filter((citation) => citation.source === source);
    return mine.length > 0 ? [{ ...record, citations: mine }] : [];
  });
}
