/**
 * Where yauzl reads an untrusted ZIP from: a file, or a received bundle kept
 * sealed in the archive's blob store. yauzl reads each directory entry and
 * each local header in two small reads; 100,000 entries made 400,000 of
 * them, ten seconds here. Small reads are served from a window of the bytes
 * around the last one, read in one go: about one read per 300 entries. An
 * entry's data is streamed straight from the source. Only reads.
 */
import { close, fstat, open, read } from 'node:fs';
import { promisify } from 'node:util';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';

/** A ZIP that is not a plain file: a received bundle kept, sealed, in the archive's blob store. */
export interface ZipBytes {
  size: number;
  /** Bytes [start, end). */
  read(start: number, end: number): AsyncIterable<Uint8Array>;
}

/** Bytes read at once for a small read: many directory entries, or the local headers of many small files. */
const windowBytes = 64 * 1024;

/** The source as yauzl reads it; bytes [start, end) always. */
interface Source {
  size: number;
  bytes(start: number, end: number): Promise<Buffer>;
  stream(start: number, end: number): Readable;
  close(): Promise<void>;
}

class WindowedReader extends yauzl.RandomAccessReader {
  private windowStart = 0;
  private window: Buffer = Buffer.alloc(0);

  constructor(private readonly source: Source) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return this.source.stream(start, end);
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (error: Error | null, bytesRead?: number) => void): void {
    // Fewer bytes than asked for at the end of the source: yauzl reports the ZIP as cut short.
    const copy = (start: number, window: Buffer) => callback(null, window.copy(buffer, offset, position - start, Math.min(position - start + length, window.length)));
    const { windowStart, window } = this;
    if (position >= windowStart && position + length <= windowStart + window.length) return void queueMicrotask(() => copy(windowStart, window));
    this.source.bytes(position, Math.min(this.source.size, position + Math.max(length, windowBytes))).then((bytes) => {
      this.windowStart = position;
      this.window = bytes;
      copy(position, bytes);
    }, callback);
  }

  override close(callback: (error: Error | null) => void): void {
    this.source.close().then(() => callback(null), callback);
  }
}

async function readAt(fd: number, start: number, end: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(end - start);
  const { bytesRead } = await promisify(read)(fd, buffer, 0, buffer.length, start);
  return buffer.subarray(0, bytesRead);
}

const streamChunkBytes = 256 * 1024;

async function* chunksAt(fd: number, start: number, end: number): AsyncGenerator<Buffer> {
  for (let at = start; at < end; ) {
    const chunk = await readAt(fd, at, Math.min(end, at + streamChunkBytes));
    // Cut short: yauzl reports the entry as damaged.
    if (chunk.length === 0) return;
    at += chunk.length;
    yield chunk;
  }
}

/** A plain descriptor, as yauzl's own reader uses: every read says where, so streams may overlap. */
async function fileSource(path: string): Promise<Source> {
  const fd = await promisify(open)(path, 'r');
  try {
    const { size } = await promisify(fstat)(fd);
    return {
      size,
      bytes: (start, end) => readAt(fd, start, end),
      // Not fs.createReadStream: destroying one closes the descriptor, whatever autoClose says.
      stream: (start, end) => Readable.from(chunksAt(fd, start, end)),
      close: () => promisify(close)(fd),
    };
  } catch (error) {
    await promisify(close)(fd);
    throw error;
  }
}

function bytesSource(source: ZipBytes): Source {
  return {
    size: source.size,
    async bytes(start, end) {
      const pieces: Uint8Array[] = [];
      for await (const piece of source.read(start, end)) pieces.push(piece);
      return Buffer.concat(pieces);
    },
    stream: (start, end) => Readable.from(source.read(start, end)),
    close: async () => {},
  };
}

/** yauzl's reader and the size of the ZIP; the file is closed when the ZipFile is. */
export async function zipSource(source: string | ZipBytes): Promise<{ reader: yauzl.RandomAccessReader; size: number }> {
  const opened = typeof source === 'string' ? await fileSource(source) : bytesSource(source);
  return { reader: new WindowedReader(opened), size: opened.size };
}
