/**
 * One writer per archive, across every process (the app, the `dalel`
 * command, the bench): an exclusive lock taken when an archive is opened to
 * be changed, held while it is open, released when it is closed or locked.
 *
 * The lock is proper-lockfile's: a folder made with mkdir (atomic on every
 * local and network file system Dalel meets; Node has no flock), whose time
 * the holder refreshes every few seconds, so that the lock of a process that
 * crashed or was killed is recognised as stale after `staleAfter` and taken
 * over (after two seconds when its process is gone). Beside it, a small
 * file says who holds it (the app or the command, and its process) and
 * since when, for the message the next one gets. A holder whose lock was
 * taken over (it was suspended longer than that) learns it and writes
 * nothing more.
 *
 * The lock is between processes. Within one, the engine opens an archive
 * once at a time (the tests open one folder several times): a second lock
 * of a folder this process holds shares it, and the last release frees it.
 */
import { rmSync } from 'node:fs';
import { readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { EngineError } from './errors';

/** Who holds an archive: named in the message a second writer gets. */
export type LockHolder = 'app' | 'command';

export const lockFolder = '.dalel-lock';
export const holderFile = '.dalel-lock.json';
/** A lock not refreshed for this long belongs to a process that is gone. */
const staleAfter = 10_000;
/** How often a holder refreshes its lock's time. */
const refreshEvery = 1_000;
/**
 * The same, once the holder is known to be gone (or never said who it was: a
 * live holder says so within milliseconds of taking the lock, and refreshes
 * it every second).
 */
const goneStaleAfter = 2_000;
/** How long a second writer waits for the first to finish before it is told the archive is in use: about 4 s. */
const waiting = { retries: 12, factor: 1.2, minTimeout: 100, maxTimeout: 800 };

export interface ArchiveLock {
  /** False once another process took the lock over: nothing may be written any more. */
  readonly held: boolean;
  release(): Promise<void>;
}

/** A lock this process holds, shared by every open of its folder here. */
interface Held {
  users: number;
  held: boolean;
  release: () => Promise<void>;
}

const heldHere = new Map<string, Promise<Held>>();

/** An exit without closing (the app quit, an error) removes the holder files too; proper-lockfile removes the locks then. */
const recordsToRemoveOnExit = new Set<string>();
process.on('exit', () => {
  for (const file of recordsToRemoveOnExit) rmSync(file, { force: true });
});

/** Takes the archive's lock, waiting a little; EngineError archiveInUseByApp / archiveInUseByCommand when another process holds it. */
export async function lockArchive(path: string, holder: LockHolder): Promise<ArchiveLock> {
  const key = await realpath(path);
  let taking = heldHere.get(key);
  // A lock this process lost (taken over, or its folder destroyed) is taken afresh.
  if (taking && !(await taking.then((shared) => shared.held, () => false))) {
    heldHere.delete(key);
    taking = undefined;
  }
  if (!taking) {
    taking = take(path, holder);
    heldHere.set(key, taking);
    taking.catch(() => heldHere.delete(key));
  }
  const shared = await taking;
  shared.users += 1;
  let released = false;
  return {
    get held() {
      return shared.held && !released;
    },
    async release() {
      if (released) return;
      released = true;
      shared.users -= 1;
      if (shared.users > 0) return;
      heldHere.delete(key);
      await shared.release();
    },
  };
}

async function take(path: string, holder: LockHolder): Promise<Held> {
  const shared: Held = { users: 0, held: true, release: async () => {} };
  const attempt = (stale: number, retries: typeof waiting | number) =>
    lockfile.lock(path, {
      lockfilePath: join(path, lockFolder),
      stale,
      update: refreshEvery,
      retries,
      onCompromised: () => {
        shared.held = false;
      },
    });
  let release: () => Promise<void>;
  try {
    release = await attempt(staleAfter, 0).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ELOCKED') throw error;
      // A holder that is gone (killed, crashed) is waited for only until its lock is a little stale.
      return (await holderIsGone(path)) ? attempt(goneStaleAfter, waiting) : attempt(staleAfter, waiting);
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    throw await inUse(path);
  }
  // SECURITY: nothing that names the person or the computer (a host name often does): a killed process leaves this behind.
  const record: HolderRecord = { by: holder, since: new Date().toISOString(), pid: process.pid };
  const recordFile = join(path, holderFile);
  await writeFile(recordFile, JSON.stringify(record), { mode: 0o600 });
  recordsToRemoveOnExit.add(recordFile);
  shared.release = async () => {
    const wasHeld = shared.held;
    shared.held = false;
    recordsToRemoveOnExit.delete(recordFile);
    if (!wasHeld) return;
    await rm(recordFile, { force: true });
    // The folder may be gone already (quick delete): nothing is left to release then.
    await release().catch(() => {});
  };
  return shared;
}

/** What `.dalel-lock.json` says. */
interface HolderRecord {
  by: LockHolder;
  since: string;
  pid: number;
}

async function readHolder(path: string): Promise<Partial<HolderRecord>> {
  try {
    return JSON.parse(await readFile(join(path, holderFile), 'utf8'));
  } catch {
    // Taken a moment ago (the file is not written yet), or by a process killed just then.
    return {};
  }
}

/**
 * Whether the lock's holder is a process that does not run here, or one
 * killed before it said who it was. Only a shorter wait follows: a live
 * holder, on this computer or another, refreshes its lock every second and
 * so is never that stale.
 */
async function holderIsGone(path: string): Promise<boolean> {
  const holder = await readHolder(path);
  if (holder.pid === undefined) return true;
  if (typeof holder.pid !== 'number') return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** The message for a second writer: who holds the archive, and since when (minutes, UTC). */
async function inUse(path: string): Promise<EngineError> {
  const holder = await readHolder(path);
  const since = typeof holder.since === 'string' ? `${holder.since.slice(0, 16).replace('T', ' ')} UTC` : '';
  return new EngineError(holder.by === 'command' ? 'archiveInUseByCommand' : 'archiveInUseByApp', { since });
}
