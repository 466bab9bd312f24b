/**
 * Append-only files of encrypted archives (the custody log) as a sequence of
 * frames, each a sealed unit, so that appending never rewrites what is
 * already there.
 *
 * Version 2, for archives sealed with padding: a frame is
 *   salt (16) | sealed kind (u8) and body length (u32) + tag | body
 * under a key of its own (HKDF of the content key, the salt and the file's
 * stored name). A unit's body is sealed (+ tag). After the last unit comes
 * one filler frame whose body, never read, runs to the end of the file, so
 * that the file's size is always a padded size (padding.ts, at least 64 KiB):
 * it grows in steps, not by a line at a time. No byte of a frame is the same
 * from frame to frame and the lengths are sealed, so without the key where
 * one frame ends cannot be found: the number of custody events (and with it
 * of records and revisions) cannot be counted from the file.
 *
 * An append writes its frames and a new filler header where the filler
 * began, in space the file already has or extends it with random bytes.
 * A frame that fails authentication ends what can be read: an append torn by
 * a power cut, or damage. The sealed record of the log's length (vouched.ts)
 * tells them apart: the archive refuses to open a log shorter than it was,
 * as it refuses a damaged one in version 1, so that nothing is written over
 * what may still be recovered. Someone who copies the folder twice can see
 * which bytes changed in between, and so how much was appended.
 *
 * Version 1: "DLF1" | length (u32) | a sealed file (sealedFile.ts) per unit,
 * every boundary in the clear. Still read and appended to in archives that
 * have not been sealed again.
 */
import { hkdfSync, randomBytes } from 'node:crypto';
import { padme } from './padding';
import { SealBroken, chunkNonce, openBuffer, seal, sealBuffer, tagLength, unseal } from './sealedFile';

const v1Magic = Buffer.from('DLF1');
const v1Header = 8;
const saltLength = 16;
const lengthNonce = Buffer.alloc(12, 0xff);
/** salt | sealed (kind, length) */
export const frameHeader = saltLength + 5 + tagLength;
/** A log starts at 64 KiB: room for about a hundred custody events before its size first changes. */
const minimumLog = 64 * 1024;
const unitKind = 0;
const fillerKind = 1;

export type FrameVersion = 1 | 2;

/** What reading the frames found: the units, and where the next unit is to be written. */
export interface Frames {
  units: Uint8Array[];
  /**
   * Version 1: where a torn last frame starts (to be cut off), or null.
   * Version 2: where the filler starts, or where reading stopped.
   */
  end: number | null;
  /**
   * Version 2: reading stopped at a frame that fails authentication, before
   * any filler. An append torn by a power cut (the units then are all that
   * were ever acknowledged), or damage, or a cut (fewer units than were):
   * only the caller, who knows how many there were, can tell them apart,
   * and must never append over damage.
   */
  stoppedEarly: boolean;
}

/** A unit that fails authentication; `index` counts from 0. */
export class FrameBroken extends Error {
  constructor(
    readonly index: number,
    /** The frames before it, which did open: what a repair keeps. */
    readonly readable: readonly Uint8Array[] = [],
  ) {
    super(`damaged frame ${index}`);
    this.name = 'FrameBroken';
  }
}

function frameKey(contentKey: Buffer, salt: Buffer, storedName: string): Buffer {
  return Buffer.from(hkdfSync('sha256', contentKey, salt, `dalel frame v2 ${storedName}`, 32));
}

function header(key: Buffer, salt: Buffer, kind: number, bodyLength: number): Buffer {
  const plain = Buffer.alloc(5);
  plain[0] = kind;
  plain.writeUInt32BE(bodyLength, 1);
  return Buffer.concat([salt, seal(key, lengthNonce, plain)]);
}

export function sealFrame(version: FrameVersion, contentKey: Buffer, storedName: string, path: string, unit: Uint8Array): Buffer {
  if (version === 1) {
    const sealed = sealBuffer(contentKey, storedName, path, unit, undefined, 1);
    const head = Buffer.alloc(v1Header);
    v1Magic.copy(head);
    head.writeUInt32BE(sealed.length, 4);
    return Buffer.concat([head, sealed]);
  }
  const salt = randomBytes(saltLength);
  const key = frameKey(contentKey, salt, storedName);
  return Buffer.concat([header(key, salt, unitKind, unit.length + tagLength), seal(key, chunkNonce(0, true), unit)]);
}

