/**
 * The reports earlier repairs left in `set-aside/<time>/repair.json`: the
 * revisions the custody log names that each repair set aside or found gone,
 * so that a later check does not report them again as missing.
 */
import { z } from 'zod';
import { readJson } from '../documentAdapter';
import type { Storage } from '../storage';

export const setAsideDir = 'set-aside';

export async function revisionsGoneBefore(storage: Storage): Promise<Set<string>> {
  const gone = new Set<string>();
  for (const stamp of await storage.list(setAsideDir).catch(() => [])) {
    const report = await readJson(storage, `${setAsideDir}/${stamp}/repair.json`, z.object({ revisionsGone: z.array(z.string()) })).catch(() => null);
    for (const id of report?.revisionsGone ?? []) gone.add(id);
  }
  return gone;
}
