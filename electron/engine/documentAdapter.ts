/**
 * A lowdb adapter over Storage: each lowdb document is one small JSON file of
 * the archive, read and written through Storage (so it will be encrypted with
 * everything else) and replaced atomically on every write. Keep documents
 * small: lowdb rewrites the whole document on each write (docs/design.md).
 */
import { Low, type Adapter } from 'lowdb';
import type { z } from 'zod';
import { FileBroken } from './storage';
import type { Storage } from './storage';

export class StorageAdapter<T> implements Adapter<T> {
  constructor(
    private readonly storage: Storage,
    private readonly path: string,
  ) {}

  async read(): Promise<T | null> {
    const bytes = await this.storage.read(this.path);
    return bytes === null ? null : (JSON.parse(new TextDecoder().decode(bytes)) as T);
  }

  async write(data: T): Promise<void> {
    await this.storage.write(this.path, encodeDocument(data));
  }
}

/** A document's bytes as the adapter writes them, for writing many at once (Storage.writeMany). */
export function encodeDocument(data: unknown): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(data, null, 1)}\n`);
}

/** Opens (reads) one lowdb document; `fallback` is its value when the file is absent. */
export async function openDocument<T>(storage: Storage, path: string, fallback: T): Promise<Low<T>> {
  const db = new Low<T>(new StorageAdapter<T>(storage, path), fallback);
  await db.read();
  return db;
}

/** A small JSON document through storage; null when missing, damaged or not of the schema. */
export async function readJson<T>(storage: Storage, file: string, schema: z.ZodType<T>): Promise<T | null> {
  try {
    const bytes = await storage.read(file);
    if (!bytes) return null;
    const parsed = schema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    return parsed.success ? parsed.data : null;
  } catch (error) {
    if (error instanceof FileBroken || error instanceof SyntaxError) return null;
    throw error;
  }
}
