/**
 * The attack of issue 15, made as an adversary holding only a bundle would
 * make it, with the best dictionary there is: the true withheld values.
 * Against a format 1 bundle it confirms a refusing witness's name, phone and
 * address. Against format 2 nothing in a `legal` or `public` bundle confirms
 * any withheld value, while every signed head in it checks against its
 * author's key, and format 1 bundles still verify.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { disclosableValues, type Bundle, type BundleRecord, type SignedRevision } from '../../../shared/model';
import { Archive } from '../archive';
import { canonicalJson, contentId, sha256Hex } from '../canonical';
import { sampleIncident, temporaryFolder } from '../testing/fixtures';
import { exportBundle } from './export';
import { makeBag, archiveZip } from './testing/makeBundle';
import { verifyBundle } from './verify';

const format1 = join(__dirname, 'testing/format1');
/** What testing/format1 holds: the refusing witness's true fields, and decoys a dictionary would hold beside them. */
const refusing = { name: 'Айгүл Серікқызы', contact: '+7 701 111 22 33', address: 'Абай даңғылы 150' };
const dictionary = [
  ...['Айгүл Серікқызы', 'Айгүл Серікова', 'Гүлнар Серікқызы', 'Aigul Serikkyzy', 'Динара Ахметова'].flatMap((name) =>
    ['+7 701 111 22 33', '+7 701 111 22 34', '+7 777 000 00 00'].flatMap((contact) =>
      ['Абай даңғылы 150', 'Абай даңғылы 15', 'Сәтпаев көшесі 7'].map((address) => ({ name, contact, address })),
    ),
  ),
];

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

/** A testimony's data: its person, a victim aged 30–39 unless told, and their answers to lawyers (both questions, or reading without the name only) and publication. */
function testimony(
  title: string,
  content: string,
  person: { name: string; contact?: string; address?: string; role?: 'victim' | 'witness' },
  lawyers: boolean | 'withoutName',
  publish: boolean,
) {
  return {
    kind: 'testimony',
    title,
    content,
    person: { contact: '', address: '', role: 'victim', ...(person.role ? {} : { ageGroup: '30-39' }), ...person },
    consent: { keep: true, lawyersAnonymous: lawyers !== false, lawyersNamed: lawyers === true, unNamed: false, publishAnonymous: publish, askedBy: 'A. N.', askedIn: 'kk', givenAt: { at: '2022-01-12T11:00+06:00', precision: 'hour' }, method: 'verbal' },
  };
}

let unpacked = 0;
/** bundle.json, signer.pub's key and every byte of every file of a bundle. */
async function openBag(zip: string) {
  const dir = join(folder.path, `bag-${(unpacked += 1)}`);
  execFileSync('unzip', ['-q', zip, '-d', dir]);
  const [top] = await readdir(dir);
  const bag = join(dir, top!);
  const entries = await readdir(bag, { recursive: true, withFileTypes: true });
  const bytes = Buffer.concat(await Promise.all(entries.filter((entry) => entry.isFile()).map((entry) => readFile(join(entry.parentPath, entry.name)))));
  const bundle = JSON.parse(await readFile(join(bag, 'data/bundle.json'), 'utf8')) as Bundle;
  const author = (await readFile(join(bag, 'signer.pub'), 'utf8')).split(' ').slice(0, 2).join(' ');
  return { bundle, bytes, author, text: bytes.toString('latin1') };
}

/**
 * The attack as the issue made it: rebuild each pseudonymized person's
 * revision from the bundle's own fields and a guess, and look for its id
 * among the hashes the bundle carries. Returns the guesses it confirmed.
 */
function rebuildAttack(bag: Awaited<ReturnType<typeof openBag>>) {
  const hashes = new Set(bag.text.match(/[0-9a-f]{64}/g));
  const confirmed: (typeof dictionary)[number][] = [];
  const pseudonymized = bag.bundle.records.filter((record) => (record.data?.person as { pseudonym?: string } | undefined)?.pseudonym);
  for (const record of pseudonymized) {
    const { pseudonym: _pseudonym, ...rest } = record.data!.person as Record<string, unknown>;
    for (const guess of dictionary) {
      const data = { ...record.data, person: { ...guess, ...rest } };
      const revision = { format: 1, recordId: record.recordId, type: record.type, parents: [], author: bag.author, createdAt: record.createdAt, data };
      if (hashes.has(contentId(revision))) confirmed.push(guess);
    }
  }
  return confirmed;
}

