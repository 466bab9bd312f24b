/**
 * Export, checked with the standard tools a court expert has (unzip,
 * sha256sum, ssh-keygen) and byte by byte for what each profile may carry.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Bundle, sharingUses, type SharingUse, type SourceInput } from '../../../shared/model';
import { Archive } from '../archive';
import { sampleIncident, temporaryFolder } from '../testing/fixtures';
import { exportBundle, type ExportOptions } from './export';
import { verifyBundle } from './verify';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

const givenAt = { at: '2022-01-12T11:00+06:00', precision: 'hour' as const };
/** Everything that names a person in the sample archive: none may leave without that person's consent. */
const secrets = {
  refusing: ['Айгүл Серікқызы', '+7 701 111 22 33', 'Абай даңғылы 150, пәтер 12'],
  lawyersOnly: ['Ержан Тұрсынұлы', 'erzhan@example.kz', 'Сәтпаев көшесі 7'],
};
const confidentialSummary = 'Құпия: the operator engineer who told us about the order';
const unpublishedStatement = 'Біз жедел жәрдем шақыра алмадық — the text relay works only online';

/** An archive with one incident, three effects, two testimonies with different consent, and files on each. */
async function sampleArchive(passphrase: string | null) {
  const archive = await Archive.create(join(folder.path, 'архив 📁'), { name: 'Алматы қорғаушылары', organization: 'Дәлел', passphrase, scryptCost: 2 ** 12 });
  const person = (name: string, contact: string, address: string) => ({ name, contact, address, role: 'victim' as const });
  const refusing: SourceInput = {
    kind: 'testimony',
    title: 'Deaf family, Almaty',
    content: unpublishedStatement,
    person: { ...person(...(secrets.refusing as [string, string, string])), disability: 'deaf' },
    consent: { keep: true, lawyersAnonymous: false, lawyersNamed: false, unNamed: false, publishAnonymous: false, askedBy: 'А. Н.', askedIn: 'kk', givenAt, method: 'recorded' },
  };
  const lawyersOnly: SourceInput = {
    kind: 'testimony',
    title: 'Pharmacist, Medeu district',
    content: 'Card payments stopped on 5 January; a diabetic patient could not buy insulin.',
    person: person(...(secrets.lawyersOnly as [string, string, string])),
    consent: { keep: true, lawyersAnonymous: true, lawyersNamed: true, unNamed: false, publishAnonymous: true, askedBy: 'А. Н.', askedIn: 'ru', givenAt, method: 'written' },
  };
  const a = await archive.save({ type: 'source', data: refusing });
  const b = await archive.save({ type: 'source', data: lawyersOnly });
  const incident = await archive.save({ type: 'incident', data: sampleIncident({ summary: confidentialSummary, confidential: true, sources: [b.recordId] }) });
  const effect = (category: string, sources: string[]) =>
    archive.save({ type: 'effect', data: { incident: incident.recordId, category, severity: 'high', sources } });
  await effect('banking_payments', [b.recordId]);
  await effect('medical_care', [b.recordId]);
  await effect('disability_access', [a.recordId]);
  const files: Record<string, string> = {};
  const attach = async (recordId: string, name: string, bytes: Buffer, sensitive = false) => {
    const path = join(folder.path, name);
    await writeFile(path, bytes);
    const [entry] = await archive.attach(recordId, [{ path, sensitive }]);
    files[name] = entry!.sha256;
  };
  await attach(incident.recordId, 'Банк жабық 📵.jpg', randomBytes(300_000));
  await attach(incident.recordId, 'list of detainees.pdf', randomBytes(20_000), true);
  await attach(a.recordId, 'Айгүлдің дауысы.m4a', randomBytes(150_000));
  await attach(b.recordId, 'pharmacy receipt.png', randomBytes(40_000));
  return { archive, files, incidentId: incident.recordId };
}

