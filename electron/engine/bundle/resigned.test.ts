/**
 * Bundles an attacker changed and signed again with a key of their own
 * (docs/spec/bundle-format.md, "What a verifier must reject"). Their
 * signature is valid, and proves only that the attacker signed: what a
 * reader is shown must still be what the records' authors signed and what
 * the archive's log wrote, and nothing in it may say more or other than
 * the profile allows. Each attack starts from a real export of its profile.
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VerifyReport } from '../../../shared/bagit';
import type { Bundle, BundleProfile } from '../../../shared/model';
import { Archive } from '../archive';
import { canonicalJson, sha256Hex } from '../canonical';
import { SigningKey } from '../signingKey';
import { sampleIncident, sampleTestimony, temporaryFolder } from '../testing/fixtures';
import { exportBundle } from './export';
import { archiveZip, makeBag, sha256 } from './testing/makeBundle';
import { verifyBundle } from './verify';

let folder: { path: string; remove: () => Promise<void> };
const exported = {} as Record<BundleProfile, string>;

beforeAll(async () => {
  folder = await temporaryFolder();
  const archive = await Archive.create(join(folder.path, 'archive'), { name: 'Алматы қорғаушылары', organization: 'Дәлел', passphrase: null, scryptCost: 2 ** 12 });
  const witness = await archive.save({ type: 'source', data: sampleTestimony() });
  const first = await archive.save({ type: 'incident', data: sampleIncident({ sources: [witness.recordId] }) });
  await archive.save({ type: 'incident', recordId: first.recordId, parent: first.revisionId, data: sampleIncident({ title: 'Almaty, corrected', sources: [witness.recordId] }) });
  await archive.save({ type: 'effect', data: { incident: first.recordId, category: 'banking_payments', severity: 'high', sources: [witness.recordId] } });
  const dropped = await archive.save({ type: 'incident', data: sampleIncident({ title: 'Entered twice' }) });
  await archive.retract({ recordId: dropped.recordId, parent: dropped.revisionId, reason: 'A duplicate' });
  const receipt = join(folder.path, 'receipt.txt');
  await writeFile(receipt, 'A pharmacy receipt, 5 January 2022.\n');
  await archive.attach(first.recordId, [{ path: receipt }]);
  for (const profile of ['internal', 'legal', 'public'] as const) {
    exported[profile] = join(folder.path, `${profile}.zip`);
    await exportBundle(archive, { out: exported[profile], profile, language: 'en', softwareVersion: 'test' });
  }
  await archive.close();
}, 120_000);
afterAll(() => folder?.remove());

let made = 0;

/** A real export's bundle.json and evidence files (path in the bag → bytes). */
async function unpack(zip: string): Promise<{ bundle: Bundle; evidence: Map<string, Uint8Array> }> {
  const dir = join(folder.path, `unpacked-${(made += 1)}`);
  execFileSync('unzip', ['-q', zip, '-d', dir]);
  const [top] = await readdir(dir);
  const evidence = new Map<string, Uint8Array>();
  for (const name of await readdir(join(dir, top!, 'data/attachments'))) evidence.set(`data/attachments/${name}`, await readFile(join(dir, top!, 'data/attachments', name)));
  return { bundle: JSON.parse(await readFile(join(dir, top!, 'data/bundle.json'), 'utf8')) as Bundle, evidence };
}

interface Attack {
  /** Changes bundle.json's content. */
  change?(bundle: Bundle): void;
  /** Changes bundle.json's text, after `change`, as JSON.stringify wrote it. */
  text?(json: string): string;
  /** Changes the evidence files (path in the bag → bytes). */
  evidence?(files: Map<string, Uint8Array>): void;
}

/**
 * The export of `profile`, changed by the attack and bagged and signed
 * again by a key of the attacker's: every manifest, bag-info field and
 * signature as an exporter would write them. Returns the check's report.
 */
