/**
 * Keeps export within the budgets the verifier holds every bundle to
 * (limits.ts), so that Dalel never writes a bundle that it, or anyone it is
 * sent to, would refuse unread: the counts and bundle.json's size are judged
 * before a file is written, and bundle.json's bytes again once made. A bundle
 * beyond them is refused with `bundleTooLarge`; moving a whole archive is
 * `dalel merge` of its folder. Reads and writes nothing.
 */
import type { Bundle } from '../../../shared/model';
import { EngineError } from '../errors';
import { jsonShapeProblem } from '../../../shared/verify/jsonShape';
import { bundleLimits, type BundleLimits } from '../../../shared/verify/limits';

/**
 * The files of a bag beside its evidence: eight in data/ at most (bundle.json, the report as HTML and
 * PDF, four CSVs, a legal bundle's un-communication.html), and the seven tag files.
 */
const ownFiles = 15;

const tooLarge = (what: string, limit: number, count?: number) => new EngineError('bundleTooLarge', { what, limit, ...(count === undefined ? {} : { count }) });

/** The bundle's counts, and the size and shape of its bundle.json, as export is about to write it. */
export function checkBundleBudget(bundle: Bundle, limits: BundleLimits = bundleLimits): void {
  const counts: [string, number, number][] = [
    ['records', bundle.records.length, limits.maxRecords],
    ['revisions', bundle.records.reduce((sum, record) => sum + (record.revisions?.length ?? 0), 0), limits.maxRevisions],
    ['attachments', bundle.attachments.length, limits.maxAttachments],
    ['custody', bundle.custody.length, limits.maxCustodyLines],
    ['entries', new Set(bundle.attachments.map((attachment) => attachment.path)).size + ownFiles, limits.maxEntries],
  ];
  for (const [what, count, limit] of counts) if (count > limit) throw tooLarge(what, limit, count);
  checkBundleJsonBytes(new TextEncoder().encode(`${JSON.stringify(bundle, null, 2)}\n`), limits);
}

export function checkBundleJsonBytes(bytes: Uint8Array, limits: BundleLimits = bundleLimits): void {
  if (bytes.length > limits.maxBundleJsonBytes) throw tooLarge('bundleJsonBytes', limits.maxBundleJsonBytes, bytes.length);
  const shape = jsonShapeProblem(bytes, limits);
  if (shape) throw tooLarge(`bundleJson.${shape.problem}`, shape.limit);
}
