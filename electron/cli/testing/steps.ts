/**
 * Steps the command's tests share, run in process (inProcess.ts): a command
 * that must succeed, JSON inputs written to files as a person would write
 * them, and a record in conflict between a partner's archive and an
 * organization's.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { sampleIncident } from '../../engine/testing/fixtures';
import { dalelInProcess } from './inProcess';

/** Runs `dalel ARGS`, which must succeed: what it printed, trimmed. */
export async function succeeds(args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  const run = await dalelInProcess(args, env);
  expect(run.code, `${args.join(' ')}\n${run.out}\n${run.err}`).toBe(0);
  return run.out.trim();
}

/** Writes each value given, as JSON (a string as it is), to a file of its own in `folder()`; returns the file. */
export function jsonInputs(folder: () => string): (value: unknown) => Promise<string> {
  let written = 0;
  return async (value) => {
    const file = join(folder(), `input-${(written += 1)}.json`);
    await writeFile(file, typeof value === 'string' ? value : JSON.stringify(value));
    return file;
  };
}

/**
 * The partner records an incident; the organization merges the partner's
 * archive; both change its title; the organization merges again: the
 * record has two versions, the partner's (merged) and the organization's.
 */
export async function conflictBetween(folder: string, titles: { partnerName: string; theirs: string; ours: string }) {
  const jsonFile = jsonInputs(() => folder);
  const partner = join(folder, 'partner');
  const org = join(folder, 'org');
  await succeeds(['init', partner, '--name', titles.partnerName, '--no-encryption']);
  const recordId = await succeeds(['add', partner, '--type', 'incident', '--json', await jsonFile(sampleIncident({ title: 'Almaty' }))]);
  await succeeds(['init', org, '--name', 'Organization', '--no-encryption']);
  await succeeds(['merge', org, partner]);
  const theirs = await succeeds(['edit', partner, recordId, '--json', await jsonFile({ title: titles.theirs })]);
  const ours = await succeeds(['edit', org, recordId, '--json', await jsonFile({ title: titles.ours })]);
  const merged = await succeeds(['merge', org, partner]);
  return { partner, org, recordId, theirs, ours, merged };
}
