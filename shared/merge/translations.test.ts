// Two defenders translate the same testimony differently (one adds a Kazakh
// translation, the other corrects the English one and certifies it) and
// exchange their archives: the merge keeps both versions whole, as a
// conflict with both heads, so that neither translation nor translator is
// lost; the person resolving it sees both and chooses.
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { Source, type SignedRevision } from '../model';
import { conflictsOf, currentStateOf, mergeRecords, resolveConflictParents } from '.';

/** A distinct 64-hex id per content (merge never checks ids; the engine does, and shared/ has no hashing). */
function idOf(value: unknown): string {
  const text = canonicalize(value)!;
  let hex = '';
  for (let seed = 0; seed < 8; seed += 1) {
    let hash = (0x811c9dc5 ^ Math.imul(seed + 1, 0x9e3779b1)) >>> 0;
    for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
    hex += hash.toString(16).padStart(8, '0');
  }
  return hex;
}

const recordId = '6f1c2a10-0000-4000-8000-0000000000aa';
const english = { language: 'en', text: 'We could not call an ambulance.', translator: 'Dana S.', translatedAt: '2022-01-14', certified: false };
const kazakh = { language: 'kk', text: 'Біз жедел жәрдем шақыра алмадық.', translator: 'Әйгерім Н.', translatedAt: '2022-01-15', certified: false };
const certified = { ...english, text: 'We could not call an ambulance all night.', translatedAt: '2022-01-16', certified: true };
const base = { kind: 'media_report', title: 'Ambulance', content: 'Мы не могли вызвать скорую помощь.', language: 'ru', url: '', sensitive: false };

function revision(parents: string[], minute: number, author: number, translations: object[]): SignedRevision {
  const body = {
    format: 1 as const,
    recordId,
    type: 'source' as const,
    parents,
    author: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAISide${author}`,
    createdAt: new Date(Date.UTC(2022, 0, 16, 6, minute)).toISOString(),
    data: { ...base, translations },
  };
  return { id: idOf(body), signature: 'c2lnbmF0dXJl', revision: body };
}

describe('merging two archives that edited a source\'s translations differently', () => {
  const created = revision([], 0, 0, [english]);
  const addedKazakh = revision([created.id], 5, 0, [english, kazakh]);
  const certifiedEnglish = revision([created.id], 7, 1, [certified]);

  it('loses neither: both versions are heads of a conflict, each with its translations and translators whole', () => {
    for (const merged of [
      mergeRecords({ [recordId]: [created, addedKazakh] }, { [recordId]: [created, certifiedEnglish] }),
      mergeRecords({ [recordId]: [created, certifiedEnglish] }, { [recordId]: [created, addedKazakh] }),
    ]) {
      expect(merged.problems).toEqual([]);
      const state = currentStateOf(merged.records[recordId]!)!;
      expect(state.conflict).toBe(true);
      const heads = state.conflict ? state.heads.map((head) => Source.parse(head.revision.data).translations) : [];
      expect(heads).toContainEqual([english, kazakh]);
      expect(heads).toContainEqual([certified]);
      expect(conflictsOf(merged.records)).toHaveLength(1);
    }
  });

  it('keeps the translations the person chose when resolving, and receiving the old versions again does not reopen it', () => {
    const merged = mergeRecords({ [recordId]: [created, addedKazakh] }, { [recordId]: [created, certifiedEnglish] }).records;
    const resolution = revision(resolveConflictParents(merged[recordId]!), 20, 2, [certified, kazakh]);
    const resolved = mergeRecords(merged, { [recordId]: [resolution] }).records;
    const state = currentStateOf(resolved[recordId]!)!;
    expect(state.conflict).toBe(false);
    expect(state.conflict ? null : Source.parse(state.head.revision.data).translations).toEqual([certified, kazakh]);
    expect(conflictsOf(mergeRecords(resolved, { [recordId]: [created, addedKazakh] }).records)).toEqual([]);
  });
});
