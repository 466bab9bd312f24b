/**
 * App-wide preferences that belong to the person, not to an archive (the
 * chosen language, when to lock, a neutral lock screen), kept in a small
 * lowdb document in the config folder, so they are read before any archive
 * is unlocked. Holds nothing that names a person or an archive's content.
 */
import { Low } from 'lowdb';
import { Settings } from '../../shared/ipc';
import { StorageAdapter } from './documentAdapter';
import { PlainStorage } from './storage';

export const defaultSettings: Settings = { language: null, lockAfterMinutes: 10, neutralLock: false };

export class PreferenceStore {
  private db: Low<Settings> | undefined;

  constructor(private readonly configDir: string) {}

  private async document(): Promise<Low<Settings>> {
    if (!this.db) {
      const db = new Low<Settings>(new StorageAdapter(new PlainStorage(this.configDir), 'preferences.json'), defaultSettings);
      // Unreadable preferences are not worth an error: start from the defaults.
      await db.read().catch(() => undefined);
      const parsed = Settings.partial().safeParse(db.data);
      db.data = { ...defaultSettings, ...(parsed.success ? parsed.data : {}) };
      this.db = db;
    }
    return this.db;
  }

  async get(): Promise<Settings> {
    return { ...(await this.document()).data };
  }

  async set(changes: Partial<Settings>): Promise<Settings> {
    const db = await this.document();
    db.data = { ...db.data, ...changes };
    await db.write();
    return { ...db.data };
  }
}
