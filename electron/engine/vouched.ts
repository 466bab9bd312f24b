/**
 * What only the passphrase vouches for (issue 16): a sealed copy of the
 * safety settings as the owner last set them, the epoch of the unlock
 * counter, and the custody log's end (its length and last hash). The
 * manifest and the counter must stay readable on a locked archive, since
 * they act before any passphrase; anyone with the folder can change them,
 * and can cut the end of the log. None of that can be stopped without the
 * passphrase, but the next unlock finds each one and names it:
 * - `safetyChanged`: the manifest's settings differ from the sealed ones
 *   (a limit removed, or planted so that the owner's typos destroy the
 *   archive); the sealed ones are put back;
 * - `unlockCounterRemoved`: the counter file is gone or another's (deleted
 *   between guesses, to guess on without limit);
 * - `custodyCut`: the log ends before the line this file vouches for;
 * - `vouchedMissing`: this file itself was removed or damaged (the sealed
 *   settings say it was written).
 * The counter is only kept, and checked, while an attempt limit is set.
 * An unencrypted archive has none of this: anyone can rewrite any of it.
 * Nor can a whole older copy of the folder put back be told from the real
 * one: that is a limit of keeping state in files others can copy.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { Safety, type Tampering } from '../../shared/ipc';
import type { UnlockCounter } from './manifest';
import type { Storage } from './storage';

export const vouchedFile = 'vouched.json';

const Vouched = z.strictObject({
  safety: Safety,
  counterEpoch: z.string(),
  /** The epoch before, still accepted: an unlock writes this file first, then the counter. */
  previousEpoch: z.string().nullable(),
  custody: z.strictObject({ length: z.number().int().nonnegative(), hash: z.string() }),
});
export type Vouched = z.infer<typeof Vouched>;

export type { Tampering } from '../../shared/ipc';

/** The sealed copy; null when there is none, or it cannot be read (damaged, altered). */
export async function readVouched(storage: Storage): Promise<Vouched | null> {
  try {
    const bytes = await storage.read(vouchedFile);
    return bytes ? Vouched.parse(JSON.parse(new TextDecoder().decode(bytes))) : null;
  } catch {
    return null;
  }
}

export function writeVouched(storage: Storage, vouched: Vouched): Promise<void> {
  return storage.write(vouchedFile, new TextEncoder().encode(JSON.stringify(vouched)));
}

export const newEpoch = () => randomBytes(16).toString('base64url');

interface Found {
  safety: Safety;
  counter: UnlockCounter | null;
  /** The hash of a custody line (from 0), undefined past the log's end. */
  custodyHashAt(index: number): string | undefined;
}

/**
 * What changed while the archive was locked, by name. `expected`: the sealed
 * settings say this file was written, so its absence is itself a change.
 */
export function tamperingSince(vouched: Vouched | null, expected: boolean, found: Found): Tampering[] {
  if (!vouched) return expected ? ['vouchedMissing'] : [];
  const tampering: Tampering[] = [];
  const same = (a: Safety, b: Safety) => a.quickDelete === b.quickDelete && a.unlockAttemptLimit === b.unlockAttemptLimit;
  if (!same(vouched.safety, found.safety)) tampering.push('safetyChanged');
  const epoch = found.counter?.epoch;
  const counted = vouched.safety.unlockAttemptLimit !== null;
  if (counted && (!epoch || (epoch !== vouched.counterEpoch && epoch !== vouched.previousEpoch))) tampering.push('unlockCounterRemoved');
  const { length, hash } = vouched.custody;
  if (length > 0 && found.custodyHashAt(length - 1) !== hash) tampering.push('custodyCut');
  return tampering;
}