describe('a format 1 bundle (the attack works)', () => {
  it('confirms the name, phone and address of a witness who refused lawyers, from a legal bundle and a dictionary', async () => {
    const bag = await openBag(join(format1, 'legal.zip'));
    expect(bag.bundle.format).toBe(1);
    expect(rebuildAttack(bag)).toEqual([refusing]);
  });

  it('still verifies, every profile, with every check but the signed heads of format 2', async () => {
    for (const profile of ['internal', 'legal', 'public']) {
      const report = await verifyBundle(join(format1, `${profile}.zip`));
      expect(report.valid, `${profile}: ${JSON.stringify(report.failure)}`).toBe(true);
      expect(report.profile).toBe(profile);
      expect(report.checks.map((check) => check.id)).not.toContain('signedHeads');
    }
  });
});

/**
 * An archive as one looks after the change: the format 1 records of
 * testing/format1 (imported), one of them edited since (a format 2 head
 * over a format 1 parent), and new format 2 records whose witnesses refused
 * lawyers, agreed to lawyers but not to publication, or let lawyers read
 * the statement without their name.
 */
async function mixedArchive() {
  const archive = await Archive.create(join(folder.path, `archive-${(unpacked += 1)}`), { name: 'Алматы қорғаушылары', organization: 'Дәлел', passphrase: null });
  const imported = await archive.importBundle(join(format1, 'internal.zip'), { allowUntrusted: true });
  expect(imported.imported).toMatchObject({ kind: 'merged', revisionsAdded: 4 });
  const noLawyers = await archive.save({
    type: 'source',
    data: testimony(
      'Mother of a dialysis patient, Zhanaozen',
      'The clinic could not reach the dialysis centre for two days.',
      { name: 'Мәдина Оспанова', contact: '+7 705 222 33 44', address: 'Жаңаөзен, 3 ш/а, 12 үй' },
      false,
      false,
    ),
  });
  const lawyersOnly = await archive.save({
    type: 'source',
    data: testimony('Taxi driver, Aktau', 'No card payments and no navigation for a week.', { name: 'Ерлан Жұмабаев', contact: 'erlan@example.kz', address: 'Ақтау, 14 ш/а' }, true, false),
  });
  const withoutName = await archive.save({
    type: 'source',
    data: testimony('Nurse, Zhanaozen', 'The ambulance line was silent all night.', { name: 'Гүлнар Сейітова', contact: '+7 707 444 55 66', address: 'Жаңаөзен, 5 ш/а' }, 'withoutName', false),
  });
  const bundle = await archive.listRecords('incident');
  const incident = archive.getRecord(bundle[0]!.recordId);
  const edited = await archive.save({
    type: 'incident',
    recordId: incident.summary.recordId,
    parent: incident.summary.headId,
    data: { ...incident.summary.data, summary: 'Corrected: mobile data cut from 16:00.', sources: [noLawyers.recordId, lawyersOnly.recordId, withoutName.recordId] },
  });
  await archive.save({
    type: 'effect',
    data: { incident: edited.recordId, category: 'medical_care', severity: 'high', description: 'Dialysis appointments missed.', sources: [noLawyers.recordId, lawyersOnly.recordId] },
  });
  return { archive, withheld: [noLawyers.recordId, lawyersOnly.recordId, withoutName.recordId] };
}

/** Every revision in the archive, as the attacker is given them: everything but each revision's secret disclosure key. */
function allRevisions(archive: Archive): SignedRevision[] {
  return (['incident', 'effect', 'source'] as const).flatMap((type) => archive.listRecords(type).flatMap((summary) => archive.getRecord(summary.recordId).history));
}

