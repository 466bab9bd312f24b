/**
 * The checks of bundle.json against itself, once it matches its schema
 * (docs/spec/bundle-format.md, "What a verifier must reject"). Anyone can
 * sign a bundle, so a valid signature says nothing about whether what a
 * reader is shown is what the records' authors signed and the archive's log
 * wrote: an `internal` record must show the head it names, one of its own
 * revisions; a `legal` bundle must count truly the records that only its own
 * signature covers; every custody line must name a record of the bundle,
 * and where the bundle carries the log's chain, each line must be the one
 * the log wrote. Pure functions over the parsed bundle; each problem is a
 * `VerifyFailure` naming data/bundle.json. Signatures are checked elsewhere
 * (bagChecks.ts, ../disclosure.ts, ../merge/incoming.ts).
 */
import { genesisHash, type Bundle, type CustodyEvent } from '../../../shared/model';
import { canonicalJson } from '../canonical';
import { hashOf } from '../custodyLog';
import { VerifyFailure } from '../../../shared/verify/verifyFailure';

const file = 'data/bundle.json';

/** Whether two JSON values are equal; a value JCS cannot write (a lone surrogate) equals nothing. */
function same(a: unknown, b: unknown): boolean {
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch {
    return false;
  }
}

/**
 * `internal`: every revision a record carries is of that record, the head it
 * names is one of them, and the record shows that head's fields and time.
 * SECURITY: the report, the CSVs and an import's preview read the record's
 * fields, not its revisions; the revisions alone are what the authors signed.
 */
export function checkRecordHeads(bundle: Bundle): void {
  bundle.records.forEach((record, index) => {
    const refuse = (problem: string) => new VerifyFailure('recordNotHead', file, { recordId: record.recordId, problem, path: `records.${index}` });
    const revisions = record.revisions ?? [];
    if (revisions.some(({ revision }) => revision.recordId !== record.recordId || revision.type !== record.type)) throw refuse('otherRecord');
    const head = revisions.find((signed) => signed.id === record.headId);
    if (!head) throw refuse('headNotCarried');
    if (!same(head.revision.data, record.data)) throw refuse('dataNotHead');
    if (record.updatedAt !== head.revision.createdAt) throw refuse('updatedAtNotHead');
  });
}

/**
 * Format 2 `legal`: `redactions.unsignedHeads` is the number of records
 * without a signed head, so that the report says truly how many records the
 * bundle's signature alone covers.
 */
export function checkUnsignedHeads(bundle: Bundle): void {
  const declared = bundle.redactions.unsignedHeads ?? 0;
  const actual = bundle.records.filter((record) => !record.signedHead).length;
  if (declared !== actual) throw new VerifyFailure('unsignedHeadsMiscounted', file, { declared, actual });
}

/**
 * Every custody line names a record of the bundle. Where the bundle carries
 * the chain (format 1, and `internal`), each line's hash is the sha256 of
 * its canonical JSON without the hash, and a line that follows the one
 * before it in the log (the next `seq`) names that line's hash as `prev`;
 * line 0 names 64 zeros. A line whose predecessor is not in the bundle (a
 * line of another record) cannot be checked against it.
 */
export function checkCustody(bundle: Bundle): void {
  const records = new Set(bundle.records.map((record) => record.recordId));
  const chained = bundle.format === 1 || bundle.profile === 'internal';
  let previous: Bundle['custody'][number] | undefined;
  for (const line of bundle.custody) {
    if (line.recordId === undefined || !records.has(line.recordId)) throw new VerifyFailure('custodyRecordUnknown', file, { seq: line.seq });
    if (chained) {
      const { hash, ...rest } = line;
      const follows = previous?.seq === line.seq - 1 ? previous.hash : line.seq === 0 ? genesisHash : line.prev;
      if (line.prev !== follows || hash !== lineHash(rest as Omit<CustodyEvent, 'hash'>)) throw new VerifyFailure('custodyChainBroken', file, { seq: line.seq });
    }
    previous = line;
  }
}

/** A line's hash as the log computes it; a line JCS cannot write (a lone surrogate) has none. */
function lineHash(line: Omit<CustodyEvent, 'hash'>): string | null {
  try {
    return hashOf(line);
  } catch {
    return null;
  }
}
