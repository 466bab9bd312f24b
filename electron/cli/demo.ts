/**
 * `npm run demo`: builds the sample archive (Kazakhstan, January 2022) with
 * the `dalel` command itself, exactly as a user would, and prints what it
 * made. Takes an optional target folder; by default a new temporary one.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sampleDir = join(root, 'resources', 'sample', 'kz-january-2022');
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

try {
  dalel('init', target, '--name', 'Sample (illustrative): Kazakhstan, January 2022', '--no-encryption');
  for (const file of readdirSync(sampleDir).filter((name) => name.endsWith('.json')).sort()) {
    dalel('add', target, '--type', 'incident', '--json', join(sampleDir, file));
  }
  dalel('list', target);
  process.stdout.write(`\nThe sample archive is at ${target}\n`);
} catch {
  process.stderr.write('The demo stopped: the command above failed.\n');
  process.exitCode = 1;
}
