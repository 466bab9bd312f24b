/**
 * `npm run demo` as a person runs it: the built demo makes, with the real
 * command, the sample archive the README's screenshots show (sources,
 * incidents citing them, effects on people linked to them, a testimony with
 * consent, evidence files), every record marked illustrative, and every
 * command it prints, pasted into a POSIX shell, is the
 * command it ran and runs again. Builds the app first when the built demo
 * is missing or older than its sources.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordDetail, RecordSummary } from '../../shared/ipc';
import { sampleArchiveName, sampleIncidents, sampleSources } from '../../shared/sample/kzJanuary2022';
import { sampleEffects, sampleEvidenceFiles, sampleTestimony } from '../../shared/sample/kzJanuary2022Evidence';
import { temporaryFolder } from '../engine/testing/fixtures';

const checkout = join(import.meta.dirname, '..', '..');
const bin = join(checkout, 'electron', 'cli', 'bin.js');
const demo = join(checkout, 'out', 'main', 'demo.js');
// English messages whatever the machine's locale, so that outputs compare.
const env = { ...process.env, LC_ALL: 'en_US.UTF-8' };

/** Builds when out/main/demo.js is missing or older than what it is built from (other engineers may build too: fine). */
function buildIfStale(): void {
  const sampleData = join(checkout, 'resources', 'sample', 'kz-january-2022');
  const sources = [
    join(import.meta.dirname, 'demo.ts'),
    ...readdirSync(join(checkout, 'shared', 'sample')).map((name) => join(checkout, 'shared', 'sample', name)),
    ...readdirSync(sampleData).map((name) => join(sampleData, name)),
  ];
  if (existsSync(demo) && sources.every((source) => statSync(source).mtimeMs <= statSync(demo).mtimeMs)) return;
  execFileSync('npx', ['electron-vite', 'build'], { cwd: checkout, stdio: 'ignore', timeout: 600_000 });
}

function dalelJson<T>(...args: string[]): T {
  return JSON.parse(execFileSync(process.execPath, [bin, ...args, '--json'], { encoding: 'utf8', env, timeout: 120_000 })) as T;
}

/**
 * Runs a printed command line through `sh -c`, with `dalel` replaced by
 * `node SCRIPT` (the real command, or a script that prints its argv).
 */
function viaShell(line: string, script: string) {
  const commandLine = line.replace(/^\s*(\$ )?dalel /, '"$DEMO_NODE" "$DEMO_SCRIPT" ');
  return spawnSync('sh', ['-c', commandLine], {
    encoding: 'utf8',
    env: { ...env, DEMO_NODE: process.execPath, DEMO_SCRIPT: script },
    timeout: 300_000,
  });
}

let folder: { path: string; remove: () => Promise<void> };
let target: string;
let printed: string[];
let ran: string[][];

beforeAll(async () => {
  buildIfStale();
  folder = await temporaryFolder();
  // A folder whose name no shell takes as it is: a space, an apostrophe, Cyrillic.
  const parent = join(folder.path, "Aigerim's demo");
  mkdirSync(parent);
  target = join(parent, 'архив 2022');
  const argvLog = join(folder.path, 'argv.jsonl');
  const result = spawnSync(process.execPath, [demo, target], { encoding: 'utf8', env: { ...env, DALEL_DEMO_ARGV_LOG: argvLog }, timeout: 600_000 });
  expect(result.status, result.stderr).toBe(0);
  printed = result.stdout.split('\n');
  ran = readFileSync(argvLog, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as string[]);
}, 900_000);

afterAll(() => folder?.remove());

const commandLines = () => printed.filter((line) => line.startsWith('$ dalel '));

