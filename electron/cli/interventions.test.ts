/**
 * Interventions from the command line: `dalel schema intervention`, `dalel
 * add --type intervention` with the incident as --parent or in the JSON,
 * the translated refusal of one about no incident or an unknown one (which
 * saves nothing), `dalel list --type intervention`, and a bundle with one
 * that `dalel verify` accepts.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';
import { dalelInProcess as dalel } from './testing/inProcess';

let folder: { path: string; remove: () => Promise<void> };
let dir: string;
beforeEach(async () => {
  folder = await temporaryFolder();
  dir = join(folder.path, 'archive');
});
afterEach(() => folder.remove());

const complaint = {
  kind: 'complaint',
  title: 'Complaint to the Prosecutor General',
  body: 'Prosecutor General’s Office',
  reference: '2-0131-22',
  filedAt: { at: '2022-01-20T09:00+06:00', precision: 'day' },
  outcome: 'no_response',
};

async function withIncident(): Promise<string> {
  expect((await dalel(['init', dir, '--name', 'Алматы', '--no-encryption'])).code).toBe(0);
  const added = await dalel(['add', dir, '--type', 'incident', '--json', '-'], {}, JSON.stringify(sampleIncident()));
  expect(added.code).toBe(0);
  return added.out.trim();
}

describe('dalel and interventions', () => {
  it('prints the JSON Schema of an intervention', async () => {
    const { code, out } = await dalel(['schema', 'intervention']);
    expect(code).toBe(0);
    const schema = JSON.parse(out);
    expect(schema.required).toEqual(expect.arrayContaining(['kind', 'title', 'body', 'incidents']));
    expect(schema.properties.outcome.enum).toContain('no_response');
  });

  it('adds one about an incident given as --parent, lists and shows it', async () => {
    const incidentId = await withIncident();
    const added = await dalel(['add', dir, '--type', 'intervention', '--parent', incidentId, '--json', '-'], {}, JSON.stringify(complaint));
    expect(added.code, added.err).toBe(0);
    const id = added.out.trim();
    const listed = JSON.parse((await dalel(['list', dir, '--type', 'intervention', '--json'])).out);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ recordId: id, type: 'intervention', data: { incidents: [incidentId], body: 'Prosecutor General’s Office' } });
    const text = (await dalel(['list', dir, '--type', 'intervention'])).out;
    expect(text).toContain('Complaint to the Prosecutor General');
    expect(text).toContain('2022-01-20T09:00+06:00');
    const shown = await dalel(['show', dir, id], { LANG: 'ru_RU.UTF-8' });
    expect(shown.out).toContain('(Жалоба или дело)');
    expect(shown.out).toContain('reference: 2-0131-22');
  });

  it('refuses one about no incident or an unknown incident, in the person’s language, and saves nothing', async () => {
    await withIncident();
    const none = await dalel(['add', dir, '--type', 'intervention', '--json', '-'], { LANG: 'kk_KZ.UTF-8' }, JSON.stringify(complaint));
    expect(none.code).not.toBe(0);
    expect(none.err).toContain('бір не бірнеше оқиғаға қатысты');
    const stranger = '8f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
    const unknown = await dalel(['add', dir, '--type', 'intervention', '--json', '-'], { LANG: 'ru_RU.UTF-8' }, JSON.stringify({ ...complaint, incidents: [stranger] }));
    expect(unknown.code).not.toBe(0);
    expect(unknown.err).toContain('incidents.0: В этом архиве нет такого инцидента.');
    expect(JSON.parse((await dalel(['list', dir, '--type', 'intervention', '--json'])).out)).toEqual([]);
  });

  it('exports it in a bundle that dalel verify accepts', async () => {
    const incidentId = await withIncident();
    expect((await dalel(['add', dir, '--type', 'intervention', '--parent', incidentId, '--json', '-'], {}, JSON.stringify(complaint))).code).toBe(0);
    const out = join(folder.path, 'legal.zip');
    const exported = await dalel(['export', dir, '--profile', 'legal', '--out', out]);
    expect(exported.code, exported.err).toBe(0);
    const verified = await dalel(['verify', out]);
    expect(verified.code, verified.out + verified.err).toBe(0);
  });
});
