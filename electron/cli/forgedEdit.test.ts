/**
 * The forged-edit attack of issue 17, through the command: someone who has
 * seen a bundle holding a record's head id signs an edit of that record with
 * their own key and sends an internal bundle. The organization's record must
 * stay as its author left it, the edit must be set aside where a person can
 * see it, and the organization's next legal bundle must not carry it.
 */
import { execFileSync } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';
import { dalelInProcess } from './testing/inProcess';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

const dalel = (args: string[]) => dalelInProcess(args);

async function ok(args: string[]): Promise<string> {
  const run = await dalel(args);
  expect(run.code, `${args.join(' ')}\n${run.out}\n${run.err}`).toBe(0);
  return run.out;
}

const files = async (root: string) => (await readdir(root, { recursive: true })).sort();
const bundleJson = (zip: string) => execFileSync('unzip', ['-p', zip, '*/data/bundle.json']).toString();

it('an edit signed by an untrusted key never becomes the head of a trusted defender’s record, and is not exported', async () => {
  const at = (name: string) => join(folder.path, name);
  const incident = at('incident.json');
  await writeFile(incident, JSON.stringify(sampleIncident({ title: 'Almaty: mobile internet cut on 5 January' })));

  // Aigerim records an incident and sends it to her organization, which trusts her key.
  await ok(['init', at('aigerim'), '--no-encryption']);
  const recordId = (await ok(['add', at('aigerim'), '--type', 'incident', '--json', incident])).trim();
  await ok(['export', at('aigerim'), '--out', at('aigerim.zip'), '--profile', 'internal']);
  await ok(['init', at('org'), '--no-encryption']);
  await writeFile(at('aigerim.pub'), (await ok(['key', at('aigerim')])).split('\n')[0]!);
  await ok(['trust', at('org'), at('aigerim.pub'), '--name', 'Aigerim']);
  await ok(['import', at('org'), at('aigerim.zip')]);
  const head = JSON.parse(await ok(['show', at('org'), recordId, '--json'])).summary.headId;

  // The attacker has seen her bundle: they edit the record with their own key and send an internal bundle.
  await ok(['init', at('attacker'), '--no-encryption']);
  await ok(['import', at('attacker'), at('aigerim.zip'), '--allow-untrusted']);
  await writeFile(incident, JSON.stringify(sampleIncident({ title: 'Nothing happened in Almaty' })));
  await ok(['edit', at('attacker'), recordId, '--json', incident]);
  await ok(['export', at('attacker'), '--out', at('forged.zip'), '--profile', 'internal']);
  const attackerKey = (await ok(['key', at('attacker')])).split('\n')[1]!.trim();
  expect(attackerKey).toMatch(/^SHA256:/);

  // From a signer the organization does not trust: refused, nothing written.
  const before = await files(at('org'));
  const refused = await dalel(['import', at('org'), at('forged.zip')]);
  expect(refused.code).toBe(1);
  expect(refused.out).toContain(attackerKey);
  expect(refused.out).toContain('Nothing was imported');
  expect(await files(at('org'))).toEqual(before);

  // Allowed by mistake: the edit is set aside, named with the attacker's key; the head is Aigerim's.
  const state = await ok(['state-hash', at('org')]);
  const allowed = JSON.parse(await ok(['import', at('org'), at('forged.zip'), '--allow-untrusted', '--json']));
  expect(allowed.imported).toMatchObject({ kind: 'merged', revisionsAdded: 0, setAside: [{ recordId, author: attackerKey }] });
  const said = await ok(['import', at('org'), at('forged.zip'), '--allow-untrusted']);
  expect(said).toContain(`1 change to records this archive holds was made by a key it does not trust (${attackerKey})`);
  const shown = JSON.parse(await ok(['show', at('org'), recordId, '--json']));
  expect(shown.summary).toMatchObject({ headId: head, conflict: false, data: { title: 'Almaty: mobile internet cut on 5 January' } });
  expect(await ok(['state-hash', at('org')])).toBe(state);

  // The organization's next legal bundle carries Aigerim's text, not the forged one.
  await ok(['export', at('org'), '--out', at('legal.zip'), '--profile', 'legal']);
  expect(bundleJson(at('legal.zip'))).toContain('Almaty: mobile internet cut on 5 January');
  expect(bundleJson(at('legal.zip'))).not.toContain('Nothing happened');

  // Trusting that key is a person's decision; then importing the same bundle again applies the edit.
  await writeFile(at('attacker.pub'), (await ok(['key', at('attacker')])).split('\n')[0]!);
  await ok(['trust', at('org'), at('attacker.pub'), '--name', 'Colleague, checked by phone']);
  const applied = JSON.parse(await ok(['import', at('org'), at('forged.zip'), '--json']));
  expect(applied.imported).toMatchObject({ revisionsAdded: 1, setAside: [] });
  expect(JSON.parse(await ok(['show', at('org'), recordId, '--json'])).summary.data.title).toBe('Nothing happened in Almaty');
}, 120_000);