/** The values of a revision that a bundle does not disclose: all of them, but for a signed head's disclosures. */
function withheldValues(record: BundleRecord | undefined, signed: SignedRevision): [string, unknown][] {
  const disclosed = record?.signedHead?.id === signed.id ? record.signedHead.disclosures : [];
  const shown = new Set(disclosed.map((disclosure) => disclosure.path));
  return [...disclosableValues(signed.revision)].filter(([path]) => !shown.has(path));
}

/**
 * Every test the attacker can make with the truth in hand: recompute an id
 * or a hash from true values and find it in the bundle. A hash that is the
 * commitment of a value the bundle discloses teaches nothing and is not
 * counted. Returns what it confirmed; the caller expects nothing.
 */
function attack(bag: Awaited<ReturnType<typeof openBag>>, truth: SignedRevision[], people: string[]) {
  const confirmed: string[] = [];
  const explained = new Set(
    bag.bundle.records.flatMap((record) => record.signedHead?.disclosures.map((disclosure) => record.signedHead!.revision.commitments[disclosure.path]!) ?? []),
  );
  const hashes = new Set(bag.text.match(/[0-9a-f]{64}/g)?.filter((hash) => !explained.has(hash)));
  const salts = new Set(bag.text.match(/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{22}(?![A-Za-z0-9_-])/g));
  const byRecord = new Map(bag.bundle.records.map((record) => [record.recordId, record]));
  for (const signed of truth) {
    const { disclosureKey: _key, ...known } = signed.revision;
    // A format 1 id is the sha256 of the whole revision, withheld values included.
    if (hashes.has(contentId({ ...known, format: 1 }))) confirmed.push(`format 1 id of ${signed.id}`);
    if (signed.revision.format === 1 && bag.text.includes(signed.id)) confirmed.push(`format 1 id ${signed.id}`);
    for (const [path, value] of withheldValues(byRecord.get(signed.revision.recordId), signed)) {
      const plain = value === undefined ? [] : [sha256Hex(canonicalJson(value)), ...(typeof value === 'string' ? [sha256Hex(value)] : [])];
      for (const hash of plain) if (hashes.has(hash)) confirmed.push(`plain hash of ${path}`);
      // Every salt-like string in the bundle, tried with the true value at this path.
      for (const salt of salts) {
        if (hashes.has(sha256Hex(canonicalJson(value === undefined ? [salt, path] : [salt, path, value])))) confirmed.push(`commitment of ${path}`);
      }
    }
  }
  for (const id of people) if (bag.text.includes(id)) confirmed.push(`withheld record ${id}`);
  return confirmed;
}

