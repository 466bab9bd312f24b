/**
 * The append-only files of an encrypted archive (the custody log), for
 * EncryptedStorage: frames (crypto/sealedFrames.ts) read, appended and
 * written whole. In layout 2 it remembers where each log's units end, so that
 * an append writes there in place, and checks before writing that no other
 * program has appended since (which in place would be written over).
 */
import { truncate } from 'node:fs/promises';
import { appendDurable, openForReading, writeAtDurable, writeFileAtomic } from './atomicFile';
import { FrameBroken, appendAt, fillerAt, frameHeader, openFrames, sealFrame, type FrameVersion } from './crypto/sealedFrames';
import { EngineError } from './errors';
import { UnitBroken } from './storage';

/** A log as EncryptedStorage stores it: its logical path, its file, and the stored name its seal is bound to. */
export interface StoredLog {
  path: string;
  file: string;
  storedName: string;
}

/** Layout 2: where a log's units end, how large its file is, and whether reading stopped early (see Frames). */
interface LogEnd {
  end: number;
  size: number;
  stoppedEarly: boolean;
}

export class SealedLogs {
  private readonly ends = new Map<string, LogEnd>();

  constructor(
    private readonly contentKey: Buffer,
    private readonly version: FrameVersion,
  ) {}

  private frames(log: StoredLog, units: Uint8Array[]): Buffer {
    return Buffer.concat(units.map((unit) => sealFrame(this.version, this.contentKey, log.storedName, log.path, unit)));
  }

  /** The units of a log whose file holds `bytes` (empty when it does not exist). Throws UnitBroken (layout 1). `leaveTorn`: the file is not cut. */
  async open(log: StoredLog, bytes: Buffer, leaveTorn = false): Promise<Uint8Array[]> {
    let frames;
    try {
      frames = openFrames(this.version, this.contentKey, log.storedName, log.path, bytes);
    } catch (error) {
      if (error instanceof FrameBroken) throw new UnitBroken(error.index, error.readable);
      throw error;
    }
    if (this.version === 2) {
      // The next append writes where the units end (over a torn frame: the archive refuses a damaged log first).
      this.ends.set(log.path, { end: frames.end ?? bytes.length, size: bytes.length, stoppedEarly: frames.stoppedEarly });
    } else if (frames.end !== null && !leaveTorn) {
      // A frame that runs past the end is a torn append, never acknowledged: drop it.
      await truncate(log.file, frames.end);
    }
    return frames.units;
  }

  /** Appends units durably; `read` gives the log's file when this has not read it yet. */
  async append(log: StoredLog, units: Uint8Array[], read: () => Promise<Buffer>): Promise<void> {
    const frames = this.frames(log, units);
    if (this.version === 1) return appendDurable(log.file, frames);
    if (!this.ends.has(log.path)) await this.open(log, await read());
    const { end, size, stoppedEarly } = this.ends.get(log.path)!;
    // SECURITY: written in place, so never over what another program appended since this one read the log.
    if (size > 0 && !stoppedEarly && !(await this.fillerStillAt(log, end, size))) throw new EngineError('archiveInUse');
    const append = appendAt(this.contentKey, log.storedName, end, size, frames);
    await writeAtDurable(log.file, end, append.bytes);
    this.ends.set(log.path, { end: end + frames.length, size: append.size, stoppedEarly: false });
  }

  /** Writes a whole log at once, atomically (copying a log). */
  async write(log: StoredLog, units: Uint8Array[]): Promise<void> {
    const frames = this.frames(log, units);
    if (this.version === 1) return writeFileAtomic(log.file, frames);
    const whole = appendAt(this.contentKey, log.storedName, 0, 0, frames);
    await writeFileAtomic(log.file, whole.bytes);
    this.ends.set(log.path, { end: frames.length, size: whole.size, stoppedEarly: false });
  }

  forget(path: string): void {
    this.ends.delete(path);
  }

  /** Layout 2: whether reading this log stopped at a frame that fails authentication (sealedFrames.ts, Frames). */
  stoppedEarly(path: string): boolean {
    return this.ends.get(path)?.stoppedEarly ?? false;
  }

  /** Layout 2: refuses (archiveInUse) when another program appended to this log since this one last read or wrote it. */
  async assertUnchanged(log: StoredLog): Promise<void> {
    const known = this.ends.get(log.path);
    if (this.version !== 2 || !known || known.size === 0 || known.stoppedEarly) return;
    if (!(await this.fillerStillAt(log, known.end, known.size))) throw new EngineError('archiveInUse');
  }

  /** Whether the log still ends in the filler this one last wrote or read there. */
  private async fillerStillAt(log: StoredLog, end: number, size: number): Promise<boolean> {
    const handle = await openForReading(log.file);
    try {
      if ((await handle.stat()).size !== size) return false;
      const head = Buffer.alloc(frameHeader);
      const { bytesRead } = await handle.read(head, 0, head.length, end);
      return fillerAt(this.contentKey, log.storedName, head.subarray(0, bytesRead), end, size);
    } finally {
      await handle.close();
    }
  }
}
