/**
 * `npm run demo`: builds the sample archive (Kazakhstan, January 2022) with
 * the `dalel` command itself, exactly as a user would, and prints what it
 * made. Takes an optional target folder; by default a new temporary one. The
 * records come from shared/sample, the same the app's "Open the sample
 * archive" saves.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleArchiveName, sampleIncidents } from '../../shared/sample/kzJanuary2022';

const root = fileURLToPath(new URL('../../', import.meta.url));
const target = process.argv[2] ?? join(tmpdir(), `dalel-sample-${Date.now().toString(36)}`);

function dalel(...args: string[]): string {
  process.stdout.write(`$ dalel ${args.join(' ')}\n`);
  const output = execFileSync(process.execPath, [join(root, 'electron', 'cli', 'bin.js'), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(output);
  return output;
}

// `dalel add` reads a JSON file, as a user's would be.
const inputs = mkdtempSync(join(tmpdir(), 'dalel-sample-input-'));
try {
  dalel('init', target, '--name', sampleArchiveName, '--no-encryption');
  sampleIncidents.forEach((incident, index) => {
    const file = join(inputs, `incident-${index + 1}.json`);
    writeFileSync(file, JSON.stringify(incident, null, 2));
    dalel('add', target, '--type', 'incident', '--json', file);
  });
  dalel('list', target);
  process.stdout.write(`\nThe sample archive is at ${target}\n`);
} catch {
  process.stderr.write('The demo stopped: the command above failed.\n');
  process.exitCode = 1;
} finally {
  rmSync(inputs, { recursive: true, force: true });
}
