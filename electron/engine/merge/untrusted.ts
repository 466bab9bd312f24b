/**
 * Who may change a record (docs/design.md, "Merge"; issue 17): a revision
 * that another archive or a bundle brings for a record is taken only when
 * its author made the record (signed one of its first revisions), is this
 * archive's own key, or is a key this archive trusts. Anyone else's edit or
 * retraction is set aside: it never becomes the record's head, and the
 * person is told whose key made it, to decide (trusting that key and
 * importing again takes it). A revision built on one set aside is set aside
 * with it, so that no history is left with a gap.
 *
 * SECURITY: without this, anyone who has seen one bundle holding a record's
 * head id could sign an edit of it with their own key, and an import would
 * make that edit the record's current text, exported later under the
 * organization's own signature.
 */
import type { SetAsideChange as SetAside, SignedRevision } from '../../../shared/model';
import type { RecordStore } from '../recordStore';
import { fingerprintOfLine } from '../signingKey';

export type { SetAside };

/**
 * Splits checked revisions into those taken and those set aside, and says
 * who made each record they bring. `vouched`: fingerprints of this
 * archive's own key and of every key it trusts.
 */
export function setAsideUntrusted(
  records: RecordStore,
  incoming: readonly SignedRevision[],
  vouched: ReadonlySet<string>,
): { taken: SignedRevision[]; setAside: SetAside[]; makers: Map<string, Set<string>> } {
  const byRecord = new Map<string, SignedRevision[]>();
  for (const signed of incoming) {
    const list = byRecord.get(signed.revision.recordId);
    if (list) list.push(signed);
    else byRecord.set(signed.revision.recordId, [signed]);
  }
  const refused = new Set<string>();
  const makers = new Map<string, Set<string>>();
  for (const [recordId, revisions] of byRecord) {
    const made = makersOf(records, recordId, revisions, vouched);
    makers.set(recordId, made);
    const allowed = (author: string) => {
      const fingerprint = fingerprintOfLine(author);
      return made.has(fingerprint) || vouched.has(fingerprint);
    };
    // A revision built on one set aside goes with it: taken alone, its history would have a gap.
    const children = new Map<string, SignedRevision[]>();
    for (const signed of revisions) {
      for (const parent of signed.revision.parents) children.set(parent, [...(children.get(parent) ?? []), signed]);
    }
    const pending = revisions.filter((signed) => !allowed(signed.revision.author));
    while (pending.length) {
      const signed = pending.pop()!;
      if (refused.has(signed.id)) continue;
      refused.add(signed.id);
      pending.push(...(children.get(signed.id) ?? []));
    }
  }
  const taken: SignedRevision[] = [];
  const setAside: SetAside[] = [];
  for (const signed of incoming) {
    if (!refused.has(signed.id)) taken.push(signed);
    else setAside.push({ recordId: signed.revision.recordId, revisionId: signed.id, author: fingerprintOfLine(signed.revision.author) });
  }
  return { taken, setAside, makers };
}

/**
 * Whether evidence files that come with a bundle or an archive may be listed
 * for this record: only when the key that vouches for them (the bundle's
 * signer, the other archive's owner) made the record (`makers`, for a record
 * the change brings) or is vouched for.
 */
export function mayAddFiles(
  records: RecordStore,
  recordId: string,
  fingerprint: string,
  vouched: ReadonlySet<string>,
  makers: ReadonlyMap<string, ReadonlySet<string>>,
): boolean {
  if (vouched.has(fingerprint)) return true;
  const made = records.has(recordId) ? makersOf(records, recordId, [], vouched) : makers.get(recordId);
  return made?.has(fingerprint) ?? false;
}

/**
 * Who made a record, by fingerprint: the authors of its first revisions this
 * archive holds. For a record it does not hold yet, the one author of the
 * first revisions the change brings; if they name more than one author (a
 * second first revision, as someone who saw the record's id could sign),
 * only those vouched for count, and none when none is.
 *
 * SECURITY: otherwise the first to bring a record would make any key its
 * maker, and that key could edit it silently from then on.
 */
function makersOf(records: RecordStore, recordId: string, incoming: readonly SignedRevision[], vouched: ReadonlySet<string>): Set<string> {
  const held = records.firstAuthors(recordId);
  if (held.size) return new Set([...held].map(fingerprintOfLine));
  const first = new Set(incoming.filter((signed) => !signed.revision.parents.length).map((signed) => fingerprintOfLine(signed.revision.author)));
  return first.size <= 1 ? first : new Set([...first].filter((fingerprint) => vouched.has(fingerprint)));
}