async function exported(archive: Archive, options: Partial<ExportOptions> = {}) {
  const out = join(folder.path, `${options.profile ?? 'internal'}-${randomBytes(3).toString('hex')}.zip`);
  const result = await exportBundle(archive, { out, profile: 'internal', language: 'kk', softwareVersion: 'test', ...options });
  const dir = join(folder.path, `unzipped-${randomBytes(3).toString('hex')}`);
  execFileSync('unzip', ['-q', out, '-d', dir]);
  const bag = join(dir, result.bundleId);
  return { out, result, bag, bundle: Bundle.parse(JSON.parse(await readFile(join(bag, 'data/bundle.json'), 'utf8'))) };
}

/** Every byte of every file of the bag, to search for what must not be there. */
async function allBytes(bag: string): Promise<Buffer> {
  const entries = await readdir(bag, { recursive: true, withFileTypes: true });
  return Buffer.concat(await Promise.all(entries.filter((entry) => entry.isFile()).map((entry) => readFile(join(entry.parentPath, entry.name)))));
}

const contains = (bytes: Buffer, text: string) => bytes.includes(Buffer.from(text));

describe.each([
  ['an unencrypted', null],
  ['an encrypted', 'ұзын құпия сөз 2022'],
] as const)('a bundle of %s archive', (_kind, passphrase) => {
  it('passes unzip -t, sha256sum -c of both manifests and ssh-keygen -Y verify, and holds the original bytes', async () => {
    const { archive, files } = await sampleArchive(passphrase);
    const { out, result, bag, bundle } = await exported(archive);

    expect(execFileSync('unzip', ['-t', out], { encoding: 'utf8' })).toMatch(/No errors detected/);
    // The hash of the whole file, for a covering letter, is what sha256sum says of the file on disk.
    expect(result.sha256).toBe(execFileSync('sha256sum', [out], { encoding: 'utf8' }).split(' ')[0]);
    const checked = execFileSync('sh', ['-c', 'sha256sum -c tagmanifest-sha256.txt && sha256sum -c manifest-sha256.txt'], { cwd: bag, encoding: 'utf8' });
    expect(checked).not.toMatch(/FAILED/);
    expect(checked.match(/: OK$/gm)).toHaveLength(5 + 6 + Object.keys(files).length);
    const fingerprint = execFileSync('ssh-keygen', ['-lf', 'signer.pub'], { cwd: bag, encoding: 'utf8' }).split(' ')[1];
    expect(fingerprint).toBe(archive.key.fingerprint);
    execFileSync('sh', ['-c', `printf '%s %s\\n' signer "$(cut -d' ' -f1,2 signer.pub)" > ../allowed_signers`], { cwd: bag });
    const verified = execFileSync(
      'sh',
      ['-c', 'ssh-keygen -Y verify -f ../allowed_signers -I signer -n dalel-bundle -s tagmanifest-sha256.txt.sig < tagmanifest-sha256.txt 2>&1'],
      { cwd: bag, encoding: 'utf8' },
    );
    expect(verified).toMatch(/Good "dalel-bundle" signature for signer/);
    const report = await verifyBundle(out);
    expect(report).toMatchObject({ valid: true, bundleId: result.bundleId, profile: 'internal', signer: { fingerprint: archive.key.fingerprint } });
    expect(report.counts).toMatchObject({ records: 6, attachments: Object.keys(files).length });

    const bagInfo = await readFile(join(bag, 'bag-info.txt'), 'utf8');
    expect(bagInfo).toContain(`External-Identifier: ${result.bundleId}`);
    expect(bagInfo).toContain(`Dalel-Signer-Fingerprint: ${archive.key.fingerprint}`);
    expect(bagInfo).toContain('Dalel-Profile: internal');
    expect(bagInfo).toContain('Source-Organization: Дәлел');
    for (const [name, sha256] of Object.entries(files)) {
      const listed = bundle.attachments.find((attachment) => attachment.originalName === name)!;
      const bytes = await readFile(join(bag, 'data', listed.path));
      expect(createHash('sha256').update(bytes).digest('hex'), name).toBe(sha256);
    }
    // Every revision, with its author's signature, for an import that loses nothing.
    expect(bundle.records).toHaveLength(6);
    expect(bundle.records.every((record) => record.revisions?.length === 1)).toBe(true);
    expect(archive.custodyOf(bundle.records[0]!.recordId).length).toBeGreaterThan(0);
  });
});