describe('a format 2 bundle (the attack fails)', () => {
  it('legal: confirms no withheld value, while every signed head checks against its author and a format 1 id never leaves', async () => {
    const { archive, withheld } = await mixedArchive();
    const out = join(folder.path, 'legal.zip');
    await exportBundle(archive, { out, profile: 'legal', language: 'ru', softwareVersion: 'test' });
    const bag = await openBag(out);
    expect(bag.bundle.format).toBe(2);
    expect(rebuildAttack(bag)).toEqual([]);
    expect(attack(bag, allRevisions(archive), [withheld[0]!])).toEqual([]);

    const report = await verifyBundle(out);
    expect(report.valid, JSON.stringify(report.failure)).toBe(true);
    expect(report.checks).toContainEqual({ id: 'signedHeads', ok: true });
    // The edited incident, the new effect and the lawyers-only testimony carry their author's signed head;
    // the format 1 records (Айгүл's testimony withheld whole) are carried by the bundle's signature only.
    const signed = bag.bundle.records.filter((record) => record.signedHead);
    expect(signed.map((record) => record.type).sort()).toEqual(['effect', 'incident', 'source', 'source']);
    // The nurse let lawyers read her statement without her name: a pseudonym and a role beside it, her name's commitment unopened.
    const nurse = bag.bundle.records.find((record) => record.recordId === withheld[2])!;
    expect(nurse.data).toMatchObject({ content: 'The ambulance line was silent all night.', person: { pseudonym: expect.stringMatching(/^P-[0-9A-F]{8}$/), role: 'victim' } });
    expect(Object.keys(nurse.data!.person as object).sort()).toEqual(['pseudonym', 'role']);
    for (const secret of ['Гүлнар', '+7 707 444 55 66', 'Жаңаөзен, 5 ш/а']) expect(bag.text.includes(secret), secret).toBe(false);
    expect(bag.bundle.redactions).toMatchObject({ sourcesWithheld: 2, unsignedHeads: 2 });
    const incident = signed.find((record) => record.type === 'incident')!;
    // Its parent is a format 1 revision: the list of parents stays withheld.
    expect(incident.signedHead!.disclosures.map((disclosure) => disclosure.path)).not.toContain('/parents');
    expect(incident.data?.sources).toEqual([withheld[1], withheld[2]]);
    expect(bag.bundle.custody.every((line) => line.prev === undefined && line.hash === undefined)).toBe(true);
    expect(bag.bundle.redactions.custodyWithheld).toBeGreaterThan(0);
  });

  it('public: confirms no withheld value, and carries no revision id, no archive id, no archive name and no key of the archive', async () => {
    const { archive, withheld } = await mixedArchive();
    const out = join(folder.path, 'public.zip');
    await exportBundle(archive, { out, profile: 'public', language: 'kk', softwareVersion: 'test' });
    const bag = await openBag(out);
    expect(rebuildAttack(bag)).toEqual([]);
    expect(attack(bag, allRevisions(archive), withheld)).toEqual([]);
    for (const signed of allRevisions(archive)) expect(bag.text.includes(signed.id), signed.id).toBe(false);
    const status = archive.status();
    for (const identifying of [status.archiveId, status.name, archive.key.fingerprint, archive.key.publicLine.split(' ')[1]!]) {
      expect(bag.bytes.includes(Buffer.from(identifying)), identifying).toBe(false);
    }
    expect(await verifyBundle(out)).toMatchObject({ valid: true, profile: 'public' });
  });
});

describe('two bundles of the same records', () => {
  it('share nothing when one is public: no record id, person, time or line number links it to a legal bundle or to another publication', async () => {
    const { archive } = await mixedArchive();
    const bags = [];
    for (const [index, profile] of (['legal', 'public', 'public'] as const).entries()) {
      const out = join(folder.path, `linked-${index}.zip`);
      await exportBundle(archive, { out, profile, language: 'en', softwareVersion: 'test' });
      bags.push(await openBag(out));
    }
    const [legal, first, second] = bags as [Awaited<ReturnType<typeof openBag>>, Awaited<ReturnType<typeof openBag>>, Awaited<ReturnType<typeof openBag>>];
    /** What could link two bundles: ids, pseudonyms, times to the second, and keys. */
    const markers = (bag: typeof legal) =>
      new Set([
        ...(bag.text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? []),
        ...(bag.text.match(/P-[0-9A-F]{8}/g) ?? []),
        ...(bag.text.match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g) ?? []).filter((time) => !time.endsWith('T00:00:00.000Z')),
        ...(bag.text.match(/SHA256:[A-Za-z0-9+/]{43}/g) ?? []),
      ]);
    const shared = (a: typeof legal, b: typeof legal) => [...markers(a)].filter((marker) => markers(b).has(marker));
    expect(markers(first).size).toBeGreaterThan(5);
    expect(shared(first, legal)).toEqual([]);
    expect(shared(first, second)).toEqual([]);
    // The bundle still holds together: every reference names a record or none it carries.
    const ids = new Set(first.bundle.records.map((record) => record.recordId));
    for (const record of first.bundle.records) {
      for (const id of [record.data?.incident, ...((record.data?.sources as string[] | undefined) ?? [])].filter(Boolean)) expect(ids.has(id as string)).toBe(true);
    }
    expect(first.bundle.custody.map((line) => line.seq)).toEqual(first.bundle.custody.map((_line, index) => index));
  });
});

