// The app and the command on one archive (electron/engine/archiveLock.ts):
// the command is told who holds it and changes nothing; what the lock
// leaves in the folder names neither the person nor the computer.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Archive } from '../engine/archive';
import { holderFile } from '../engine/archiveLock';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';
import { bin } from './testing/killedRun';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

function dalel(args: string[]): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, LANG: 'ru_RU.UTF-8' } });
    let err = '';
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', (code) => resolve({ code, err }));
  });
}

describe('an archive open in the app', () => {
  it('refuses the command by name, in its language, changing nothing; and is the command\'s once the app closes it', async () => {
    expect(existsSync(join(import.meta.dirname, '../../out/main/dalel.js')), 'build first: npm run build').toBe(true);
    const dir = join(folder.path, 'archive');
    const app = await Archive.create(dir, { name: 'A', organization: '', passphrase: null });
    await app.save({ type: 'incident', data: sampleIncident() });
    const stateHash = await app.stateHash();
    const incident = join(folder.path, 'incident.json');
    await writeFile(incident, JSON.stringify(sampleIncident({ title: 'from the command' })));

    const refused = await dalel(['add', dir, '--type', 'incident', '--json', incident]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Этот архив открыт в приложении Dalel');
    expect(await app.stateHash()).toBe(stateHash);

    // What the lock says of its holder: the kind of program, its process and since when; no host or user name.
    const record = await readFile(join(dir, holderFile), 'utf8');
    expect(Object.keys(JSON.parse(record)).sort()).toEqual(['by', 'pid', 'since']);
    for (const name of [hostname(), userInfo().username]) expect(record).not.toContain(name);

    await app.close();
    expect(existsSync(join(dir, holderFile))).toBe(false);
    expect((await dalel(['add', dir, '--type', 'incident', '--json', incident])).code).toBe(0);
  }, 60_000);
});