describe('npm run demo', () => {
  it('builds the sample the screenshots show: incidents, their effects, a testimony with consent and evidence files', () => {
    expect(printed).toContain(`The sample archive is at ${target}`);
    const records = dalelJson<RecordSummary[]>('list', target);
    const incidents = records.filter((record) => record.type === 'incident');
    expect(incidents.map((incident) => incident.data?.title).sort()).toEqual(sampleIncidents.map((incident) => incident.title).sort());
    const incidentId = (index: number) => incidents.find((incident) => incident.data?.title === sampleIncidents[index]!.title)!.recordId;
    const titleOf = (recordId: unknown) => incidents.find((incident) => incident.recordId === recordId)?.data?.title;

    // Each effect belongs to the incident the sample links it to.
    const effects = records.filter((record) => record.type === 'effect');
    expect(effects).toHaveLength(sampleEffects.length);
    for (const { incident, effect } of sampleEffects) {
      const saved = effects.find((record) => record.data?.description === effect.description);
      expect(titleOf(saved?.data?.incident), effect.description).toBe(sampleIncidents[incident]!.title);
    }

    // The sample's sources, each cited by the incidents that name it, and every record marked illustrative.
    const sources = records.filter((record) => record.type === 'source');
    const testimony = sources.find((record) => record.data?.kind === 'testimony');
    expect(sources.filter((record) => record !== testimony).map((record) => record.data?.title).sort()).toEqual(sampleSources.map(({ source }) => source.title).sort());
    for (const record of records) expect(record.data?.illustrative, String(record.data?.title ?? record.data?.description)).toBe(true);
    const cited = new Set(incidents.flatMap((incident) => ((incident.data?.citations ?? []) as { source: string }[]).map((citation) => citation.source)));
    for (const id of cited) expect(sources.map((record) => record.recordId)).toContain(id);
    // The testimony, with the person's answer to each consent question, among its incident's sources.
    expect(testimony!.data).toMatchObject({ kind: 'testimony', title: sampleTestimony.source.title, consent: sampleTestimony.source.consent });
    const supported = incidents.find((incident) => incident.recordId === incidentId(sampleTestimony.incident))!;
    expect(supported.data?.sources).toHaveLength(sampleIncidents[sampleTestimony.incident]!.sources!.length + 1);
    expect(supported.data?.sources).toContain(testimony!.recordId);

    // Evidence files, byte for byte: the sha256 of the sample's text, under the name a person gave the file.
    for (const file of sampleEvidenceFiles) {
      const recordId = file.attachedTo === 'testimony' ? testimony!.recordId : incidentId(file.attachedTo);
      const { attachments } = dalelJson<RecordDetail>('show', target, recordId);
      expect(attachments.map(({ originalName, sha256 }) => ({ originalName, sha256 }))).toContainEqual({
        originalName: file.name,
        sha256: createHash('sha256').update(file.text).digest('hex'),
      });
    }
  }, 300_000);

  it('prints each command so that a POSIX shell passes exactly the arguments the demo ran it with', () => {
    const echo = join(folder.path, 'argv.cjs');
    writeFileSync(echo, 'process.stdout.write(JSON.stringify(process.argv.slice(2)));\n');
    const lines = commandLines();
    expect(lines.length).toBe(ran.length);
    expect(ran.map((args) => args[0])).toEqual(expect.arrayContaining(['init', 'add', 'attach', 'list']));
    // Names with spaces and an apostrophe make the quoting count.
    expect(ran.flat()).toContain(sampleArchiveName);
    expect(ran.flat().some((arg) => arg.includes("'") && arg.includes(' '))).toBe(true);
    lines.forEach((line, index) => {
      const shell = viaShell(line, echo);
      expect(shell.status, `${line}\n${shell.stderr}`).toBe(0);
      expect(JSON.parse(shell.stdout), line).toEqual(ran[index]);
    });
  }, 300_000);

  it('prints a read-only command that, pasted, prints what it printed in the demo', () => {
    const lines = commandLines();
    const list = lines.find((line) => line.startsWith('$ dalel list '))!;
    const start = printed.indexOf(list) + 1;
    const end = printed.indexOf('', start);
    const shell = viaShell(list, bin);
    expect(shell.status, shell.stderr).toBe(0);
    expect(shell.stdout.trimEnd().split('\n')).toEqual(printed.slice(start, end));
  }, 300_000);

  it('keeps the input files, so that each printed command and the suggested next step run again', () => {
    const lines = commandLines();
    const [init, ...rest] = lines;
    expect(init).toMatch(/^\$ dalel init /);
    // `init` makes a new archive: rerun it where the demo's archive was, then put that archive back.
    const kept = `${target}.kept`;
    renameSync(target, kept);
    const again = viaShell(init!, bin);
    expect(again.status, again.stderr).toBe(0);
    expect(dalelJson<RecordSummary[]>('list', target)).toEqual([]);
    rmSync(target, { recursive: true });
    renameSync(kept, target);

    for (const line of rest) {
      const shell = viaShell(line, bin);
      expect(shell.status, `${line}\n${shell.stderr}`).toBe(0);
    }
    const records = dalelJson<RecordSummary[]>('list', target);
    expect(records.filter((record) => record.type === 'incident')).toHaveLength(2 * sampleIncidents.length);
    expect(records.filter((record) => record.type === 'effect')).toHaveLength(2 * sampleEffects.length);
    expect(records.filter((record) => record.type === 'source')).toHaveLength(2 * (sampleSources.length + 1));

    // The next step it suggests: a legal bundle, written and then checked by the command.
    const next = printed.find((line) => /^\s+dalel export /.test(line))!;
    const exported = viaShell(next, bin);
    expect(exported.status, exported.stderr).toBe(0);
    const bundle = `${target}-legal.zip`;
    expect(existsSync(bundle)).toBe(true);
    const verified = spawnSync(process.execPath, [bin, 'verify', bundle], { encoding: 'utf8', env, timeout: 300_000 });
    expect(verified.status, verified.stdout + verified.stderr).toBe(0);
  }, 600_000);
});
