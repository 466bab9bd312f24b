/**
 * Reading any byte range of a sealed file (crypto/sealedFile.ts) from an
 * open file, for EncryptedStorage: only the chunks that hold the range (and,
 * for version 2, the last one, which holds the length), a read ahead while
 * the part before is opened, and no copying to realign.
 */
import type { FileHandle } from 'node:fs/promises';
import { SealBroken, chunkSize, sealedLayout, type SealedLayout } from './crypto/sealedFile';
import { streamChunk } from './storage';

/** Plain bytes [at, next) of a file, still sealed: the chunks that hold them, as read. */
interface SealedPart {
  at: number;
  next: number;
  chunks: ReturnType<SealedLayout['chunksOf']>;
  sealed: Buffer;
}

/** A sealed file's header, size and (version 2) length; SealBroken when it is not `path`'s sealed file. */
async function layoutOf(handle: FileHandle, contentKey: Buffer, storedName: string, path: string): Promise<SealedLayout> {
  const { size } = await handle.stat();
  const head = Buffer.alloc(Math.min(4096, size));
  const { bytesRead } = await handle.read(head, 0, head.length, 0);
  const readAt = async (offset: number, length: number) => {
    const bytes = Buffer.alloc(length);
    const { bytesRead: read } = await handle.read(bytes, 0, length, offset);
    return bytes.subarray(0, read);
  };
  const layout = await sealedLayout(contentKey, storedName, head.subarray(0, bytesRead), size, readAt);
  if (layout.name !== path) throw new SealBroken('stored under another name');
  return layout;
}

/** Plain bytes [start, end) of the sealed file open in `handle`; SealBroken at the first damaged part. */
export async function* readSealedRange(handle: FileHandle, contentKey: Buffer, storedName: string, path: string, start: number, end: number): AsyncGenerator<Uint8Array> {
  let reading: Promise<SealedPart> | null = null;
  try {
    const layout = await layoutOf(handle, contentKey, storedName, path);
    const stop = Math.min(end, layout.size);
    // About streamChunk plain bytes per read: a few sealed chunks at a time.
    // Two buffers in turn: one is read into while the other is opened (opening copies the plain bytes out).
    const buffers: Buffer[] = [];
    let turn = 0;
    const readPart = async (at: number): Promise<SealedPart> => {
      const next = Math.min(stop, (Math.floor(at / streamChunk) + 1) * streamChunk);
      const chunks = layout.chunksOf(at, next);
      turn ^= 1;
      // Not zeroed first: only the bytes the read fills are used.
      if ((buffers[turn]?.length ?? 0) < chunks.length) buffers[turn] = Buffer.allocUnsafe(chunks.length);
      const sealed = buffers[turn]!;
      const { bytesRead } = await handle.read(sealed, 0, chunks.length, chunks.offset);
      return { at, next, chunks, sealed: sealed.subarray(0, bytesRead) };
    };
    reading = start < stop ? readPart(start) : null;
    while (reading) {
      const part = await reading;
      // The next read is under way while this part is opened and used.
      reading = part.next < stop ? readPart(part.next) : null;
      reading?.catch(() => {}); // awaited on the next turn, or below when the reader stops early
      const plain = part.chunks.open(part.sealed);
      const skip = part.at - part.chunks.first * chunkSize;
      yield plain.subarray(skip, skip + (part.next - part.at));
    }
  } finally {
    await reading?.catch(() => {});
  }
}