describe('profiles', () => {
  it('legal carries only the person who consented to lawyers: a "No" never travels, not even as a pseudonym', async () => {
    const { archive, files } = await sampleArchive(null);
    const { bag, bundle } = await exported(archive, { profile: 'legal' });
    const bytes = await allBytes(bag);
    for (const secret of [...secrets.refusing, unpublishedStatement, 'Deaf family, Almaty']) expect(contains(bytes, secret), secret).toBe(false);
    for (const secret of secrets.lawyersOnly) expect(contains(bytes, secret), secret).toBe(true);
    expect(bundle.records.some((record) => (record.data?.person as { pseudonym?: string } | undefined)?.pseudonym)).toBe(false);
    // Her voice names her as surely as her name: her recording stays out, and so does its hash.
    const names = bundle.attachments.map((attachment) => attachment.originalName).sort();
    expect(names).toEqual(['list of detainees.pdf', 'pharmacy receipt.png', 'Банк жабық 📵.jpg']);
    expect(contains(bytes, files['Айгүлдің дауысы.m4a']!)).toBe(false);
    expect(bundle.redactions).toMatchObject({ pseudonymized: 0, attachmentsWithheld: 1, sourcesWithheld: 1, unsignedHeads: 0 });
    // No reference to the withheld testimony is left behind.
    expect(bundle.records.flatMap((record) => (record.data?.sources as string[] | undefined) ?? [])).toHaveLength(3);
    expect(bundle.records.every((record) => record.revisions === undefined && record.signedHead?.id === record.headId)).toBe(true);
  });

  it('public names nobody, leaves out an unpublished testimony, sensitive files and confidential text', async () => {
    const { archive, files } = await sampleArchive(null);
    const { bag, bundle } = await exported(archive, { profile: 'public' });
    const bytes = await allBytes(bag);
    for (const secret of [...secrets.refusing, ...secrets.lawyersOnly, unpublishedStatement, confidentialSummary]) {
      expect(contains(bytes, secret), secret).toBe(false);
    }
    // The "photo" too: its bytes are no photo a cleaner can read, so no cleaned copy of it can be made.
    for (const name of ['Айгүлдің дауысы.m4a', 'list of detainees.pdf', 'pharmacy receipt.png', 'Банк жабық 📵.jpg']) {
      expect(contains(bytes, files[name]!), name).toBe(false);
    }
    expect(bundle.attachments).toEqual([]);
    expect(bundle.records.filter((record) => record.type === 'source')).toHaveLength(1);
    // No reference to the withheld testimony is left behind.
    expect(bundle.records.flatMap((record) => (record.data?.sources as string[] | undefined) ?? [])).toHaveLength(3);
    expect(bundle.redactions).toEqual({ pseudonymized: 1, sourcesWithheld: 1, attachmentsWithheld: 4, attachmentsCleaned: 0, confidentialTextWithheld: 1, custodyWithheld: 3 });
  });

  it('an incident selected alone brings its effects, their sources and their files', async () => {
    const { archive, incidentId } = await sampleArchive(null);
    const other = await archive.save({ type: 'incident', data: sampleIncident({ title: 'another shutdown' }) });
    const { bundle } = await exported(archive, { only: [incidentId] });
    expect(bundle.records.map((record) => record.type).sort()).toEqual(['effect', 'effect', 'effect', 'incident', 'source', 'source']);
    expect(bundle.records.some((record) => record.recordId === other.recordId)).toBe(false);
    expect(bundle.attachments).toHaveLength(4);
  });
});

