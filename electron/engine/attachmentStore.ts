/**
 * What is known about each evidence file, per record: one small lowdb
 * document per record (attachments/<2 hex>/<recordId>.json), so adding a
 * file writes one small document whatever the archive's size. Entries are
 * only added; the same bytes added twice to one record are listed once.
 */
import { Low } from 'lowdb';
import { Attachment } from '../../shared/model';
import { StorageAdapter } from './documentAdapter';
import { shards } from './sealedPacks';
import type { Storage } from './storage';

interface AttachmentDocument {
  recordId: string;
  attachments: Attachment[];
}

const attachmentPath = (recordId: string) => `attachments/${recordId.slice(0, 2)}/${recordId}.json`;

export class AttachmentStore {
  constructor(private readonly storage: Storage) {}

  async list(recordId: string): Promise<Attachment[]> {
    const document = await new StorageAdapter<AttachmentDocument>(this.storage, attachmentPath(recordId)).read();
    return (document?.attachments ?? []).flatMap((entry) => {
      const parsed = Attachment.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
  }

  /** Adds the entries whose sha256 the record does not list yet; returns those added. */
  async add(recordId: string, entries: Attachment[]): Promise<Attachment[]> {
    const current = await this.list(recordId);
    const known = new Set(current.map((entry) => entry.sha256));
    const added = entries.filter((entry) => !known.has(entry.sha256) && known.add(entry.sha256));
    if (added.length) {
      const db = new Low<AttachmentDocument>(new StorageAdapter(this.storage, attachmentPath(recordId)), {
        recordId,
        attachments: [...current, ...added],
      });
      await db.write();
    }
    return added;
  }

  /** Takes these files off the record's list (a repair sets aside entries whose file is damaged or gone); returns those taken. */
  async takeOff(recordId: string, sha256s: ReadonlySet<string>): Promise<Attachment[]> {
    const current = await this.list(recordId);
    const taken = current.filter((entry) => sha256s.has(entry.sha256));
    if (taken.length) {
      const db = new Low<AttachmentDocument>(new StorageAdapter(this.storage, attachmentPath(recordId)), {
        recordId,
        attachments: current.filter((entry) => !sha256s.has(entry.sha256)),
      });
      await db.write();
    }
    return taken;
  }

  /** Every attachment hash of every record, for the state hash. */
  async allHashes(): Promise<string[]> {
    const hashes = new Set<string>();
    for (const recordId of await this.recordIds()) for (const entry of await this.list(recordId)) hashes.add(entry.sha256);
    return [...hashes];
  }

  /** The records that list evidence files (those with a document here). */
  async recordIds(): Promise<Set<string>> {
    const recordIds = new Set<string>();
    for (const shard of shards) {
      const dir = `attachments/${shard}`;
      for (const name of await this.storage.list(dir)) if (name.endsWith('.json')) recordIds.add(name.slice(0, -'.json'.length));
    }
    return recordIds;
  }
}