describe('files and provenance that came in by a merge', () => {
  it('leave no hash of a withheld file and no note about other archives in a legal or public bundle', async () => {
    const defender = await Archive.create(join(folder.path, 'defender'), { name: 'Айгерім, Жаңаөзен', organization: '', passphrase: null });
    const witness = await defender.save({ type: 'source', data: testimony('Nurse, Zhanaozen', 'The ambulance dispatcher could not be reached.', { name: 'Гүлмира Б.', role: 'witness' }, true, true) });
    const voice = join(folder.path, 'Гүлмираның дауысы.m4a');
    const secretFile = join(folder.path, 'detainees.pdf');
    await writeFile(voice, Buffer.concat([Buffer.from('....ftypM4A '), randomBytes(2000)]));
    await writeFile(secretFile, Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2000)]));
    const [recording] = await defender.attach(witness.recordId, [{ path: voice, sensitive: false }]);
    const [sensitive] = await defender.attach(witness.recordId, [{ path: secretFile, sensitive: true }]);
    const organization = await Archive.create(join(folder.path, 'organization'), { name: 'Дәлел ұйымы', organization: 'Дәлел', passphrase: null });
    await organization.mergeFrom(defender);

    for (const profile of ['legal', 'public'] as const) {
      const out = join(folder.path, `merged-${profile}.zip`);
      await exportBundle(organization, { out, profile, language: 'en', softwareVersion: 'test' });
      const bag = await openBag(out);
      const withheld = profile === 'public' ? [recording!.sha256, sensitive!.sha256] : [];
      for (const hash of withheld) expect(bag.text.includes(hash), `${profile}: ${hash}`).toBe(false);
      expect(bag.bundle.custody.some((line) => line.action === 'archive_merged')).toBe(true);
      // A merge's note names the other archive and its owner: not outside the archive.
      expect(bag.bundle.custody.every((line) => line.note === undefined)).toBe(true);
      expect(bag.text.includes('Айгерім, Жаңаөзен'), profile).toBe(false);
    }
  });
});

describe('people lawyers may read without their names', () => {
  it('show the same disclosed paths whatever withheld fields they have', async () => {
    const archive = await Archive.create(join(folder.path, `pseudonyms-${(unpacked += 1)}`), { name: 'A', organization: '', passphrase: null });
    const plain = await archive.save({ type: 'source', data: testimony('Driver', 'No fuel payments.', { name: 'Бақыт', role: 'witness' }, 'withoutName', false) });
    const deaf = testimony('Neighbour', 'No relay to call for help.', { name: 'Дәмет', role: 'witness' }, 'withoutName', false);
    const full = await archive.save({ type: 'source', data: { ...deaf, person: { ...deaf.person, disability: 'deaf', ageGroup: '60+', gender: 'female' } } });
    const out = join(folder.path, `pseudonyms-${unpacked}.zip`);
    await exportBundle(archive, { out, profile: 'legal', language: 'en', softwareVersion: 'test' });
    const bag = await openBag(out);
    const pathsOf = (recordId: string) => bag.bundle.records.find((record) => record.recordId === recordId)!.signedHead!.disclosures.map((disclosure) => disclosure.path).sort();
    expect(pathsOf(full.recordId)).toEqual(pathsOf(plain.recordId));
    expect(pathsOf(full.recordId).filter((path) => path.startsWith('/data/person'))).toEqual(['/data/person/role']);
    expect((await verifyBundle(out)).valid).toBe(true);
  });
});

describe('a file carried for one record and withheld for another', () => {
  it('leaves no custody line tying it to the record it is withheld from, and no confidential description', async () => {
    const archive = await Archive.create(join(folder.path, `shared-file-${(unpacked += 1)}`), { name: 'A', organization: '', passphrase: null });
    const witness = await archive.save({ type: 'source', data: testimony('Teacher, Aktau', 'The school could not reach parents.', { name: 'Әсел Қ.', role: 'witness' }, true, true) });
    const incident = await archive.save({ type: 'incident', data: { ...sampleIncident({ confidential: true }), sources: [witness.recordId] } });
    const letter = join(folder.path, 'letter.pdf');
    await writeFile(letter, Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(500)]));
    // The same file on her testimony (withheld: a public bundle names her by a pseudonym) and on the incident.
    const [onWitness] = await archive.attach(witness.recordId, [{ path: letter }]);
    await archive.attach(incident.recordId, [{ path: letter, description: 'From the engineer Bolat at the exchange' }]);
    const out = join(folder.path, `shared-file-${unpacked}.zip`);
    await exportBundle(archive, { out, profile: 'public', language: 'en', softwareVersion: 'test' });
    const bag = await openBag(out);
    expect(bag.bundle.attachments).toHaveLength(1);
    const witnessId = bag.bundle.records.find((record) => record.type === 'source')!.recordId;
    const lines = bag.bundle.custody.filter((line) => line.recordId === witnessId && line.hashes?.includes(onWitness!.sha256));
    expect(lines).toEqual([]);
    expect(bag.text.includes('Bolat')).toBe(false);
  });
});

