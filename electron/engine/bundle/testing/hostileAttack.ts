/**
 * Test and bench helper: what one attack of the hostile corpus
 * (hostileCorpus.ts) is, and the signed bags its attacks are built from.
 */
import { randomUUID } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import type { FailureReason } from '../../../../shared/bagit';
import { bagEntries, makeBag, type Bag, type BagOptions, type ZipEndSpec, type ZipEntrySpec } from './makeBundle';

/** `full`: each attack at the size it was reported at; `small`: as small as the default budgets still refuse it for the same reason. */
export type CorpusSize = 'full' | 'small';

export interface Attack {
  /** The ZIP's name in the corpus folder, without ".zip". */
  id: string;
  /** What it tries, in a sentence. */
  attack: string;
  /** The refusal it must get. */
  reason: FailureReason;
  /** The entries to write, and the file the refusal names: relative to the bag, or the entry's name in the ZIP. */
  build(size: CorpusSize): Promise<{ entries: ZipEntrySpec[]; file?: string; zip?: ZipEndSpec }>;
}

export const MiB = 2 ** 20;
export const text = (value: string) => Buffer.from(value, 'utf8');
export const pick = <T>(size: CorpusSize, full: T, small: T) => (size === 'full' ? full : small);

/** A signed bag, as ZIP entries; `stored` files are not deflated, so that no ratio check refuses them first. */
export async function signed(options: BagOptions = {}, stored: string[] = []): Promise<{ bag: Bag; entries: ZipEntrySpec[] }> {
  const bag = await makeBag(options);
  const entries = bagEntries(bag).map((entry) => (stored.some((path) => entry.name === `${bag.name}/${path}`) ? { ...entry, method: 0 } : entry));
  return { bag, entries };
}

/** A signed bag whose data/bundle.json is `bytes`, deflated when asked (stored, so no ratio check stops it first, otherwise). */
export async function withBundleJson(bytes: Buffer, deflate = false) {
  const bag = await makeBag({ payload: (files) => files.set('data/bundle.json', bytes) });
  const entries = bagEntries(bag).map((entry) => {
    if (entry.name !== `${bag.name}/data/bundle.json`) return entry;
    // Sizes and CRC given, so writeZip never copies 240 MB.
    return { name: entry.name, size: bytes.length, crc: crc32(bytes), ...(deflate ? { rawData: deflateRawSync(bytes, { level: 1 }) } : { method: 0, rawData: bytes }) };
  });
  return { entries, file: 'data/bundle.json' };
}

/** bundle.json as makeBag writes it, changed by `change`, for an `internal` bag when asked. */
export const bundleChange = (change: (bundle: Record<string, unknown>) => void, internal = false): BagOptions => ({
  bundle: (bundle) => {
    if (internal) bundle.profile = 'internal';
    change(bundle);
  },
  bagInfo: (fields) => fields.map(([label, value]) => [label, internal && label === 'Dalel-Profile' ? 'internal' : value]),
});

/** A record as a bundle lists it, with the fields the schema wants and little else. */
export const record = (revisions?: unknown[]) => ({
  recordId: randomUUID(),
  type: 'incident',
  headId: '0'.repeat(64),
  createdAt: '2025-01-05T09:00:00.000Z',
  updatedAt: '2025-01-05T09:00:00.000Z',
  retracted: false,
  ...(revisions ? { revisions } : {}),
  data: { title: 'x' },
});