/** The size of a version 2 log whose units end at `end`: room for the filler's header, padded. */
export function paddedLogSize(end: number): number {
  return Math.max(minimumLog, padme(end + frameHeader));
}

/**
 * The bytes to write at `end` (where the filler began) of a version 2 log of
 * `size` bytes to add `frames`: the frames, a new filler header, and the
 * random bytes of any room the file grows by. Returns them and the new size.
 */
export function appendAt(contentKey: Buffer, storedName: string, end: number, size: number, frames: Buffer): { bytes: Buffer; size: number } {
  const unitsEnd = end + frames.length;
  const fits = unitsEnd + frameHeader <= size;
  const next = fits ? size : paddedLogSize(unitsEnd);
  const salt = randomBytes(saltLength);
  const filler = header(frameKey(contentKey, salt, storedName), salt, fillerKind, next - unitsEnd - frameHeader);
  // Room the file already has keeps its random bytes (an earlier filler's); new room gets new ones.
  const grown = fits ? Buffer.alloc(0) : randomBytes(next - unitsEnd - frameHeader);
  return { bytes: Buffer.concat([frames, filler, grown]), size: next };
}

/**
 * Whether `head` (the `frameHeader` bytes at `end` of a version 2 log of
 * `size` bytes) is the filler this file's last append wrote: false when
 * another program has written to the log since.
 */
export function fillerAt(contentKey: Buffer, storedName: string, head: Buffer, end: number, size: number): boolean {
  if (head.length < frameHeader) return false;
  try {
    const plain = unseal(frameKey(contentKey, head.subarray(0, saltLength), storedName), lengthNonce, head.subarray(saltLength, frameHeader), 'a filler');
    return plain[0] === fillerKind && end + frameHeader + plain.readUInt32BE(1) === size;
  } catch {
    return false;
  }
}

/**
 * Every unit of an append-only file. Throws FrameBroken for a damaged
 * version 1 frame; see `Frames.end` for the rest.
 */
export function openFrames(version: FrameVersion, contentKey: Buffer, storedName: string, path: string, bytes: Buffer): Frames {
  return version === 1 ? openV1(contentKey, storedName, path, bytes) : openV2(contentKey, storedName, bytes);
}

function openV1(contentKey: Buffer, storedName: string, path: string, bytes: Buffer): Frames {
  const units: Uint8Array[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const rest = bytes.length - offset;
    if (rest >= 4 && !bytes.subarray(offset, offset + 4).equals(v1Magic)) throw new FrameBroken(units.length, units);
    // A frame that runs past the end is a torn append, never acknowledged.
    if (rest < v1Header || offset + v1Header + bytes.readUInt32BE(offset + 4) > bytes.length) return { units, end: offset, stoppedEarly: false };
    const end = offset + v1Header + bytes.readUInt32BE(offset + 4);
    try {
      const { name, data } = openBuffer(contentKey, storedName, bytes.subarray(offset + v1Header, end));
      if (name !== path) throw new SealBroken('stored under another name');
      units.push(data);
    } catch (error) {
      if (error instanceof SealBroken) throw new FrameBroken(units.length, units);
      throw error;
    }
    offset = end;
  }
  return { units, end: null, stoppedEarly: false };
}

function openV2(contentKey: Buffer, storedName: string, bytes: Buffer): Frames {
  const units: Uint8Array[] = [];
  let offset = 0;
  while (offset + frameHeader <= bytes.length) {
    const key = frameKey(contentKey, bytes.subarray(offset, offset + saltLength), storedName);
    let plain: Buffer;
    try {
      plain = unseal(key, lengthNonce, bytes.subarray(offset + saltLength, offset + frameHeader), 'a frame header');
    } catch {
      break;
    }
    const end = offset + frameHeader + plain.readUInt32BE(1);
    if (plain[0] === fillerKind) {
      if (end === bytes.length) return { units, end: offset, stoppedEarly: false };
      break;
    }
    if (plain[0] !== unitKind || end > bytes.length) break;
    try {
      units.push(unseal(key, chunkNonce(0, true), bytes.subarray(offset + frameHeader, end), 'a frame'));
    } catch {
      break;
    }
    offset = end;
  }
  // A file that is empty (never written) holds no units and nothing more.
  return { units, end: offset, stoppedEarly: bytes.length > 0 };
}
