/**
 * `archive:check` and `archive:repair` (docs/spec/cli.md `dalel check`,
 * `dalel repair`): an archive's folder, taken under its lock and unlocked
 * with its passphrase, inspected (inspect.ts) and, for a repair, brought
 * back (repair.ts). They work where opening the archive would refuse (a
 * broken custody log): that is when they are needed.
 */
import { resolve } from 'node:path';
import { archiveIsWhole, type ArchiveCheck } from '../../../shared/ipc';
import { lockArchive, type LockHolder } from '../archiveLock';
import { readArchiveKey } from '../archiveKey';
import { Keyring } from '../crypto/keyring';
import { recoverInterruptedEncryption } from '../encryptInPlace';
import { EngineError } from '../errors';
import { manifestOf } from '../manifest';
import { storageFor } from '../sealing';
import type { Storage } from '../storage';
import { unlockDataKey } from '../unlock';
import { inspect, type Inspection } from './inspect';
import { repairArchive, type RepairReport } from './repair';

export type { RepairReport } from './repair';

interface Opened {
  storage: Storage;
  path: string;
}

async function withStorage<T>(folder: string, passphrase: string | undefined, holder: LockHolder, work: (opened: Opened) => Promise<T>): Promise<T> {
  const path = resolve(folder);
  await manifestOf(path);
  const lock = await lockArchive(path, holder);
  try {
    const manifest = await manifestOf(path);
    await recoverInterruptedEncryption(path, manifest);
    const keyring = manifest.encryption ? new Keyring(await unlockDataKey(path, manifest, passphrase)) : null;
    return await work({ storage: storageFor(path, manifest.encryption, keyring), path });
  } finally {
    await lock.release();
  }
}

/** What a check found, as the command and the app show it. */
function checkOf(found: Inspection): ArchiveCheck {
  const { broken } = found.custody;
  return {
    custody: broken && { line: broken.line, kind: broken.kind, intact: broken.intact.length, damaged: broken.damaged },
    records: found.fileProblems,
    evidence: found.evidence,
    leftovers: found.leftovers,
  };
}

export function checkArchive(folder: string, passphrase: string | undefined, holder: LockHolder, onProgress?: (done: number, total: number) => void): Promise<ArchiveCheck> {
  return withStorage(folder, passphrase, holder, async ({ storage }) => checkOf(await inspect(storage, 'check', onProgress)));
}

/** Repairs what a check finds; an archive with nothing to repair is left as it is (`report` null). */
export function repairArchiveAt(
  folder: string,
  passphrase: string | undefined,
  holder: LockHolder,
  onProgress?: (done: number, total: number) => void,
): Promise<{ found: ArchiveCheck; report: RepairReport | null; after: ArchiveCheck }> {
  return withStorage(folder, passphrase, holder, async ({ storage, path }) => {
    const found = await inspect(storage, 'repair', onProgress);
    const before = checkOf(found);
    if (archiveIsWhole(before)) return { found: before, report: null, after: before };
    const key = await readArchiveKey(storage);
    // Without its key the archive cannot sign what the repair did: nothing is changed.
    if (!key) throw new EngineError('archiveDamaged', { path, file: 'keys/signing.json' });
    const report = await repairArchive(storage, key, found);
    return { found: before, report, after: checkOf(await inspect(storage, 'check')) };
  });
}
