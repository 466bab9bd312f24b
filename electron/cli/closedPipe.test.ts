/**
 * `dalel list DIR | head -1` through a real pipe, with the built command:
 * once head has its line and goes away, the command ends quietly (no stack
 * trace, no EPIPE, exit 0) and leaves the archive closed for the next one.
 * The listing is several times the pipe's buffer, so the reader does go away
 * while the command is still writing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../engine/archive';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';
import { dalelInProcess as dalel } from './testing/inProcess';

let folder: { path: string; remove: () => Promise<void> };
let dir: string;
const records = 600;
beforeAll(async () => {
  folder = await temporaryFolder();
  dir = join(folder.path, 'archive');
  const archive = await Archive.create(dir, { name: 'Almaty', organization: '', passphrase: null, scryptCost: 2 ** 12 });
  // Titles of 300 characters: each line of the listing is about 380 bytes, 600 of them over 200 KB.
  for (let index = 0; index < records; index += 1) {
    await archive.save({ type: 'incident', data: sampleIncident({ title: `${index} ${'Жаңаөзен, мобильный интернет отключён. '.repeat(8)}`.slice(0, 300) }) });
  }
  await archive.close();
}, 120_000);
afterAll(() => folder.remove());

describe('dalel list DIR | head -1', () => {
  it('prints the first line and ends quietly when head goes away', async () => {
    expect(existsSync(join(import.meta.dirname, '../../out/main/dalel.js')), 'build first: npm run build').toBe(true);
    const status = join(folder.path, 'status');
    const bin = join(import.meta.dirname, 'bin.js');
    const run = spawnSync('sh', ['-c', '{ "$NODE" "$BIN" list "$DIR"; echo $? > "$STATUS"; } | head -1'], {
      encoding: 'utf8',
      env: { ...process.env, LANG: 'en_US.UTF-8', NODE: process.execPath, BIN: bin, DIR: dir, STATUS: status },
    });
    expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.stdout).toMatch(/^[0-9a-f-]{36} {2}incident/);
    expect(run.stderr).not.toMatch(/EPIPE|Error|^\s+at /m);
    expect((await readFile(status, 'utf8')).trim()).toBe('0');
    // The archive was closed as usual: the next command opens it at once.
    const next = await dalel(['list', dir, '--json']);
    expect(next.code).toBe(0);
    expect(JSON.parse(next.out)).toHaveLength(records);
  });
});
