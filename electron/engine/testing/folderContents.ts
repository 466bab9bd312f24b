/** Every file of a folder with the sha256 of its bytes, by path from the folder: "nothing written" means this does not change. */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function folderContents(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[path.slice(root.length)] = createHash('sha256').update(await readFile(path)).digest('hex');
  }
  return files;
}
