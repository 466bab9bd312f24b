/**
 * The worked examples of docs/spec/cli.md ("Records as JSON") are records
 * `dalel add` saves as they are written there, so the doc cannot go stale.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../engine/testing/fixtures';
import { docExamples } from './testing/docExamples';
import { dalelInProcess as dalel } from './testing/inProcess';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

describe('docs/spec/cli.md, "Records as JSON"', () => {
  it('has one example of each record type, and dalel add saves each as written', async () => {
    const examples = docExamples();
    expect(Object.keys(examples).sort()).toEqual(['effect', 'incident', 'intervention', 'source']);
    const dir = join(folder.path, 'archive');
    expect((await dalel(['init', dir, '--no-encryption'])).code).toBe(0);
    const file = async (type: string) => {
      const path = join(folder.path, `${type}.json`);
      await writeFile(path, JSON.stringify(examples[type as keyof typeof examples]));
      return path;
    };

    const incident = await dalel(['add', dir, '--type', 'incident', '--json', await file('incident')]);
    expect(incident, incident.err).toMatchObject({ code: 0, err: '' });
    const incidentId = incident.out.trim();
    const effect = await dalel(['add', dir, '--type', 'effect', '--parent', incidentId, '--json', await file('effect')]);
    expect(effect, effect.err).toMatchObject({ code: 0, err: '' });
    const source = await dalel(['add', dir, '--type', 'source', '--parent', incidentId, '--json', await file('source')]);
    expect(source, source.err).toMatchObject({ code: 0, err: '' });
    const intervention = await dalel(['add', dir, '--type', 'intervention', '--parent', incidentId, '--json', await file('intervention')]);
    expect(intervention, intervention.err).toMatchObject({ code: 0, err: '' });

    const saved = JSON.parse((await dalel(['list', dir, '--json'])).out) as { recordId: string; type: string; data: Record<string, unknown> }[];
    expect(saved.find((record) => record.type === 'incident')?.data).toMatchObject({ ...examples.incident, sources: [source.out.trim()] });
    expect(saved.find((record) => record.type === 'effect')?.data).toMatchObject({ ...examples.effect, incident: incidentId });
    expect(saved.find((record) => record.type === 'source')?.data).toMatchObject(examples.source);
    expect(saved.find((record) => record.type === 'intervention')?.data).toMatchObject({ ...examples.intervention, incidents: [incidentId] });
  });
});