async function resigned(profile: BundleProfile, attack: Attack = {}): Promise<VerifyReport> {
  const { bundle, evidence } = await unpack(exported[profile]);
  const key = SigningKey.generate();
  bundle.signer.fingerprint = key.fingerprint;
  attack.change?.(bundle);
  attack.evidence?.(evidence);
  const bag = await makeBag({
    key,
    name: bundle.bundleId,
    bundle: (content) => {
      for (const field of Object.keys(content)) delete content[field];
      Object.assign(content, bundle);
    },
    payload: (files) => {
      for (const path of [...files.keys()]) if (path.startsWith('data/attachments/')) files.delete(path);
      for (const [path, bytes] of evidence) files.set(path, bytes);
      if (attack.text) files.set('data/bundle.json', Buffer.from(attack.text(Buffer.from(files.get('data/bundle.json')!).toString('utf8'))));
    },
    bagInfo: (fields) => {
      const values: Record<string, string | undefined> = {
        'Dalel-Format': String(bundle.format),
        'Dalel-Profile': bundle.profile,
        'Dalel-Archive-Id': bundle.archiveId,
        'Dalel-Language': bundle.language,
        'Source-Organization': bundle.signer.organization || undefined,
      };
      return fields.flatMap(([label, value]) => (label in values ? (values[label] === undefined ? [] : [[label, values[label]!] as [string, string]]) : [[label, value] as [string, string]]));
    },
  });
  const zip = join(folder.path, `resigned-${(made += 1)}.zip`);
  await archiveZip(bag, zip);
  return VerifyReport.parse(await verifyBundle(zip));
}

function expectRefused(report: VerifyReport, reason: string, detail: Record<string, unknown> = {}): void {
  expect(report.valid, JSON.stringify(report)).toBe(false);
  expect(report.failure).toMatchObject({ reason, file: 'data/bundle.json', detail });
  // Every check before the one that refused passed: it is refused for this reason and no other.
  expect(report.checks.slice(0, -1).every((check) => check.ok)).toBe(true);
}

const custodyHash = (line: Record<string, unknown>) => {
  const { hash: _hash, ...rest } = line;
  return sha256Hex(canonicalJson(rest));
};

describe('an export signed again by someone else, unchanged', () => {
  it.each(['internal', 'legal', 'public'] as const)('%s: is valid (the attacks below fail for what they change, not for how they were made)', async (profile) => {
    const report = await resigned(profile);
    expect(report.failure).toBeUndefined();
    expect(report.valid).toBe(true);
  });
});