describe('a forged signed head', () => {
  /** A legal bundle's content, changed by `change`, bagged again and signed by the exporter's own key. */
  async function forged(change: (bundle: Bundle) => void) {
    const { archive } = await mixedArchive();
    const out = join(folder.path, `legal-${unpacked}.zip`);
    await exportBundle(archive, { out, profile: 'legal', language: 'en', softwareVersion: 'test' });
    const content = (await openBag(out)).bundle;
    change(content);
    const bag = await makeBag({
      key: archive.key,
      bundle: (made) => Object.assign(made, content, { bundleId: made.bundleId, archiveId: made.archiveId, attachments: [] }),
      bagInfo: (fields) => fields.map(([label, value]) => [label, label === 'Dalel-Format' ? '2' : value]),
    });
    const zip = join(folder.path, `forged-${unpacked}.zip`);
    await archiveZip(bag, zip);
    return verifyBundle(zip);
  }
  const signedRecord = (bundle: Bundle, type: string) => bundle.records.find((record) => record.signedHead && record.type === type)!;

  it('is refused when the exporter changed a field the author signed, even with the disclosure changed to match', async () => {
    const report = await forged((bundle) => {
      const effect = signedRecord(bundle, 'effect');
      effect.data!.description = 'Nothing happened.';
      effect.signedHead!.disclosures.find((disclosure) => disclosure.path === '/data/description')!.value = 'Nothing happened.';
    });
    expect(report.failure).toMatchObject({ reason: 'signedHeadInvalid', detail: { problem: 'disclosureMismatch' } });
  });

  it('is refused when a field is shown that no disclosure carries, or the head is another record\'s', async () => {
    const added = await forged((bundle) => void (signedRecord(bundle, 'effect').data!.economicLoss = { amount: 1e9, currency: 'KZT' }));
    expect(added.failure).toMatchObject({ reason: 'signedHeadInvalid', detail: { problem: 'dataNotDisclosed' } });
    const moved = await forged((bundle) => {
      const [incident, effect] = [signedRecord(bundle, 'incident'), signedRecord(bundle, 'effect')];
      effect.signedHead = incident.signedHead;
      effect.headId = incident.headId;
    });
    expect(moved.failure).toMatchObject({ reason: 'signedHeadInvalid', detail: { problem: 'otherRecord' } });
  });

  it('is refused when it gives an incident a pseudonym, or hides a field behind "__proto__" that other readers would see', async () => {
    // The count of people named by a pseudonym made to agree, so that the signed head is what refuses it.
    const named = await forged((bundle) => {
      signedRecord(bundle, 'incident').data!.person = { pseudonym: 'P-0C31D782' };
      bundle.redactions.pseudonymized += 1;
    });
    expect(named.failure).toMatchObject({ reason: 'signedHeadInvalid', detail: { problem: 'dataNotDisclosed' } });
    const hidden = await forged((bundle) => {
      const data = signedRecord(bundle, 'effect').data!;
      Object.defineProperty(data, '__proto__', { value: { description: 'Nothing happened.' }, enumerable: true });
    });
    expect(hidden.failure).toMatchObject({ reason: 'bundleJsonInvalid', detail: { problem: 'forbiddenKey' } });
  });

  it('passes when nothing was changed: the forger\'s tooling is not what fails', async () => {
    expect(await forged(() => undefined)).toMatchObject({ valid: true });
  });
});
