/**
 * A submission in a bundle (docs/spec/bundle-format.md, "A submission"): a
 * legal export carries it in bundle.json, still verifies, and its report
 * names the submitter and gives the declaration and the methodology in
 * every language; an internal or public export asked for one is refused
 * and writes nothing, nor does an invalid one; and a bundle someone made
 * with a submission in a public profile is refused by the verifier.
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VerifyReport } from '../../../shared/bagit';
import { Bundle, Submission, type SubmissionInput } from '../../../shared/model';
import { renderReport } from '../../../shared/report';
import { Archive } from '../archive';
import { SigningKey } from '../signingKey';
import { folderContents } from '../testing/folderContents';
import { sampleIncident, sampleTestimony, temporaryFolder } from '../testing/fixtures';
import { exportBundle, type ExportOptions } from './export';
import { archiveZip, makeBag } from './testing/makeBundle';
import { verifyBundle } from './verify';

let folder: { path: string; remove: () => Promise<void> };
let archive: Archive;
let made = 0;

const submission: SubmissionInput = {
  submitter: { kind: 'person', name: 'Айгерим Нурлановна', contact: 'aigerim@example.kz' },
  declaration: {
    by: 'Айгерим Нурлановна',
    date: '2022-02-01',
    text: 'Я собрала эти записи сама.\nНи один файл не изменён после добавления. <b>не разметка</b>',
  },
  methodology: {
    collection: 'Интервью в Алматы, 12–15 января 2022 года.',
    definition: 'Умышленное нарушение работы интернета или мобильной связи для населения или района.',
    limits: 'Только Алматы.',
  },
  remedies: 'Жалоба в прокуратуру 1 февраля 2022 года; ответа нет.',
};

beforeAll(async () => {
  folder = await temporaryFolder();
  archive = await Archive.create(join(folder.path, 'archive'), { name: 'Алматы қорғаушылары', organization: 'Дәлел', passphrase: null, scryptCost: 2 ** 12 });
  const witness = await archive.save({ type: 'source', data: sampleTestimony() });
  await archive.save({ type: 'incident', data: sampleIncident({ sources: [witness.recordId] }) });
}, 60_000);
afterAll(async () => {
  await archive?.close();
  await folder?.remove();
});

/** Exports and unzips; gives the bag's folder and its bundle.json. */
async function exported(options: Partial<ExportOptions>) {
  const out = join(folder.path, `bundle-${(made += 1)}.zip`);
  const result = await exportBundle(archive, { out, profile: 'legal', language: 'kk', softwareVersion: 'test', ...options });
  const dir = join(folder.path, `unzipped-${made}`);
  execFileSync('unzip', ['-q', out, '-d', dir]);
  const bag = join(dir, result.bundleId);
  return { out, bag, bundle: Bundle.parse(JSON.parse(await readFile(join(bag, 'data/bundle.json'), 'utf8'))) };
}

describe('a legal export with a submission', () => {
  it('carries it in bundle.json, verifies, and its report gives the submitter, declaration and methodology in kk, ru and en', async () => {
    const { out, bag, bundle } = await exported({ submission });
    expect(bundle.format).toBe(2);
    expect(bundle.submission).toEqual(Submission.parse(submission));
    // The empty verification part is there as empty: the report says "not stated", never leaves it out.
    expect(bundle.submission?.methodology.verification).toBe('');
    const report = VerifyReport.parse(await verifyBundle(out));
    expect(report.valid, JSON.stringify(report.failure)).toBe(true);
    // A verifier in another language, reading the published schema, takes it too.
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(await readFile(join(import.meta.dirname, '../../../docs/spec/bundle.schema.json'), 'utf8')));
    expect(validate(JSON.parse(await readFile(join(bag, 'data/bundle.json'), 'utf8'))), JSON.stringify(validate.errors)).toBe(true);

    const inBag = await readFile(join(bag, 'data/report.html'), 'utf8');
    expect(inBag).toContain('<dt>Ұсынушы</dt><dd><strong><bdi>Айгерим Нурлановна</bdi></strong> (жеке тұлға)</dd>');
    expect(inBag).toContain('aigerim@example.kz');
    expect(inBag).toContain('Я собрала эти записи сама.\nНи один файл не изменён после добавления. &lt;b&gt;не разметка&lt;/b&gt;');

    const words = {
      en: ['Submitted by', 'Declaration by the person who collected the records', 'Methodology', 'Definition of a shutdown used', 'Domestic remedies', 'Not stated.'],
      ru: ['Податель', 'Заявление лица, собравшего записи', 'Методология', 'Используемое определение отключения интернета', 'Внутренние средства правовой защиты', 'Не указано.'],
      kk: ['Ұсынушы', 'Жазбаларды жинаған адамның мәлімдемесі', 'Әдістеме', 'Қолданылған интернетті өшіру анықтамасы', 'Ішкі құқықтық қорғау құралдары', 'Көрсетілмеген.'],
    };
    for (const [language, labels] of Object.entries(words) as [keyof typeof words, string[]][]) {
      const html = renderReport(bundle, language);
      for (const label of labels) expect(html, `${language}: ${label}`).toContain(label);
      for (const text of ['Айгерим Нурлановна', 'aigerim@example.kz', 'Я собрала эти записи сама.', 'Умышленное нарушение работы интернета', 'Только Алматы.', 'Жалоба в прокуратуру']) {
        expect(html, `${language}: ${text}`).toContain(text);
      }
    }
  });

  it('without one, has no submission and its report says none was given', async () => {
    const { bag, bundle } = await exported({ language: 'en' });
    expect(bundle).not.toHaveProperty('submission');
    expect(await readFile(join(bag, 'data/report.html'), 'utf8')).toContain('No submitter or declaration was given with this bundle');
  });
});