describe('an internal bundle re-signed after a change', () => {
  it('is refused when a record shows fields other than its head revision, as its author signed it', async () => {
    let recordId = '';
    const report = await resigned('internal', {
      change: (bundle) => {
        const record = bundle.records.find((item) => item.type === 'incident' && item.data)!;
        recordId = record.recordId;
        record.data = { ...record.data, title: 'Nothing happened' };
      },
    });
    expectRefused(report, 'recordNotHead', { recordId });
    expect(report.checks.at(-1)).toEqual({ id: 'revisions', ok: false });
  });

  it('is refused when a record gives another time of its last change than its head\'s', async () => {
    const report = await resigned('internal', { change: (bundle) => void (bundle.records.find((item) => item.type === 'effect')!.updatedAt = '2022-01-06T00:00:00.000Z') });
    expectRefused(report, 'recordNotHead', { problem: 'updatedAtNotHead' });
  });

  it('is refused when a record names as its head a revision it does not carry, or one of another record', async () => {
    const missing = await resigned('internal', { change: (bundle) => void (bundle.records.find((item) => item.type === 'effect')!.headId = sha256('no such revision')) });
    expectRefused(missing, 'recordNotHead');
    const borrowed = await resigned('internal', {
      change: (bundle) => {
        const [effect, source] = [bundle.records.find((item) => item.type === 'effect')!, bundle.records.find((item) => item.type === 'source')!];
        effect.revisions!.push(...source.revisions!);
        effect.headId = source.headId;
        effect.data = source.data;
      },
    });
    expectRefused(borrowed, 'recordNotHead');
  });

  it('is refused when a custody line was edited, or no longer follows the line before it', async () => {
    let seq = -1;
    const edited = await resigned('internal', {
      change: (bundle) => {
        const line = bundle.custody[1]!;
        seq = line.seq;
        line.at = '2022-01-01T00:00:00.000Z';
      },
    });
    expectRefused(edited, 'custodyChainBroken', { seq });
    expect(edited.checks.at(-1)).toEqual({ id: 'custody', ok: false });
    // Rehashed to hide the edit: the next line's prev still names the old hash.
    const rehashed = await resigned('internal', {
      change: (bundle) => {
        const at = bundle.custody.findIndex((line, index) => bundle.custody[index + 1]?.seq === line.seq + 1);
        const line = bundle.custody[at]!;
        line.at = '2022-01-01T00:00:00.000Z';
        line.hash = custodyHash(line);
        seq = bundle.custody[at + 1]!.seq;
      },
    });
    expectRefused(rehashed, 'custodyChainBroken', { seq });
  });

  it('is refused when a custody line names a record the bundle does not carry', async () => {
    let seq = -1;
    const report = await resigned('internal', {
      change: (bundle) => {
        const removed = bundle.records.find((record) => record.type === 'effect')!;
        bundle.records = bundle.records.filter((record) => record !== removed);
        seq = bundle.custody.find((line) => line.recordId === removed.recordId)!.seq;
      },
    });
    expectRefused(report, 'custodyRecordUnknown', { seq });
  });
});

describe('a legal bundle re-signed after a change', () => {
  it('is refused when a record lost its signed head but redactions.unsignedHeads still says every record has one', async () => {
    const report = await resigned('legal', {
      change: (bundle) => {
        const record = bundle.records.find((item) => item.signedHead)!;
        delete record.signedHead;
        delete record.headId;
      },
    });
    expectRefused(report, 'unsignedHeadsMiscounted', { declared: 0, actual: 1 });
    expect(report.checks.at(-1)).toEqual({ id: 'signedHeads', ok: false });
  });

  it('is refused when a record gives another time of its last change than its signed head\'s', async () => {
    const report = await resigned('legal', { change: (bundle) => void (bundle.records.find((item) => item.signedHead)!.updatedAt = '2022-01-06T00:00:00.000Z') });
    expectRefused(report, 'signedHeadInvalid', { problem: 'updatedAtNotHead' });
  });

  it('is refused when a custody line carries a note (it names other archives and their signers)', async () => {
    const report = await resigned('legal', { change: (bundle) => void (bundle.custody[0]!.note = 'merged from the archive of Aigerim, Zhanaozen') });
    expectRefused(report, 'bundleJsonInvalid', { path: 'custody.0.note', message: 'noteNotAllowed' });
  });

  it('is refused when a record was taken out and a custody line still names it', async () => {
    let seq = -1;
    const report = await resigned('legal', {
      change: (bundle) => {
        const removed = bundle.records.find((record) => record.type === 'effect')!;
        bundle.records = bundle.records.filter((record) => record !== removed);
        seq = bundle.custody.find((line) => line.recordId === removed.recordId)!.seq;
      },
    });
    expectRefused(report, 'custodyRecordUnknown', { seq });
  });

  it('is refused when a custody line names a file the bundle does not carry (it would confirm a withheld file)', async () => {
    const report = await resigned('legal', {
      change: (bundle) => {
        const line = bundle.custody.find((item) => item.hashes?.length)!;
        line.hashes = [sha256('a withheld recording')];
      },
    });
    expectRefused(report, 'bundleJsonInvalid', { message: 'fileNotCarried' });
  });

  it('is refused when it carries a file of a person it names by a pseudonym, or miscounts them', async () => {
    const file = await resigned('legal', {
      change: (bundle) => {
        const witness = bundle.records.find((record) => (record.data?.person as { pseudonym?: string } | undefined)?.pseudonym)!;
        bundle.attachments.push({ ...bundle.attachments[0]!, recordId: witness.recordId });
      },
    });
    expectRefused(file, 'bundleJsonInvalid', { message: 'fileOfUnnamedPerson' });
    const count = await resigned('legal', { change: (bundle) => void (bundle.redactions.pseudonymized = 0) });
    expectRefused(count, 'bundleJsonInvalid', { path: 'redactions.pseudonymized', message: 'redactionMiscounted' });
  });

  it('is refused when a key is given twice in one object: JSON readers disagree on which value counts', async () => {
    const twice = await resigned('legal', { text: (json) => json.replace('"severity": "high"', '"severity": "low",\n"severity": "high"') });
    expectRefused(twice, 'bundleJsonDuplicateKey');
    expect(twice.checks.at(-1)).toEqual({ id: 'bundleJson', ok: false });
    // The same key spelled with an escape is the same key.
    const escaped = await resigned('legal', { text: (json) => json.replace('"format": 2,', '"format": 2,\n"\\u0066ormat": 2,') });
    expectRefused(escaped, 'bundleJsonDuplicateKey');
  });
});

