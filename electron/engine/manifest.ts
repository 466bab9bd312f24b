/**
 * The archive's manifest, `dalel-archive.json`: the one file that stays
 * readable without the passphrase, because it says how to unlock the rest —
 * the format, a random archive id, the scrypt parameters and the wrapped
 * data key — and holds the safety settings that must work on a locked
 * archive (quick delete, the unlock attempt limit). It never holds a name, a
 * date or anything about the content. Also the count of wrong passphrases.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { Safety } from '../../shared/ipc';
import { quieten, readTextQuietly, writeFileAtomic } from './atomicFile';
import { defaultScryptCost } from './crypto/keyring';
import { EngineError, fromFsError } from './errors';

/** The data folders of layout 2: `data-` and 16 random hex digits. */
export const dataDirPattern = /^data-[0-9a-f]{16}$/;

export const archiveFormat = 1;
export const manifestFile = 'dalel-archive.json';
export const unlockCounterFile = 'unlock-failures.json';

/**
 * SECURITY: only the parameters Dalel writes (N a power of two up to the
 * default 2^17, r = 8, p = 1: at most 128 MiB and about a second per try).
 * A hostile folder offered for merge or open could otherwise ask for many
 * GiB and many seconds per passphrase; it is refused as damaged, before
 * any derivation.
 */
const ScryptParams = z.object({
  name: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .min(2 ** 10)
    .max(defaultScryptCost)
    .refine((n) => (n & (n - 1)) === 0),
  r: z.literal(8),
  p: z.literal(1),
  salt: z.base64(),
});

/**
 * Scheme 1: files sealed in `data/` unpadded, one per record. Scheme 2
 * (encryptedStorage.ts, layout 2): padded, records in packs, custody frames
 * without visible boundaries, quiet file times, in a data folder named
 * afresh at every sealing (the manifest naming it is the moment a re-seal
 * takes effect, reseal.ts).
 */
export const Encryption = z.discriminatedUnion('scheme', [
  z.object({ scheme: z.literal('dalel-aes-256-gcm-1'), kdf: ScryptParams, wrappedKey: z.base64(), kekCheck: z.string() }),
  z.object({
    scheme: z.literal('dalel-aes-256-gcm-2'),
    kdf: ScryptParams,
    wrappedKey: z.base64(),
    kekCheck: z.string(),
    dataDir: z.string().regex(dataDirPattern),
  }),
]);
export type Encryption = z.infer<typeof Encryption>;

export const defaultSafety: Safety = { quickDelete: false, unlockAttemptLimit: null };

export const Manifest = z.object({
  dalel: z.literal('archive'),
  format: z.number().int().positive(),
  archiveId: z.uuid(),
  /** Only in unencrypted archives: an encrypted one tells nothing, not even when it was made. */
  createdAt: z.string().optional(),
  encryption: Encryption.nullable(),
  safety: Safety.default(defaultSafety),
});
export type Manifest = z.infer<typeof Manifest>;

export async function writeManifest(path: string, manifest: Manifest): Promise<void> {
  try {
    await writeFileAtomic(join(path, manifestFile), new TextEncoder().encode(`${JSON.stringify(manifest, null, 1)}\n`));
    if (manifest.encryption?.scheme === 'dalel-aes-256-gcm-2') await quieten([join(path, manifestFile), path]);
  } catch (error) {
    throw fromFsError(error, path);
  }
}

/**
 * Reads and checks the manifest. `path` must be a folder that exists (the
 * caller has said "not found" otherwise); null when it holds no manifest.
 */
export async function readManifest(path: string): Promise<Manifest | null> {
  let text: string;
  try {
    text = await readTextQuietly(join(path, manifestFile));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fromFsError(error, path);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new EngineError('archiveDamaged', { path, file: manifestFile });
  }
  const format = (value as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > archiveFormat) {
    throw new EngineError('archiveTooNew', { version: format, supported: archiveFormat });
  }
  const parsed = Manifest.safeParse(value);
  if (!parsed.success) throw new EngineError('archiveDamaged', { path, file: manifestFile });
  return parsed.data;
}

/**
 * Wrong passphrases in a row, kept beside the manifest so that a limit
 * survives restarts, with the epoch the last unlock gave it: the sealed copy
 * of that epoch (vouched.ts) tells the next unlock whether the file was
 * removed or replaced while the archive was locked.
 */
export interface UnlockCounter {
  count: number;
  epoch: string | null;
}

/** The counter as the file holds it; null when there is no file. */
export async function readUnlockCounter(path: string): Promise<UnlockCounter | null> {
  let value: { count?: unknown; epoch?: unknown };
  try {
    value = JSON.parse(await readTextQuietly(join(path, unlockCounterFile)));
  } catch {
    return null;
  }
  const count = Number.isInteger(value?.count) && (value.count as number) >= 0 ? (value.count as number) : 0;
  return { count, epoch: typeof value?.epoch === 'string' ? value.epoch : null };
}

export async function readUnlockFailures(path: string): Promise<number> {
  return (await readUnlockCounter(path))?.count ?? 0;
}

/** Writes the count, keeping the file's epoch unless a new one is given (a successful unlock). */
export async function writeUnlockFailures(path: string, count: number, epoch?: string): Promise<void> {
  const kept = epoch ?? (await readUnlockCounter(path))?.epoch ?? null;
  await writeFileAtomic(join(path, unlockCounterFile), new TextEncoder().encode(JSON.stringify({ count, ...(kept ? { epoch: kept } : {}) })));
  // Only encrypted archives count failures; the counter's time would tell when someone last tried.
  await quieten([join(path, unlockCounterFile), path]);
}

export function attemptsLeft(manifest: Manifest, failures: number): number | null {
  const limit = manifest.safety.unlockAttemptLimit;
  return limit === null || !manifest.encryption ? null : Math.max(0, limit - failures);
}

/** The manifest of an existing archive folder, or the clear reason there is none. */
export async function manifestOf(path: string): Promise<Manifest> {
  try {
    if (!(await stat(path)).isDirectory()) throw new EngineError('notAnArchive', { path });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new EngineError('archiveNotFound', { path });
    throw fromFsError(error, path);
  }
  const manifest = await readManifest(path);
  if (manifest) return manifest;
  const empty = (await entriesOf(path)).length === 0;
  throw new EngineError(empty ? 'archiveNotFound' : 'notAnArchive', { path });
}


export async function entriesOf(path: string): Promise<string[]> {
  try {
    return await readdir(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    if (code === 'ENOTDIR') throw new EngineError('archiveExists', { path });
    throw fromFsError(error, path);
  }
}
