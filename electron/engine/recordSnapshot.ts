/**
 * The record snapshot (docs/spec/performance.md P5): one file, cache/records.snapshot,
 * holding every record document as the archive last wrote it, with the
 * length of the custody log at that moment and a digest of its lines.
 * Opening an archive of 100k revisions reads this one file instead of 100k
 * record files, and checks no signature again that was checked when the
 * snapshot was written; the records that custody lines written since then
 * name are read from their own files and checked as before (archive.ts).
 *
 * It is only a cache: the record files stay the archive's truth and a save
 * never waits for the snapshot. A missing, damaged or stale snapshot (the
 * log's first lines no longer match its digest) is ignored, and the archive
 * is opened by reading every file. It must never hold anything the record
 * files do not.
 *
 * Format: a header line (JSON), one line per record document (JSON), and a
 * last line `mac <hex>`: HMAC-SHA256 over every byte before it.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { CustodyPrefix } from './custodyLog';
import type { RecordDocument } from './recordStore';
import type { SigningKey } from './signingKey';
import type { Storage } from './storage';

export const snapshotFile = 'cache/records.snapshot';
const format = 'dalel-records-snapshot';
const version = 1;
/** Lines are gathered into writes of about this size. */
const writeChunk = 1024 * 1024;
const newline = 0x0a;

interface Header {
  format: typeof format;
  version: typeof version;
  custody: CustodyPrefix;
  records: number;
}

export interface RecordSnapshot {
  custody: CustodyPrefix;
  documents: RecordDocument[];
}

/**
 * SECURITY: the snapshot is trusted in place of every record file's
 * signatures, so it carries a MAC under a key derived from the archive's
 * signing key: altering it takes that key. In an encrypted archive the file
 * is also sealed like every other. In an unencrypted one the signing key lies
 * in the folder anyway, so whoever can rewrite the snapshot could already
 * sign revisions as this archive; what the MAC adds there is that nobody
 * without the key can slip in revisions under another author's name.
 */
function macKey(key: SigningKey): Buffer {
  return Buffer.from(hkdfSync('sha256', key.toPkcs8(), Buffer.alloc(0), 'dalel records snapshot v1', 32));
}

/** Writes the snapshot atomically; the caller must hold the archive's write queue so nothing changes meanwhile. */
export async function writeRecordSnapshot(storage: Storage, key: SigningKey, snapshot: RecordSnapshot): Promise<void> {
  const mac = createHmac('sha256', macKey(key));
  async function* lines(): AsyncGenerator<Uint8Array> {
    const header: Header = { format, version, custody: snapshot.custody, records: snapshot.documents.length };
    let pending = [JSON.stringify(header)];
    let size = pending[0]!.length;
    const flush = () => {
      const bytes = Buffer.from(`${pending.join('\n')}\n`);
      mac.update(bytes);
      pending = [];
      size = 0;
      return bytes;
    };
    for (const document of snapshot.documents) {
      const line = JSON.stringify(document);
      pending.push(line);
      size += line.length;
      if (size >= writeChunk) yield flush();
    }
    if (pending.length) yield flush();
    yield Buffer.from(`mac ${mac.digest('hex')}\n`);
  }
  await storage.writeStream(snapshotFile, lines());
}

/** The snapshot, or null when there is none or it cannot be trusted whole (damaged, altered, another format). */
export async function readRecordSnapshot(storage: Storage, key: SigningKey): Promise<RecordSnapshot | null> {
  try {
    const stored = await storage.read(snapshotFile);
    if (!stored) return null;
    const bytes = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
    const macLine = bytes.lastIndexOf('mac ', bytes.length - 1, 'latin1');
    if (macLine <= 0 || bytes[macLine - 1] !== newline) return null;
    const stated = Buffer.from(bytes.toString('latin1', macLine + 4, bytes.length).trim(), 'hex');
    const actual = createHmac('sha256', macKey(key)).update(bytes.subarray(0, macLine)).digest();
    if (stated.length !== actual.length || !timingSafeEqual(stated, actual)) return null;

    let start = bytes.indexOf(newline);
    const header = JSON.parse(bytes.toString('utf8', 0, start)) as Header;
    if (header.format !== format || header.version !== version) return null;
    const documents: RecordDocument[] = [];
    for (start += 1; start < macLine; ) {
      const end = bytes.indexOf(newline, start);
      documents.push(JSON.parse(bytes.toString('utf8', start, end)) as RecordDocument);
      start = end + 1;
    }
    return documents.length === header.records ? { custody: header.custody, documents } : null;
  } catch {
    // A damaged or unreadable cache is no cache: the archive is read from its files.
    return null;
  }
}
