/**
 * The illustrative mark as a court or a lawyer would meet it: the sample's
 * records keep it through every edit the archive accepts, every bundle
 * holding one says so (bag-info, the report's title and cover, the
 * verifier's counts), a merge into another archive keeps it on every record
 * and that archive's bundles say so too, and neither a re-signed bag-info
 * nor a merged version can quietly drop it.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { illustrativeBagInfoValue, type Bundle, type BundleProfile, type SignedRevision } from '../../shared/model';
import { Archive } from './archive';
import { exportBundle } from './bundle/export';
import { archiveZip, makeBag } from './bundle/testing/makeBundle';
import { verifyBundle } from './bundle/verify';
import { EngineError } from './errors';
import { signRevision } from './revisions';
import { sampleIncident, temporaryFolder } from './testing/fixtures';
import { sampleArchive } from './testing/sampleArchive';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

let made = 0;
/** Exports `archive` and unzips it: the zip, the bag's folder, and its bag-info, report and bundle.json as written. */
async function exported(archive: Archive, profile: BundleProfile, language: 'en' | 'ru' | 'kk' = 'en') {
  made += 1;
  const out = join(folder.path, `${profile}-${made}.zip`);
  const result = await exportBundle(archive, { out, profile, language, softwareVersion: 'test' });
  const dir = join(folder.path, `unzipped-${made}`);
  execFileSync('unzip', ['-q', out, '-d', dir]);
  const bag = join(dir, result.bundleId);
  const read = (path: string) => readFile(join(bag, path), 'utf8');
  return { out, bag, bagInfo: await read('bag-info.txt'), report: await read('data/report.html'), bundle: JSON.parse(await read('data/bundle.json')) as Bundle };
}

const illustrativeLine = (bagInfo: string) => bagInfo.split('\n').find((line) => line.startsWith('Dalel-Illustrative:'));

