/**
 * What a locked archive's folder lets anyone change, found by the next
 * unlock and named (vouched.ts): a planted or removed attempt limit, a
 * deleted unlock counter, a custody log cut at its end, and the sealed
 * record of all three removed. Each attack is made on the folder alone, as
 * someone without the passphrase would.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Archive } from './archive';
import { exportBundle } from './bundle/export';
import { custodyFile } from './custodyLog';
import type { Storage } from './storage';
import { sampleIncident, temporaryFolder } from './testing/fixtures';

const passphrase = 'Жаңаөзен, желтоқсан 2011';
let folder: { path: string; remove: () => Promise<void> };
let dir: string;
beforeEach(async () => {
  folder = await temporaryFolder();
  dir = join(folder.path, 'archive');
});
afterEach(() => folder.remove());

const create = () => Archive.create(dir, { name: 'A', organization: '', passphrase, scryptCost: 2 ** 12 });
const manifestPath = () => join(dir, 'dalel-archive.json');

async function editManifest(change: (manifest: Record<string, unknown>) => void) {
  const manifest = JSON.parse(await readFile(manifestPath(), 'utf8'));
  change(manifest);
  await writeFile(manifestPath(), JSON.stringify(manifest));
}

/** What an unlock found, and the safety settings the archive then holds. */
async function reopened() {
  const archive = await Archive.open(dir, passphrase);
  const status = archive.status();
  await archive.close();
  return { tampering: archive.tampering, safety: status.open ? status.safety : null };
}

describe('a locked folder', () => {
  it('holds no string of any bundle it made: no id, hash, name or key that would link the two', async () => {
    const archive = await create();
    const { recordId } = await archive.save({ type: 'incident', data: sampleIncident({ title: 'Мұнайшылар алаңы' }) });
    const photo = join(folder.path, 'алаң.png');
    await writeFile(photo, randomBytes(5000));
    await archive.attach(recordId, [{ path: photo }]);
    const strings = new Set<string>();
    for (const profile of ['internal', 'legal', 'public'] as const) {
      const out = join(folder.path, `${profile}.zip`);
      await exportBundle(archive, { out, profile, language: 'en', softwareVersion: 'test' });
      const bag = join(folder.path, `${profile}-bag`);
      execFileSync('unzip', ['-q', out, '-d', bag]);
      const [top] = await readdir(bag);
      const info = await readFile(join(bag, top!, 'bag-info.txt'), 'utf8');
      for (const line of info.split('\n')) strings.add(line.slice(line.indexOf(':') + 1).trim());
      const collect = (value: unknown): void => {
        if (typeof value === 'string') strings.add(value);
        else if (value && typeof value === 'object') Object.values(value).forEach(collect);
      };
      collect(JSON.parse(await readFile(join(bag, top!, 'data/bundle.json'), 'utf8')));
    }
    await archive.close();
    // Strings long enough to link (ids, hashes, fingerprints, names), in every form they could take.
    const linking = [...strings].filter((text) => text.length >= 12);
    expect(linking.length).toBeGreaterThan(20);
    const locked = await readdir(dir, { recursive: true, withFileTypes: true });
    for (const entry of locked.filter((file) => file.isFile())) {
      const bytes = await readFile(join(entry.parentPath, entry.name));
      for (const text of linking) expect(bytes.includes(Buffer.from(text)), `${text} in ${entry.name}`).toBe(false);
    }
  });
});

describe('an unlock finds what changed while the archive was locked', () => {
  it('nothing, when nothing did', async () => {
    await (await create()).close();
    expect((await reopened()).tampering).toEqual([]);
    expect((await reopened()).tampering).toEqual([]);
  });

  it('a limit planted so that the owner’s own typos destroy the archive: named, and taken away', async () => {
    await (await create()).close();
    await editManifest((manifest) => (manifest.safety = { quickDelete: true, unlockAttemptLimit: 3 }));
    const found = await reopened();
    expect(found.tampering).toEqual(['safetyChanged']);
    expect(found.safety).toEqual({ quickDelete: false, unlockAttemptLimit: null });
    expect(JSON.parse(await readFile(manifestPath(), 'utf8')).safety).toEqual({ quickDelete: false, unlockAttemptLimit: null });
  });

  it('a limit removed: named, and put back', async () => {
    const archive = await create();
    await archive.setSafety({ quickDelete: false, unlockAttemptLimit: 5 });
    await archive.close();
    await editManifest((manifest) => (manifest.safety = { quickDelete: false, unlockAttemptLimit: null }));
    const found = await reopened();
    expect(found.tampering).toEqual(['safetyChanged']);
    expect(found.safety).toEqual({ quickDelete: false, unlockAttemptLimit: 5 });
  });

  it('the unlock counter deleted between guesses, to guess on without limit', async () => {
    const archive = await create();
    await archive.setSafety({ quickDelete: false, unlockAttemptLimit: 5 });
    await archive.close();
    await expect(Archive.open(dir, 'guess one')).rejects.toMatchObject({ code: 'wrongPassphraseLimited', params: { left: 4 } });
    await rm(join(dir, 'unlock-failures.json'));
    await expect(Archive.open(dir, 'guess two')).rejects.toMatchObject({ params: { left: 4 } });
    await rm(join(dir, 'unlock-failures.json'));
    expect((await reopened()).tampering).toEqual(['unlockCounterRemoved']);
    // The unlock that found it set the counter afresh: the next one finds nothing.
    expect(existsSync(join(dir, 'unlock-failures.json'))).toBe(true);
    expect((await reopened()).tampering).toEqual([]);
  });

  it('the custody log cut at its end', async () => {
    const archive = await create();
    for (const title of ['Ақтау', 'Жаңаөзен', 'Алматы']) await archive.save({ type: 'incident', data: sampleIncident({ title }) });
    // The log as a cut leaves it: its last two lines gone, the rest intact (the test holds the key to write it so).
    const storage = (archive as unknown as { storage: Storage }).storage;
    const units = await storage.readUnits(custodyFile);
    await storage.writeUnits(custodyFile, units.slice(0, -2));
    await archive.close();
    expect((await reopened()).tampering).toEqual(['custodyCut']);
  });

  it('any sealed file removed that the archive opens without: the record itself, or the whole log', async () => {
    await (await create()).close();
    const { dataDir } = JSON.parse(await readFile(join(dir, 'dalel-archive.json'), 'utf8')).encryption;
    const names = (await readdir(join(dir, dataDir), { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    const found: string[][] = [];
    // Without the key the names say nothing: the attacker removes each sealed file in turn.
    for (const entry of names) {
      const file = join(entry.parentPath, entry.name);
      const bytes = await readFile(file);
      await rm(file);
      const opened = await Archive.open(dir, passphrase).catch(() => null);
      if (opened) {
        // A pack of records is named among the archive's problems.
        found.push([...opened.tampering, ...opened.problems.map((problem) => problem.file.replace(/[0-9a-f]{2}$/, '…'))]);
        await opened.close();
      }
      await writeFile(file, bytes);
    }
    // Each removal the archive opens without is named: none passes silently.
    expect(found.every((named) => named.length > 0)).toBe(true);
    expect(new Set(found.map((named) => named.join()))).toEqual(new Set(['custodyCut', 'vouchedMissing', 'packs/…']));
    // About 260 opens of the archive, one per sealed file: 10–30 s here, more on a loaded machine.
  }, 240_000);
});
