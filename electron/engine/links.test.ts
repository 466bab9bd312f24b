/**
 * Links between incidents on real archives and real bundles: a link names
 * another incident of the archive, never itself; both sides see it; linked
 * incidents count once in the overview; a link travels through a merge and
 * stays counted once there; a bundle never carries a link to an incident it
 * does not carry (that would tell the incident exists).
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Archive } from './archive';
import { exportBundle } from './bundle/export';
import { verifyBundle } from './bundle/verify';
import { EngineError } from './errors';
import { overviewOf } from './overview';
import { referencesTo } from './references';
import { sampleIncident, temporaryFolder } from './testing/fixtures';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

let made = 0;
const create = (name: string) => Archive.create(join(folder.path, `${name}-${(made += 1)}`), { name, organization: 'Дәлел', passphrase: null, scryptCost: 2 ** 12 });

async function exported(archive: Archive, options: { profile?: 'internal' | 'legal' | 'public'; only?: string[] } = {}): Promise<string> {
  const out = join(folder.path, `bundle-${(made += 1)}.zip`);
  await exportBundle(archive, { out, profile: options.profile ?? 'internal', language: 'en', softwareVersion: 'test', ...(options.only ? { only: options.only } : {}) });
  return out;
}

async function problemsOf(saving: Promise<unknown>) {
  const error = await saving.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(EngineError);
  return (error as EngineError).problems;
}

const now = Date.parse('2022-02-01T00:00:00Z');
const ended = { endedAt: { at: '2022-01-10T12:00+06:00', precision: 'hour' as const } };

describe('links between incidents', () => {
  it('name another incident of the archive, never the incident itself nor a source', async () => {
    const archive = await create('Aigerim');
    const first = await archive.save({ type: 'incident', data: sampleIncident(ended) });
    const source = await archive.save({ type: 'source', data: { kind: 'media_report', title: 'RFE/RL' } });
    expect(await problemsOf(archive.save({ type: 'incident', data: sampleIncident({ links: [{ kind: 'same_as', incident: source.recordId }] }) }))).toEqual([
      { path: 'links.0.incident', key: 'unknownIncident', params: {} },
    ]);
    expect(
      await problemsOf(
        archive.save({ type: 'incident', recordId: first.recordId, parent: first.revisionId, data: sampleIncident({ ...ended, links: [{ kind: 'part_of', incident: first.recordId }] }) }),
      ),
    ).toEqual([{ path: 'links.0.incident', key: 'linkToItself', params: {} }]);
    await archive.close();
  });

  it('show on both sides and count once in the overview', async () => {
    const archive = await create('Aigerim');
    const first = await archive.save({ type: 'incident', data: sampleIncident(ended) });
    const second = await archive.save({ type: 'incident', data: sampleIncident({ ...ended, title: 'The same shutdown, told by another defender', links: [{ kind: 'same_as', incident: first.recordId }] }) });
    expect(referencesTo(archive, first.recordId)).toEqual([
      { recordId: second.recordId, type: 'incident', title: 'The same shutdown, told by another defender', via: 'link', kind: 'same_as' },
    ]);
    expect(overviewOf(archive, now)).toMatchObject({ incidents: 1, linkedRecords: 1 });
    await archive.close();
  });

  it('travel through a merge: the organization counts the shutdown once, and again after more work arrives', async () => {
    const aigerim = await create('Aigerim');
    const x = await aigerim.save({ type: 'incident', data: sampleIncident({ ...ended, title: 'Zhanaozen, from Aigerim' }) });
    const yerlan = await create('Yerlan');
    await yerlan.importBundle(await exported(aigerim), { allowUntrusted: true });
    const y = await yerlan.save({ type: 'incident', data: sampleIncident({ ...ended, title: 'Zhanaozen, from Yerlan', links: [{ kind: 'same_as', incident: x.recordId }] }) });

    const organization = await create('Organization');
    await organization.importBundle(await exported(aigerim), { allowUntrusted: true });
    await organization.importBundle(await exported(yerlan), { allowUntrusted: true });
    expect(overviewOf(organization, now)).toMatchObject({ incidents: 1, linkedRecords: 1 });

    await aigerim.save({ type: 'incident', recordId: x.recordId, parent: x.revisionId, data: sampleIncident({ ...ended, title: 'Zhanaozen, from Aigerim (corrected)' }) });
    await organization.importBundle(await exported(aigerim), { allowUntrusted: true });
    expect(overviewOf(organization, now)).toMatchObject({ incidents: 1, linkedRecords: 1 });
    expect(referencesTo(organization, x.recordId)).toMatchObject([{ recordId: y.recordId, via: 'link', kind: 'same_as' }]);
    for (const archive of [aigerim, yerlan, organization]) await archive.close();
  });

  it('leave a bundle that does not carry the incident linked to, and the bundle stays intact', async () => {
    const archive = await create('Aigerim');
    const x = await archive.save({ type: 'incident', data: sampleIncident(ended) });
    const y = await archive.save({ type: 'incident', data: sampleIncident({ ...ended, title: 'Part of it', links: [{ kind: 'part_of', incident: x.recordId }] }) });
    for (const profile of ['legal', 'public'] as const) {
      const zip = await exported(archive, { profile, only: [y.recordId] });
      const listing = execFileSync('unzip', ['-Z1', zip]).toString().split('\n');
      const bytes = listing.filter((name) => name && !name.endsWith('/')).map((name) => execFileSync('unzip', ['-p', zip, name]).toString('latin1')).join('\n');
      expect(bytes, profile).not.toContain(x.recordId);
      expect((await verifyBundle(zip)).valid, profile).toBe(true);
    }
    const whole = await exported(archive, { profile: 'legal' });
    const dir = join(folder.path, 'whole');
    execFileSync('unzip', ['-q', whole, '-d', dir]);
    const [bag] = execFileSync('ls', [dir]).toString().trim().split('\n');
    const bundle = JSON.parse(await readFile(join(dir, bag!, 'data/bundle.json'), 'utf8')) as { records: { recordId: string; data: { links?: unknown } }[] };
    expect(bundle.records.find((record) => record.recordId === y.recordId)?.data.links).toEqual([{ kind: 'part_of', incident: x.recordId }]);
    await archive.close();
  });
});
