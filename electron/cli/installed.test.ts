/**
 * The `dalel` command as a person installs it from a checkout (README:
 * `npm link`, which is `npm install --global` of the checkout's folder), run
 * from a folder outside the checkout — a lawyer's case folder — with every
 * network connection refused: it works, and it never tries one. npm itself
 * installs with --offline, so the install asks no registry either.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';

const checkout = join(import.meta.dirname, '../..');

/**
 * Loaded before anything else in the command's process: any attempt to open
 * a socket or resolve a name is written on stderr and fails.
 */
const noNetwork = `data:text/javascript,${encodeURIComponent(`import net from 'node:net';
import dns from 'node:dns';
import { writeSync } from 'node:fs';
const refuse = (what) => () => { writeSync(2, 'NETWORK ATTEMPT: ' + what + '\\n'); throw new Error('no network in this test'); };
net.Socket.prototype.connect = refuse('connect');
dns.lookup = refuse('dns.lookup');
dns.promises.lookup = refuse('dns.promises.lookup');
globalThis.fetch = refuse('fetch');`)}`;

let folder: { path: string; remove: () => Promise<void> };
let installed: string;
let caseFolder: string;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(command, args, {
    cwd: caseFolder,
    encoding: 'utf8',
    timeout: 120_000,
    env: { PATH: process.env.PATH, HOME: folder.path, LANG: 'en_US.UTF-8', NODE_OPTIONS: `--import=${noNetwork}`, ...env },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

beforeAll(async () => {
  expect(existsSync(join(checkout, 'out/main/dalel.js')), 'build first: npm run build').toBe(true);
  folder = await temporaryFolder();
  const prefix = join(folder.path, 'prefix');
  const install = spawnSync('npm', ['install', '--global', '--prefix', prefix, '--offline', '--ignore-scripts', '--no-audit', '--no-fund', checkout], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(install.status, install.stderr).toBe(0);
  installed = join(prefix, process.platform === 'win32' ? 'dalel.cmd' : join('bin', 'dalel'));
  caseFolder = join(folder.path, 'case folder');
  mkdirSync(caseFolder);
}, 180_000);
afterAll(() => folder?.remove());

describe('the installed dalel command', () => {
  it('says its version from any folder', () => {
    const { code, out, err } = run(installed, ['--version']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.trim()).toMatch(/^dalel \d+\.\d+\.\d+$/);
  });

  it('keeps an archive, exports and checks a bundle, from a case folder, opening no connection', () => {
    writeFileSync(join(caseFolder, 'incident.json'), JSON.stringify(sampleIncident()));
    const steps: [string[], number][] = [
      [['init', 'archive', '--no-encryption'], 0],
      [['add', 'archive', '--type', 'incident', '--json', 'incident.json'], 0],
      [['list', 'archive'], 0],
      [['export', 'archive', '--profile', 'internal', '--out', 'case.zip'], 0],
      [['verify', 'case.zip'], 0],
    ];
    for (const [args, expected] of steps) {
      const { code, out, err } = run(installed, args);
      expect(err, args.join(' ')).not.toContain('NETWORK ATTEMPT');
      expect(code, `${args.join(' ')}\n${out}\n${err}`).toBe(expected);
    }
    expect(existsSync(join(caseFolder, 'case.zip'))).toBe(true);
  });

  it('the guard works: a process that does try to connect is caught', () => {
    const { err } = run(process.execPath, ['-e', "require('node:net').connect(443, 'example.org').on('error', () => {})"]);
    expect(err).toContain('NETWORK ATTEMPT: connect');
  });
});
