/**
 * App-wide preferences that belong to the person, not to an archive (today:
 * the chosen language), kept in a small lowdb document in the config folder.
 * Holds nothing that names a person or an archive's content.
 */
import { Low } from 'lowdb';
import { Language } from '../../shared/ipc';
import { StorageAdapter } from './documentAdapter';
import { PlainStorage } from './storage';

interface Preferences {
  language: Language | null;
}

export class PreferenceStore {
  private db: Low<Preferences> | undefined;

  constructor(private readonly configDir: string) {}

  private async document(): Promise<Low<Preferences>> {
    if (!this.db) {
      const db = new Low<Preferences>(new StorageAdapter(new PlainStorage(this.configDir), 'preferences.json'), {
        language: null,
      });
      // Unreadable preferences are not worth an error: start from the defaults.
      await db.read().catch(() => undefined);
      this.db = db;
    }
    return this.db;
  }

  async language(): Promise<Language | null> {
    const value = (await this.document()).data.language;
    return Language.safeParse(value).success ? value : null;
  }

  async setLanguage(language: Language): Promise<void> {
    const db = await this.document();
    db.data.language = language;
    await db.write();
  }
}