describe('a failed export', () => {
  it('never writes over a file, and a cancel leaves no file behind', async () => {
    const { archive } = await sampleArchive(null);
    const out = join(folder.path, 'bundle.zip');
    await writeFile(out, 'an earlier bundle');
    await expect(exportBundle(archive, { out, profile: 'internal', language: 'en', softwareVersion: 'test' })).rejects.toMatchObject({
      code: 'fileExists',
    });
    expect(await readFile(out, 'utf8')).toBe('an earlier bundle');

    const cancel = new AbortController();
    const cancelled = join(folder.path, 'cancelled.zip');
    const exporting = exportBundle(archive, {
      out: cancelled,
      profile: 'internal',
      language: 'en',
      softwareVersion: 'test',
      signal: cancel.signal,
      onProgress: (done) => done > 100_000 && cancel.abort(),
    });
    await expect(exporting).rejects.toMatchObject({ code: 'cancelled' });
    expect(existsSync(cancelled)).toBe(false);
    expect((await readdir(folder.path)).filter((name) => name.includes('cancelled'))).toEqual([]);
  });

  it('writes nowhere, and makes no folder, when the folder of the bundle is not there or goes away while it is written', async () => {
    const { archive } = await sampleArchive(null);
    const stick = join(folder.path, 'media', 'stick');
    const options = { out: join(stick, 'case.zip'), profile: 'legal', language: 'en', softwareVersion: 'test' } as const;
    await expect(exportBundle(archive, options)).rejects.toMatchObject({ code: 'exportFolderMissing', params: { path: stick } });
    expect(existsSync(join(folder.path, 'media'))).toBe(false);

    // Mounted, then pulled out half way through: the write fails; the mount point is not made again on this disk.
    await mkdir(stick, { recursive: true });
    const pulled = exportBundle(archive, { ...options, onProgress: (done) => done > 100_000 && rmSync(stick, { recursive: true, force: true }) });
    await expect(pulled).rejects.toMatchObject({ code: 'exportFolderMissing', params: { path: stick } });
    expect(existsSync(stick)).toBe(false);
  });
});