describe('a submission asked for where it cannot go', () => {
  it.each(['internal', 'public'] as const)('is refused in a %s export, with nothing written', async (profile) => {
    const before = await folderContents(folder.path);
    const out = join(folder.path, `${profile}-refused.zip`);
    await expect(exportBundle(archive, { out, profile, language: 'en', softwareVersion: 'test', submission })).rejects.toMatchObject({
      code: 'submissionNotLegal',
      params: { profile },
    });
    expect(await folderContents(folder.path)).toEqual(before);
  });

  it('is refused when it is not valid, naming the fields, with nothing written', async () => {
    const before = await folderContents(folder.path);
    const invalid = { ...submission, submitter: { kind: 'company', name: '' }, declaration: { ...submission.declaration, date: '1 Feb' } } as unknown as SubmissionInput;
    const out = join(folder.path, 'invalid.zip');
    const refused = exportBundle(archive, { out, profile: 'legal', language: 'en', softwareVersion: 'test', submission: invalid });
    await expect(refused).rejects.toMatchObject({ code: 'invalidRequest' });
    const problems = await refused.then(
      () => [],
      (error: { problems: { path: string }[] }) => error.problems.map((problem) => problem.path),
    );
    expect(problems).toEqual(expect.arrayContaining(['submission.submitter.kind', 'submission.submitter.name', 'submission.declaration.date']));
    expect(await folderContents(folder.path)).toEqual(before);
  });
});

/** A public bag signed by a key of its own, as someone making bundles by hand would: this bundle.json, the export's evidence files. */
async function publicBag(content: Record<string, unknown>, evidence: ReadonlyMap<string, Uint8Array>, key: SigningKey, zip: string): Promise<string> {
  const bag = await makeBag({
    key,
    name: content.bundleId as string,
    bundle: (written) => {
      for (const field of Object.keys(written)) delete written[field];
      Object.assign(written, content);
    },
    payload: (files) => {
      for (const path of [...files.keys()]) if (path.startsWith('data/attachments/')) files.delete(path);
      for (const [path, bytes] of evidence) files.set(path, bytes);
    },
    bagInfo: (fields) =>
      fields.flatMap(([label, value]): [string, string][] => {
        if (label === 'Dalel-Archive-Id' || label === 'Source-Organization') return [];
        if (label === 'Dalel-Format') return [[label, '2']];
        if (label === 'Dalel-Profile') return [[label, 'public']];
        return [[label, value]];
      }),
  });
  await archiveZip(bag, join(folder.path, zip));
  return join(folder.path, zip);
}

describe('a bundle made by hand with a submission in a public profile', () => {
  it('is refused by the verifier: submissionNotAllowed, in data/bundle.json', async () => {
    const { bag, bundle } = await exported({ profile: 'public', language: 'en' });
    const key = SigningKey.generate();
    const evidence = new Map<string, Uint8Array>();
    for (const name of await readdir(join(bag, 'data/attachments')).catch(() => [])) evidence.set(`data/attachments/${name}`, await readFile(join(bag, 'data/attachments', name)));
    const signed = { ...bundle, signer: { ...bundle.signer, fingerprint: key.fingerprint } };
    const report = VerifyReport.parse(await verifyBundle(await publicBag({ ...signed, submission: Submission.parse(submission) }, evidence, key, 'forged-public.zip')));
    expect(report.valid).toBe(false);
    expect(report.failure).toMatchObject({ reason: 'bundleJsonInvalid', file: 'data/bundle.json', detail: { path: 'submission', message: 'submissionNotAllowed' } });
    // The same bundle without the submission passes: it is refused for the submission and nothing else.
    expect(VerifyReport.parse(await verifyBundle(await publicBag(signed, evidence, key, 'clean-public.zip'))).valid).toBe(true);
  });
});
