// Eight `dalel add` started at once on one archive, round after round,
// unencrypted and encrypted: one writer at a time (electron/engine/archiveLock.ts).
// Every add that reported success is in the archive afterwards, every other
// one failed with the clear "in use" message, and the archive opens every time.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../engine/archive';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';
import { bin } from './testing/killedRun';

const passphrase = 'eight writers at once';
const writers = 8;
const rounds = Number(process.env.DALEL_RACE_ROUNDS ?? 20);
let folder: { path: string; remove: () => Promise<void> };
let incidentFile: string;

beforeAll(async () => {
  folder = await temporaryFolder();
  incidentFile = join(folder.path, 'incident.json');
  await writeFile(incidentFile, JSON.stringify(sampleIncident()));
});
afterAll(() => folder.remove());

function add(dir: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'add', dir, '--type', 'incident', '--json', incidentFile], { env: { ...process.env, LANG: 'en_US.UTF-8', ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

describe.each([
  ['an unencrypted', null],
  ['an encrypted', passphrase],
] as const)('eight dalel add at once on %s archive', (_kind, secret) => {
  it(`keeps every add that said it succeeded, and tells the others the archive is in use (${rounds} rounds)`, async () => {
    expect(existsSync(join(import.meta.dirname, '../../out/main/dalel.js')), 'build first: npm run build').toBe(true);
    const dir = join(folder.path, secret ? 'encrypted' : 'plain');
    await (await Archive.create(dir, { name: 'Race', organization: '', passphrase: secret, scryptCost: 2 ** 10 })).close();
    const env = secret ? { DALEL_PASSPHRASE: secret } : {};
    const added: string[] = [];
    let refused = 0;
    for (let round = 0; round < rounds; round += 1) {
      const results = await Promise.all(Array.from({ length: writers }, () => add(dir, env)));
      for (const { code, out, err } of results) {
        if (code === 0) added.push(out.trim());
        else {
          expect(err, `round ${round}`).toContain('only one program may change it at a time');
          refused += 1;
        }
      }
      const archive = await Archive.open(dir, secret ?? undefined);
      expect(archive.status(), `round ${round}`).toMatchObject({ problems: [], tampering: [] });
      expect(archive.listRecords('incident').map((record) => record.recordId).sort(), `round ${round}`).toEqual([...added].sort());
      await archive.close();
    }
    expect(added.length + refused).toBe(rounds * writers);
    expect(added.length).toBeGreaterThan(0);
  }, 600_000);
});
