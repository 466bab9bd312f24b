/**
 * `npm run demo`: builds the sample archive (Kazakhstan, January 2022) that
 * the README's screenshots show — its incidents, effects on people linked to
 * them, a testimony with the person's consent, and evidence files — with the
 * `dalel` command itself, exactly as a user would, and prints each command
 * so that it can be pasted into a POSIX shell. Takes an optional target
 * folder; by default a new temporary one. The JSON and evidence files the
 * commands read are kept beside it, in TARGET-inputs, so that each printed
 * command can be run again. The records come from shared/sample, sources
 * first, so that each incident's JSON names them by their ids. It never
 * writes into the archive other than through the command.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleArchiveName, sampleIncidentIds, sampleSteps, withRecordIds } from '../../shared/sample/kzJanuary2022';
import { sampleEffects, sampleEvidenceFiles, sampleTestimony } from '../../shared/sample/kzJanuary2022Evidence';

// Built as out/main/demo.js: the checkout is two folders up, as it is from electron/cli/.
const bin = join(fileURLToPath(new URL('../../', import.meta.url)), 'electron', 'cli', 'bin.js');
const target = resolve(process.argv[2] ?? join(tmpdir(), `dalel-sample-${Date.now().toString(36)}`));
const inputs = `${target}-inputs`;
/** Test-only (demo.test.ts): a file to which each command's argv is appended as one JSON line. */
const argvLog = process.env.DALEL_DEMO_ARGV_LOG;

/**
 * An argument as a POSIX shell reads it back: bare when it holds only
 * characters no shell treats specially, else in single quotes, a single
 * quote inside written as '\''.
 */
function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** Runs the real command, printed first as it would be typed, and prints what it printed. */
function dalel(...args: string[]): string {
  process.stdout.write(`$ dalel ${args.map(shellQuote).join(' ')}\n`);
  if (argvLog) appendFileSync(argvLog, `${JSON.stringify(args)}\n`);
  const output = execFileSync(process.execPath, [bin, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(output);
  return output;
}

/** The record id `dalel add` printed. */
function addedId(output: string): string {
  const recordId = output.trim();
  if (!/^[0-9a-f-]{36}$/.test(recordId)) throw new Error(`not a record id: ${recordId}`);
  return recordId;
}

/** Writes an input file as a person would keep one: readable by them alone, in a folder of their own. */
function inputFile(name: string, content: string): string {
  const file = join(inputs, name);
  writeFileSync(file, content, { mode: 0o600 });
  return file;
}

const jsonInput = (name: string, value: unknown) => inputFile(name, `${JSON.stringify(value, null, 2)}\n`);

function buildSample(): void {
  dalel('init', target, '--name', sampleArchiveName, '--no-encryption');
  mkdirSync(join(inputs, 'files'), { recursive: true, mode: 0o700 });

  // The sources first, then the incidents that cite them: each JSON file names the records saved before it by their ids.
  const ids = new Map<string, string>();
  const counts = { source: 0, incident: 0 };
  for (const { type, placeholder, data } of sampleSteps) {
    const name = `${type}-${(counts[type] += 1)}.json`;
    ids.set(placeholder, addedId(dalel('add', target, '--type', type, '--json', jsonInput(name, withRecordIds(data, ids)))));
  }
  const incidents = sampleIncidentIds.map((placeholder) => ids.get(placeholder)!);
  // An effect's parent is its incident; the JSON leaves `incident` out, as a person writing it by hand would.
  sampleEffects.forEach(({ incident, effect }, index) => {
    dalel('add', target, '--type', 'effect', '--parent', incidents[incident]!, '--json', jsonInput(`effect-${index + 1}.json`, withRecordIds(effect, ids)));
  });
  // A source's parent is the record it supports: the command adds it to that record's sources.
  const testimony = addedId(
    dalel('add', target, '--type', 'source', '--parent', incidents[sampleTestimony.incident]!, '--json', jsonInput('testimony.json', sampleTestimony.source)),
  );

  // One `attach` per record, with all of its files.
  const filesByRecord = new Map<string, string[]>();
  for (const { attachedTo, name, text } of sampleEvidenceFiles) {
    const recordId = attachedTo === 'testimony' ? testimony : incidents[attachedTo]!;
    filesByRecord.set(recordId, [...(filesByRecord.get(recordId) ?? []), inputFile(join('files', name), text)]);
  }
  for (const [recordId, files] of filesByRecord) dalel('attach', target, recordId, ...files);

  dalel('list', target);
}

try {
  process.stdout.write('Building the illustrative sample archive with the `dalel` command (from this checkout: `npx dalel`).\n\n');
  buildSample();
  process.stdout.write(
    [
      '',
      `The sample archive is at ${target}`,
      `The files the commands above read (records as JSON, evidence files) are kept in ${inputs}`,
      'Next, export a signed legal bundle of it for a lawyer:',
      `  dalel export ${shellQuote(target)} --profile legal --out ${shellQuote(`${target}-legal.zip`)}`,
      '',
    ].join('\n'),
  );
} catch (error) {
  // A command's own message is already on stderr; anything else is said here.
  const failedCommand = typeof (error as { status?: unknown }).status === 'number';
  process.stderr.write(failedCommand ? 'The demo stopped: the command above failed.\n' : `The demo stopped: ${String(error)}\n`);
  process.exitCode = 1;
}