describe('a public bundle re-signed after a change', () => {
  const source = (bundle: Bundle) => bundle.records.find((record) => record.type === 'source')!;

  it('is refused when it carries a person\'s name or consent answers', async () => {
    const named = await resigned('public', { change: (bundle) => void ((source(bundle).data!.person as Record<string, unknown>).name = 'Ержан Т.') });
    expectRefused(named, 'bundleJsonInvalid', { message: 'identifyingFieldNotAllowed' });
    const consent = await resigned('public', { change: (bundle) => void (source(bundle).data!.consent = { keep: true }) });
    expectRefused(consent, 'bundleJsonInvalid', { message: 'identifyingFieldNotAllowed' });
  });

  it('is refused when it carries a file marked sensitive', async () => {
    const report = await resigned('public', { change: (bundle) => void (bundle.attachments[0]!.sensitive = true) });
    expectRefused(report, 'bundleJsonInvalid', { path: 'attachments.0.sensitive', message: 'sensitiveNotAllowed' });
  });

  it('is refused when a time is given to the second', async () => {
    const report = await resigned('public', { change: (bundle) => void (bundle.custody[0]!.at = '2026-12-07T08:45:16.438Z') });
    expectRefused(report, 'bundleJsonInvalid', { path: 'custody.0.at', message: 'timeNotToTheDay' });
  });

  it('is refused when it carries a photo that is not a cleaned copy, whatever its media type says', async () => {
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1]), Buffer.from('Exif GPS 43.25N 76.95E')]);
    const path = `attachments/${sha256(photo)}.jpg`;
    for (const mediaType of ['image/jpeg', 'text/plain']) {
      const report = await resigned('public', {
        change: (bundle) => {
          const [listed] = bundle.attachments;
          bundle.attachments.push({ ...listed!, sha256: sha256(photo), size: photo.length, mediaType, originalName: `${sha256(photo).slice(0, 12)}.jpg`, path });
        },
        evidence: (files) => void files.set(`data/${path}`, photo),
      });
      expect(report.failure, mediaType).toMatchObject({ reason: 'uncleanedMedia', file: `data/${path}` });
      expect(report.checks.at(-1)).toEqual({ id: 'attachments', ok: false });
    }
  });

  it('is refused when a custody line names a record the bundle does not carry', async () => {
    const report = await resigned('public', {
      change: (bundle) => {
        const removed = bundle.records.find((record) => record.type === 'effect')!;
        bundle.records = bundle.records.filter((record) => record !== removed);
      },
    });
    expectRefused(report, 'custodyRecordUnknown');
  });
});
