/**
 * Removing one entry of the legal citations or operator statements from the
 * form's draft, together with the citations that name it by index
 * ("legalCitations/2"): the entry's own citations go, later ones move down,
 * so no source ends up supporting an entry it never spoke to. Pure.
 */
import { citationsWithout, type EntryList } from './authorityDraft';
import type { IncidentDraft } from './draft';

export function withoutEntry(draft: IncidentDraft, list: EntryList, index: number): Partial<IncidentDraft> {
  const authority = { ...draft.authority, [list]: draft.authority[list].filter((_, i) => i !== index) };
  const citations = citationsWithout(draft.citations, list, index);
  return { authority, ...(citations ? { citations } : {}) };
}
