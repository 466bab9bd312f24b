/**
 * Unsaved drafts of the record forms (issue 21, "Nothing typed is lost"):
 * what a person has typed into a form and not saved yet, kept so that a
 * lock, a crash or a restart loses none of it. One small document,
 * `drafts.json`, in the archive's storage: sealed and padded like a pack in
 * an encrypted archive, exactly as plain as the records in an unencrypted
 * one. Keyed by form (`new`, `edit:<recordId>`, `newSource:<incidentId>`).
 *
 * A draft is never a record: it is not signed, has no revision and no
 * custody event, and must never be read by a bundle, a merge, an export or
 * the history (none of them lists this file). It goes with the archive on
 * quick delete (destroy.ts removes the whole folder).
 */
import { EngineError } from './errors';
import { StorageAdapter } from './documentAdapter';
import { FileBroken, type Storage } from './storage';

export const draftsFile = 'drafts.json';

/** Forms with a draft kept at once; saving one more drops the draft saved longest ago. */
export const maxDrafts = 50;

export interface StoredDraft {
  /** The form's own state, as the page gave it (JSON). */
  data: unknown;
  /** When it was last saved (ISO, UTC). */
  savedAt: string;
  /** The head revisions of the record being edited when the draft was saved; absent for a new record. */
  base?: string[];
}

interface DraftsDocument {
  drafts: Record<string, StoredDraft>;
}

export class DraftStore {
  constructor(
    private readonly storage: Storage,
    private readonly archivePath: string,
  ) {}

  async get(key: string): Promise<StoredDraft | null> {
    const document = await this.read();
    return Object.hasOwn(document.drafts, key) ? document.drafts[key]! : null;
  }

  /** Keeps `draft` for `key`. A damaged document is started afresh: drafts are not evidence, and typing must go on being kept. */
  async put(key: string, draft: StoredDraft): Promise<void> {
    const { drafts } = await this.read().catch((error: unknown) => {
      if (error instanceof EngineError && error.code === 'archiveDamaged') return { drafts: {} as Record<string, StoredDraft> };
      throw error;
    });
    // Newest first; the document lists drafts in the order they were saved, which breaks ties within a millisecond.
    const others = Object.entries(drafts)
      .filter(([other]) => other !== key)
      .reverse()
      .sort(([, a], [, b]) => b.savedAt.localeCompare(a.savedAt))
      .slice(0, maxDrafts - 1);
    await this.write({ drafts: Object.fromEntries([...others, [key, draft]]) });
  }

  /** True when there was a draft to remove. */
  async remove(key: string): Promise<boolean> {
    const { drafts } = await this.read();
    if (!Object.hasOwn(drafts, key)) return false;
    const { [key]: _removed, ...rest } = drafts;
    // The file stays, empty: its coming and going would tell a folder's reader when someone was typing.
    await this.write({ drafts: rest });
    return true;
  }

  private async write(document: DraftsDocument): Promise<void> {
    await new StorageAdapter<DraftsDocument>(this.storage, draftsFile).write(document);
  }

  private async read(): Promise<DraftsDocument> {
    let value: unknown;
    try {
      value = await new StorageAdapter<unknown>(this.storage, draftsFile).read();
    } catch (error) {
      if (error instanceof FileBroken || error instanceof SyntaxError) throw new EngineError('archiveDamaged', { path: this.archivePath, file: draftsFile });
      throw error;
    }
    if (value === null) return { drafts: {} };
    const drafts = (value as Partial<DraftsDocument>).drafts;
    if (typeof drafts !== 'object' || drafts === null || Array.isArray(drafts)) throw new EngineError('archiveDamaged', { path: this.archivePath, file: draftsFile });
    return { drafts: Object.assign(Object.create(null) as Record<string, StoredDraft>, drafts) };
  }
}