describe('an illustrative record', () => {
  it('stays marked: an edit that drops the mark is refused with nothing written, one that keeps it is saved', async () => {
    const { archive, incidents, testimony } = await sampleArchive(folder.path, { evidence: false });
    const effectId = archive.listRecords('effect')[0]!.recordId;
    for (const recordId of [incidents[0]!, effectId, testimony]) {
      const { summary } = archive.getRecord(recordId);
      const { illustrative, ...unmarked } = summary.data as Record<string, unknown>;
      expect(illustrative).toBe(true);
      const type = summary.type as 'incident' | 'effect' | 'source';
      const refused = await archive.save({ type, recordId, parent: summary.headId, data: unmarked }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(EngineError);
      expect((refused as EngineError).code).toBe('invalidRecord');
      expect((refused as EngineError).problems).toEqual([{ path: 'illustrative', key: 'illustrativeStays', params: {} }]);
      expect(archive.getRecord(recordId).summary.headId).toBe(summary.headId);
      // Edited, still marked: saved.
      const kept = await archive.save({ type, recordId, parent: summary.headId, data: { ...unmarked, illustrative: true } });
      expect(archive.getRecord(recordId).summary.headId).toBe(kept.revisionId);
    }
    await archive.close();
  });

  it('stays marked when a conflict between two edits is resolved into one version', async () => {
    const { archive: sample, incidents } = await sampleArchive(folder.path, { evidence: false });
    const other = await Archive.create(join(folder.path, 'other'), { name: 'Other', organization: '', passphrase: null, scryptCost: 2 ** 12 });
    await other.importBundle((await exported(sample, 'internal')).out, { allowUntrusted: true });
    const recordId = incidents[3]!;
    const base = sample.getRecord(recordId).summary;
    const data = base.data as Record<string, unknown>;
    await sample.save({ type: 'incident', recordId, parent: base.headId, data: { ...data, summary: 'Edited in the sample archive.' } });
    await other.save({ type: 'incident', recordId, parent: base.headId, data: { ...data, summary: 'Edited in the other archive.' } });
    await other.trust(sample.key.publicLine, 'Sample');
    await other.importBundle((await exported(sample, 'internal')).out);
    const [conflict] = other.conflicts();
    expect(conflict?.heads).toHaveLength(2);
    const { illustrative: _mark, ...unmarked } = data;
    await expect(other.resolveConflict({ recordId, heads: conflict!.heads, data: { ...unmarked, summary: 'Both.' } })).rejects.toMatchObject({
      code: 'invalidRecord',
      problems: [{ path: 'illustrative', key: 'illustrativeStays', params: {} }],
    });
    expect(other.conflicts()).toHaveLength(1);
    await other.resolveConflict({ recordId, heads: conflict!.heads, data: { ...data, summary: 'Both.' } });
    expect(other.conflicts()).toEqual([]);
    expect((other.getRecord(recordId).summary.data as { illustrative?: boolean }).illustrative).toBe(true);
    await sample.close();
    await other.close();
  });

  it.each(['internal', 'legal', 'public'] as const)('makes a %s bundle say so: bag-info, the report title and cover, and the verifier', async (profile) => {
    const { archive } = await sampleArchive(folder.path, { evidence: false });
    const { out, bagInfo, report, bundle } = await exported(archive, profile);
    const records = bundle.records.length;
    expect(bundle.records.every((record) => (record.data as { illustrative?: boolean }).illustrative === true)).toBe(true);
    expect(illustrativeLine(bagInfo)).toBe(`Dalel-Illustrative: ${records} of ${records} records are illustrative, not evidence`);
    expect(report).toMatch(/<title>Illustrative, not evidence: Evidence bundle dalel-/);
    expect(report).toContain(`Records marked illustrative: ${records} of ${records}.`);
    const verified = await verifyBundle(out);
    expect(verified.valid, JSON.stringify(verified.failure)).toBe(true);
    expect(verified.counts?.illustrative).toBe(records);
    await archive.close();
  });

  it('says nothing of the kind in a bundle without one', async () => {
    const archive = await Archive.create(join(folder.path, 'real'), { name: 'Real', organization: '', passphrase: null, scryptCost: 2 ** 12 });
    await archive.save({ type: 'incident', data: sampleIncident() });
    const { out, bagInfo, report } = await exported(archive, 'legal', 'ru');
    expect(illustrativeLine(bagInfo)).toBeUndefined();
    expect(report).not.toContain('Иллюстрация, не доказательство');
    expect((await verifyBundle(out)).counts?.illustrative).toBeUndefined();
    await archive.close();
  });

  it('merged into another archive, keeps the mark on every record, and that archive’s bundles say so in its language', async () => {
    const { archive: sample } = await sampleArchive(folder.path);
    const { out: sampleBundle } = await exported(sample, 'internal');
    await sample.close();
    const other = await Archive.create(join(folder.path, 'other'), { name: 'Other', organization: '', passphrase: null, scryptCost: 2 ** 12 });
    await other.save({ type: 'incident', data: sampleIncident() });
    const outcome = await other.importBundle(sampleBundle, { allowUntrusted: true });
    expect(outcome.imported?.kind, JSON.stringify(outcome.report.failure)).toBe('merged');
    const merged = (['incident', 'effect', 'source'] as const).flatMap((type) => other.listRecords(type));
    const marked = merged.filter((record) => (record.data as { illustrative?: boolean }).illustrative === true);
    expect(marked.length).toBe(merged.length - 1);
    const { out, bagInfo, report } = await exported(other, 'legal', 'kk');
    expect(illustrativeLine(bagInfo)).toBe(`Dalel-Illustrative: ${marked.length} of ${merged.length} records are illustrative, not evidence`);
    expect(report).toContain('<title>Иллюстрация, дәлелдеме емес: Дәлелдемелер пакеті dalel-');
    expect((await verifyBundle(out)).counts).toMatchObject({ records: merged.length, illustrative: marked.length });
    await other.close();
  });
});

describe('what cannot drop the mark', () => {
  it('a bag-info re-signed without the line, or with another count, fails verification', async () => {
    const { archive } = await sampleArchive(folder.path, { evidence: false });
    const { out, bundle } = await exported(archive, 'legal');
    expect((await verifyBundle(out)).valid).toBe(true);
    const dir = join(folder.path, 'resigned');
    await mkdir(dir);
    for (const [name, line] of [
      ['without', null],
      ['fewer', `1 of ${bundle.records.length} records are illustrative, not evidence`],
      ['twice', 'repeat'],
    ] as const) {
      const bag = await makeBag({
        key: archive.key,
        name: bundle.bundleId,
        bundle: (content) => {
          for (const field of Object.keys(content)) delete content[field];
          Object.assign(content, bundle);
        },
        payload: (files) => {
          for (const path of [...files.keys()]) if (path.startsWith('data/attachments/')) files.delete(path);
        },
        bagInfo: (fields) => {
          const values: Record<string, string | undefined> = {
            'Dalel-Format': String(bundle.format),
            'Dalel-Profile': bundle.profile,
            'Dalel-Archive-Id': bundle.archiveId,
            'Dalel-Language': bundle.language,
            'Source-Organization': bundle.signer.organization || undefined,
          };
          const kept = fields.flatMap(([label, value]) => (label in values ? (values[label] === undefined ? [] : [[label, values[label]!] as [string, string]]) : [[label, value] as [string, string]]));
          const right = illustrativeBagInfoValue(bundle.records)!;
          if (line === 'repeat') return [...kept, ['Dalel-Illustrative', right], ['Dalel-Illustrative', right]];
          return line === null ? kept : [...kept, ['Dalel-Illustrative', line]];
        },
      });
      const zip = join(dir, `${name}.zip`);
      await archiveZip(bag, zip);
      const report = await verifyBundle(zip);
      expect(report.valid, name).toBe(false);
      expect(report.failure, name).toMatchObject({ reason: 'bundleJsonInvalid', detail: { path: 'records', problem: 'doesNotMatchBagInfo' } });
    }
    await archive.close();
  });

  it('a merge that brings a version without the mark is refused whole, nothing added', async () => {
    const { archive: sample, incidents } = await sampleArchive(folder.path, { evidence: false });
    const { bundle } = await exported(sample, 'internal');
    // A version signed by the sample's own key, as a modified program would make it: the incident without its mark.
    const record = bundle.records.find((entry) => entry.recordId === incidents[1])!;
    const head = record.revisions!.find((signed) => signed.id === record.headId)!;
    const { illustrative: _dropped, ...unmarked } = head.revision.data!;
    const forged: SignedRevision = signRevision(sample.key, { recordId: record.recordId, type: 'incident', parents: [head.id], data: unmarked });
    record.revisions = [...record.revisions!, forged];
    record.headId = forged.id;
    record.data = unmarked;
    record.updatedAt = forged.revision.createdAt;
    const bag = await makeBag({
      key: sample.key,
      name: bundle.bundleId,
      bundle: (content) => {
        for (const field of Object.keys(content)) delete content[field];
        Object.assign(content, bundle);
      },
      payload: (files) => {
        for (const path of [...files.keys()]) if (path.startsWith('data/attachments/')) files.delete(path);
      },
      bagInfo: (fields) => [
        ...fields.map(([label, value]): [string, string] => [label, { 'Dalel-Format': String(bundle.format), 'Dalel-Profile': 'internal', 'Dalel-Archive-Id': bundle.archiveId! }[label] ?? value]),
        ['Dalel-Illustrative', illustrativeBagInfoValue(bundle.records)!],
      ],
    });
    const zip = join(folder.path, 'forged.zip');
    await archiveZip(bag, zip);
    await sample.close();
    const checked = await verifyBundle(zip);
    expect(checked.valid, JSON.stringify(checked.failure)).toBe(true);

    const other = await Archive.create(join(folder.path, 'other'), { name: 'Other', organization: '', passphrase: null, scryptCost: 2 ** 12 });
    const refused = await other.importBundle(zip, { allowUntrusted: true }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'illustrativeDropped', params: { id: incidents[1] } });
    expect(other.listRecords('incident')).toEqual([]);
    await other.close();
  });
});
