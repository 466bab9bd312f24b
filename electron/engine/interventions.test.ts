/**
 * Interventions (complaints, court cases, UN communications) on real
 * archives and real bundles: saving checks the incidents and sources they
 * name, an incident chosen for export brings them, a public bundle carries
 * no confidential reference or summary anywhere in its bytes, an incident
 * the bundle does not carry is not named, and the same intervention edited
 * in two archives stays in conflict after a merge until a person resolves it.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Bundle, type InterventionInput } from '../../shared/model';
import { Archive } from './archive';
import { exportBundle } from './bundle/export';
import { verifyBundle } from './bundle/verify';
import { sampleIncident, temporaryFolder } from './testing/fixtures';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

let made = 0;
const create = (name: string) => Archive.create(join(folder.path, `${name}-${(made += 1)}`), { name, organization: '', passphrase: null, scryptCost: 2 ** 12 });

const secretReference = 'Іс № 7599-22-00-2а/114 (жабық)';
const secretSummary = 'Бұл шағымды клиенттің атынан Гүлнар Ә. берді';

const complaint = (incidents: string[], overrides: Partial<InterventionInput> = {}): InterventionInput => ({
  kind: 'court_case',
  title: 'Appeal against the order to cut mobile data',
  body: 'Specialised Inter-District Administrative Court of Almaty',
  reference: '7599-22-00-2а/31',
  filedAt: { at: '2022-02-01T10:00+06:00', precision: 'day' },
  decidedAt: { at: '2022-03-15T10:00+06:00', precision: 'day' },
  outcome: 'rejected',
  summary: 'The court held the order lawful without seeing it.',
  incidents,
  ...overrides,
});

async function exported(archive: Archive, profile: 'internal' | 'legal' | 'public', only?: string[]) {
  const out = join(folder.path, `${profile}-${randomBytes(3).toString('hex')}.zip`);
  const result = await exportBundle(archive, { out, profile, language: 'ru', softwareVersion: 'test', ...(only ? { only } : {}) });
  const dir = join(folder.path, `unzipped-${randomBytes(3).toString('hex')}`);
  execFileSync('unzip', ['-q', out, '-d', dir]);
  const bag = join(dir, result.bundleId);
  const entries = await readdir(bag, { recursive: true, withFileTypes: true });
  const bytes = Buffer.concat(await Promise.all(entries.filter((entry) => entry.isFile()).map((entry) => readFile(join(entry.parentPath, entry.name)))));
  return { out, bag, bytes, bundle: Bundle.parse(JSON.parse(await readFile(join(bag, 'data/bundle.json'), 'utf8'))) };
}

describe('saving an intervention', () => {
  it('keeps its body, reference, dates, outcome and the incidents it is about', async () => {
    const archive = await create('A');
    const incident = await archive.save({ type: 'incident', data: sampleIncident() });
    const source = await archive.save({ type: 'source', data: { kind: 'document', title: 'Court decision of 15 March' } });
    const saved = await archive.save({ type: 'intervention', data: complaint([incident.recordId], { sources: [source.recordId] }) });
    const { summary } = archive.getRecord(saved.recordId);
    expect(summary).toMatchObject({ type: 'intervention', retracted: false });
    expect(summary.data).toMatchObject({ body: 'Specialised Inter-District Administrative Court of Almaty', outcome: 'rejected', incidents: [incident.recordId], sources: [source.recordId], confidential: false });
    expect(archive.listRecords('intervention').map((record) => record.recordId)).toEqual([saved.recordId]);
    archive.close();
  });

  it('refuses an incident or a source that is not in the archive, and an effect where an incident belongs, and saves nothing', async () => {
    const archive = await create('A');
    const incident = await archive.save({ type: 'incident', data: sampleIncident() });
    const effect = await archive.save({ type: 'effect', data: { incident: incident.recordId, category: 'other', severity: 'low' } });
    const stranger = '8f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
    await expect(archive.save({ type: 'intervention', data: complaint([incident.recordId, stranger]) })).rejects.toMatchObject({
      code: 'invalidRecord',
      problems: [{ path: 'incidents.1', key: 'unknownIncident', params: {} }],
    });
    await expect(archive.save({ type: 'intervention', data: complaint([effect.recordId]) })).rejects.toMatchObject({
      problems: [{ path: 'incidents.0', key: 'unknownIncident', params: {} }],
    });
    await expect(archive.save({ type: 'intervention', data: complaint([incident.recordId], { sources: [incident.recordId] }) })).rejects.toMatchObject({
      problems: [{ path: 'sources.0', key: 'unknownSource', params: {} }],
    });
    await expect(archive.save({ type: 'intervention', data: complaint([]) })).rejects.toMatchObject({ code: 'invalidRecord' });
    expect(archive.listRecords('intervention')).toEqual([]);
    archive.close();
  });

  it('is edited and retracted like any record, each step a signed revision', async () => {
    const archive = await create('A');
    const incident = await archive.save({ type: 'incident', data: sampleIncident() });
    const first = await archive.save({ type: 'intervention', data: complaint([incident.recordId], { outcome: 'pending', decidedAt: undefined }) });
    const edited = await archive.save({ type: 'intervention', recordId: first.recordId, parent: first.revisionId, data: complaint([incident.recordId]) });
    await archive.retract({ recordId: first.recordId, parent: edited.revisionId, reason: 'Entered twice' });
    const { summary, history } = archive.getRecord(first.recordId);
    expect(summary.retracted).toBe(true);
    expect(history.map((signed) => signed.revision.data?.outcome ?? null)).toEqual(['pending', 'rejected', null]);
    archive.close();
  });
});

describe('exporting interventions', () => {
  it('an incident chosen alone brings the interventions about it, and the bundle verifies', async () => {
    const archive = await create('A');
    const chosen = await archive.save({ type: 'incident', data: sampleIncident({ title: 'Almaty, January' }) });
    const other = await archive.save({ type: 'incident', data: sampleIncident({ title: 'Zhanaozen, December' }) });
    const about = await archive.save({ type: 'intervention', data: complaint([chosen.recordId, other.recordId]) });
    const unrelated = await archive.save({ type: 'intervention', data: complaint([other.recordId], { title: 'Complaint to the prosecutor' }) });
    const none = await exported(archive, 'internal', [(await archive.save({ type: 'incident', data: sampleIncident({ title: 'Unchallenged' }) })).recordId]);
    // A bundle without complaints or cases has no table of them.
    expect(existsSync(join(none.bag, 'data/interventions.csv'))).toBe(false);
    const internal = await exported(archive, 'internal', [chosen.recordId]);
    expect(internal.bundle.records.map((record) => record.recordId)).toContain(about.recordId);
    const { out, bundle, bytes } = await exported(archive, 'legal', [chosen.recordId]);
    const ids = bundle.records.map((record) => record.recordId);
    expect(ids).toContain(about.recordId);
    expect(ids).not.toContain(unrelated.recordId);
    // SECURITY: the other incident is not in a legal bundle, so the intervention does not name it, not even in its signed head.
    const carried = bundle.records.find((record) => record.recordId === about.recordId)!;
    expect(carried.data?.incidents).toEqual([chosen.recordId]);
    expect(bytes.includes(Buffer.from(other.recordId))).toBe(false);
    const verified = await verifyBundle(out);
    expect(verified.valid, JSON.stringify(verified)).toBe(true);
    archive.close();
  });

  it('a public bundle withholds a confidential intervention’s reference and summary from every byte, and keeps the rest', async () => {
    const archive = await create('A');
    const incident = await archive.save({ type: 'incident', data: sampleIncident() });
    const secret = await archive.save({ type: 'intervention', data: complaint([incident.recordId], { reference: secretReference, summary: secretSummary, confidential: true }) });
    await archive.save({ type: 'intervention', data: complaint([incident.recordId], { title: 'Open complaint', reference: 'ОБ-2022/17', summary: 'Published by the ombudsman.' }) });
    const legal = await exported(archive, 'legal');
    expect(legal.bytes.includes(Buffer.from(secretReference))).toBe(true);
    expect(await readFile(join(legal.bag, 'data/interventions.csv'), 'utf8')).toContain(secretReference);
    const { bytes, bundle, out, bag } = await exported(archive, 'public');
    for (const text of [secretReference, secretSummary]) expect(bytes.includes(Buffer.from(text)), text).toBe(false);
    // A public bundle gives records new ids: the confidential one is the one without its reference.
    const interventions = bundle.records.filter((record) => record.type === 'intervention');
    expect(interventions).toHaveLength(2);
    expect(interventions.map((record) => record.recordId)).not.toContain(secret.recordId);
    const kept = interventions.find((record) => record.data?.title === 'Appeal against the order to cut mobile data')!;
    expect(kept.data).toMatchObject({ body: 'Specialised Inter-District Administrative Court of Almaty', outcome: 'rejected' });
    expect(kept.data).not.toHaveProperty('reference');
    expect(kept.data).not.toHaveProperty('summary');
    expect(interventions.find((record) => record.data?.title === 'Open complaint')!.data).toMatchObject({ reference: 'ОБ-2022/17', summary: 'Published by the ombudsman.' });
    expect(bytes.includes(Buffer.from('ОБ-2022/17'))).toBe(true);
    expect(bundle.redactions.confidentialTextWithheld).toBe(1);
    const csv = await readFile(join(bag, 'data/interventions.csv'), 'utf8');
    expect(csv).toContain('ОБ-2022/17');
    expect(csv.trim().split('\n')).toHaveLength(3);
    expect((await verifyBundle(out)).valid).toBe(true);
    archive.close();
  });

  it('a public bundle names the incidents by its own ids: no real record id links it to the archive or a legal bundle', async () => {
    const archive = await create('A');
    const incident = await archive.save({ type: 'incident', data: sampleIncident() });
    const intervention = await archive.save({ type: 'intervention', data: complaint([incident.recordId]) });
    const { bytes, bundle } = await exported(archive, 'public');
    for (const id of [incident.recordId, intervention.recordId]) expect(bytes.includes(Buffer.from(id)), id).toBe(false);
    const carriedIncident = bundle.records.find((record) => record.type === 'incident')!;
    const carried = bundle.records.find((record) => record.type === 'intervention')!;
    // Still about the incident the bundle carries, under that incident's new id.
    expect(carried.data?.incidents).toEqual([carriedIncident.recordId]);
    archive.close();
  });
});

describe('merging interventions', () => {
  it('the same intervention edited in two archives is a conflict after import, and a person resolves it', async () => {
    const a = await create('Aigerim');
    const incident = await a.save({ type: 'incident', data: sampleIncident() });
    const first = await a.save({ type: 'intervention', data: complaint([incident.recordId], { outcome: 'pending', decidedAt: undefined }) });
    const b = await create('Ерлан');
    await b.importBundle((await exported(a, 'internal')).out, { allowUntrusted: true });
    await a.save({ type: 'intervention', recordId: first.recordId, parent: first.revisionId, data: complaint([incident.recordId], { outcome: 'rejected' }) });
    await b.save({ type: 'intervention', recordId: first.recordId, parent: first.revisionId, data: complaint([incident.recordId], { outcome: 'no_response', decidedAt: undefined }) });

    const org = await create('Org');
    await org.trust(a.key.publicLine, 'Aigerim');
    await org.trust(b.key.publicLine, 'Ерлан');
    await org.importBundle((await exported(a, 'internal')).out);
    await org.importBundle((await exported(b, 'internal')).out);
    const [conflict] = org.conflicts();
    expect(conflict).toMatchObject({ recordId: first.recordId, type: 'intervention', conflict: true });
    const outcomes = conflict!.heads.map((id) => org.getRecord(first.recordId).history.find((signed) => signed.id === id)!.revision.data!.outcome);
    expect(outcomes.sort()).toEqual(['no_response', 'rejected']);
    await org.resolveConflict({ recordId: first.recordId, heads: conflict!.heads, data: complaint([incident.recordId], { outcome: 'rejected' }) });
    expect(org.conflicts()).toEqual([]);
    for (const archive of [a, b, org]) archive.close();
  });
});