describe('every combination of consent', () => {
  const askedBy = 'Сұраған Ғалия Н.';
  /** Sixteen people, one per combination of the four uses, each with words found nowhere else. */
  const people = Array.from({ length: 16 }, (_, bits) => {
    const answers = Object.fromEntries(sharingUses.map((use, index) => [use, Boolean(bits & (1 << index))])) as Record<SharingUse, boolean>;
    const code = bits.toString(2).padStart(4, '0');
    return {
      answers,
      name: `Адам ${code}`,
      contact: `+7 701 ${code} 00`,
      address: `Көше ${code}`,
      ageGroup: `жасы ${code}`,
      statement: `Statement ${code}: the pharmacy card terminal was dead`,
    };
  });
  const consentOf = (answers: Record<SharingUse, boolean>) => ({ keep: true, ...answers, askedBy, askedIn: 'kk', givenAt, method: 'verbal' as const });

  it("names a person in a bundle only where that profile and that person's answers allow it, in every file of the bag", async () => {
    const archive = await Archive.create(join(folder.path, 'consent'), { name: 'Қорғаушы Сәуле, Атырау', organization: 'Сәуле қоры', passphrase: null });
    const saved: typeof people = [];
    for (const person of people) {
      const saving = archive.save({
        type: 'source',
        data: {
          kind: 'testimony',
          title: `Testimony ${person.statement.slice(10, 14)}`,
          content: person.statement,
          person: { name: person.name, contact: person.contact, address: person.address, ageGroup: person.ageGroup, role: 'witness' },
          consent: consentOf(person.answers),
        } satisfies SourceInput,
      });
      // Lawyers who may know who the person is read the statement too: a "yes" to the name alone is refused.
      if (person.answers.lawyersNamed && !person.answers.lawyersAnonymous) {
        await expect(saving).rejects.toMatchObject({ code: 'invalidRecord', problems: [{ path: 'consent.lawyersNamed', key: 'consentNamedNeedsReading' }] });
      } else saved.push((await saving, person));
    }
    expect(saved).toHaveLength(12);
    const status = archive.status();
    for (const [profile, language] of (['internal', 'legal', 'public'] as const).flatMap((profile) => (['en', 'ru', 'kk'] as const).map((language) => [profile, language] as const))) {
      const { bag, out } = await exported(archive, { profile, language });
      expect((await verifyBundle(out)).valid, `${profile} ${language}`).toBe(true);
      const bytes = await allBytes(bag);
      if (profile === 'public') {
        // Nothing in any file of a public bundle names the archive, the defender's key or who asked.
        for (const identifying of [status.name, status.organization, status.archiveId, archive.key.fingerprint, archive.key.publicLine.split(' ')[1]!, askedBy]) {
          expect(contains(bytes, identifying), `${language}: ${identifying}`).toBe(false);
        }
      }
      for (const { answers, ...person } of saved) {
        // Lawyers learn who a person is only with that answer; the public never does.
        const named = profile === 'internal' || (profile === 'legal' && answers.lawyersNamed);
        for (const field of [person.name, person.contact, person.address, person.ageGroup]) expect(contains(bytes, field), `${profile} ${language}: ${field}`).toBe(named);
        // A statement goes to lawyers only with one of their answers; to the public only with consent to publish.
        const toLawyers = answers.lawyersAnonymous || answers.lawyersNamed;
        const statementShown = profile === 'internal' || (profile === 'legal' ? toLawyers : answers.publishAnonymous);
        expect(contains(bytes, person.statement), `${profile} ${language}: ${person.statement}`).toBe(statementShown);
      }
    }
  });

  it('honours a withdrawal in every later export, and the report says what was withdrawn', async () => {
    const archive = await Archive.create(join(folder.path, 'withdrawn'), { name: 'Қорғаушы', organization: '', passphrase: null });
    const person = people[15]!;
    const data = {
      kind: 'testimony' as const,
      title: 'Teacher, Zhanaozen',
      content: person.statement,
      person: { name: person.name, contact: person.contact, address: person.address, role: 'witness' as const },
      consent: consentOf(person.answers),
    };
    const saved = await archive.save({ type: 'source', data });
    const before = await allBytes((await exported(archive, { profile: 'public', language: 'en' })).bag);
    expect(contains(before, person.statement)).toBe(true);
    const withdrawal = { uses: ['publishAnonymous', 'lawyersNamed'] as SharingUse[], at: { at: '2022-02-01T10:00+06:00', precision: 'minute' as const }, method: 'written' as const };
    const consent = { ...data.consent, publishAnonymous: false, lawyersNamed: false, withdrawals: [withdrawal] };
    await archive.save({ type: 'source', recordId: saved.recordId, parent: saved.revisionId, data: { ...data, consent } });
    expect(contains(await allBytes((await exported(archive, { profile: 'public', language: 'en' })).bag), person.statement)).toBe(false);
    const legal = await exported(archive, { profile: 'legal', language: 'en', signerName: 'Lawyer copy' });
    const bytes = await allBytes(legal.bag);
    expect(contains(bytes, person.statement)).toBe(true);
    expect(contains(bytes, person.name)).toBe(false);
    const report = await readFile(join(legal.bag, 'data/report.html'), 'utf8');
    const withdrawnLine = /<dt>Withdrawn<\/dt><dd><ul class="plain"><li>([^<]*)<\/li>/.exec(report)?.[1];
    expect(withdrawnLine).toMatch(/^1 February 2022, 10:00 .*\(Written\): Lawyers may know who the person is, May be published without the name$/);
    expect((await verifyBundle(legal.out)).valid).toBe(true);
  });

  it('reads answers saved from the three earlier questions at their safest meaning', async () => {
    const archive = await Archive.create(join(folder.path, 'migrated'), { name: 'Қорғаушы', organization: '', passphrase: null });
    const [agreed, refused] = [people[3]!, people[12]!];
    for (const [person, yes] of [[agreed, true], [refused, false]] as const) {
      await archive.save({
        type: 'source',
        data: {
          kind: 'testimony',
          title: `Old answers ${person.contact}`,
          content: person.statement,
          person: { name: person.name, contact: person.contact, address: person.address, role: 'victim' },
          consent: { store: true, shareWithLawyers: yes, publish: yes, givenAt, method: 'verbal' },
        },
      });
    }
    const bytes = await allBytes((await exported(archive, { profile: 'legal', language: 'ru', signerName: 'Юрист' })).bag);
    // An old "yes" to lawyers lets them read the statement, never learn the name; an old "no" keeps it from them.
    expect([contains(bytes, agreed.statement), contains(bytes, agreed.name)]).toEqual([true, false]);
    expect([contains(bytes, refused.statement), contains(bytes, refused.name)]).toEqual([false, false]);
  });
});
