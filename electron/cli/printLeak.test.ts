/**
 * A `dalel export` killed (SIGKILL) while it prints the report leaves no
 * byte of the report in the clear on disk: neither beside the bundle nor in
 * the temporary folder, searched in every encoding the archive's own leak
 * test searches; and the next print sweeps what the killed one left.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodings } from '../engine/testing/encodings';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
const bin = join(import.meta.dirname, 'bin.js');
const marker = 'Қаңтар-леак-7f3c report marker';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

async function filesHolding(root: string, skip: (file: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true }).catch(() => [])) {
    const file = join(entry.parentPath, entry.name);
    if (!entry.isFile() || skip(file)) continue;
    const bytes = await readFile(file).catch(() => Buffer.alloc(0));
    if (encodings(marker).some((form) => bytes.includes(form))) found.push(file);
  }
  return found;
}

function run(args: string[], env: NodeJS.ProcessEnv) {
  return spawn(process.execPath, [bin, ...args], { env, stdio: 'ignore' });
}

/** Waits until a print has begun: a print folder in the temporary folder or beside the bundle. */
async function printStarted(dirs: string[], deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    for (const dir of dirs) if ((await readdir(dir).catch(() => [])).some((name) => /^\.?dalel-print-/.test(name))) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return false;
}

/** Waits until no process runs with a profile in `dir` (Linux: their command lines in /proc). */
async function browsersGone(dir: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const pids = (await readdir('/proc').catch(() => [])).filter((name) => /^\d+$/.test(name));
    const lines = await Promise.all(pids.map((pid) => readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')));
    if (!lines.some((line) => line.includes(dir))) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.runIf(chromium || process.env.CI)('an export killed while printing', () => {
  it('leaves no plaintext byte of the report on disk, and the next print sweeps what it left', async () => {
    const archive = join(folder.path, 'archive');
    const out = join(folder.path, 'out');
    const temporary = join(folder.path, 'tmp');
    await mkdir(out);
    await mkdir(temporary);
    const env = { ...process.env, LANG: 'en_US.UTF-8', TMPDIR: temporary, DALEL_PASSPHRASE: 'Ақтау 2022 қаңтар түні', DALEL_CHROMIUM: chromium ?? '' };
    const incident = join(folder.path, 'incident.json');
    await writeFile(incident, JSON.stringify(sampleIncident({ summary: marker })));
    const done = (child: ReturnType<typeof run>) => new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(await done(run(['init', archive], env))).toBe(0);
    expect(await done(run(['add', archive, '--type', 'incident', '--json', incident], env))).toBe(0);

    // Killed at several moments of its print: just as it begins, and a little later.
    for (const [index, after] of [0, 150, 600].entries()) {
      const target = join(out, `bundle-${index}.zip`);
      const exporting = run(['export', archive, '--out', target, '--profile', 'legal', '--signer-name', 'Test'], env);
      const closed = done(exporting);
      const started = await printStarted([temporary, out], Date.now() + 60_000);
      expect(started, `print ${index} began`).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, after));
      exporting.kill('SIGKILL');
      await closed;
      // The browser it started sees its pipe close and goes too; give it the time to.
      await browsersGone(temporary, Date.now() + 30_000);
      const leaks = [...(await filesHolding(out, (file) => file === target)), ...(await filesHolding(temporary, () => false)), ...(await filesHolding(archive, () => false))];
      expect(leaks, `killed ${after} ms into print ${index}`).toEqual([]);
    }

    // The next print sweeps the profiles the killed ones left.
    expect(await done(run(['export', archive, '--out', join(out, 'whole.zip'), '--profile', 'legal', '--signer-name', 'Test'], env))).toBe(0);
    expect((await readdir(temporary)).filter((name) => name.startsWith('dalel-print-'))).toEqual([]);
    expect((await readdir(out)).filter((name) => name.startsWith('.dalel-print-'))).toEqual([]);
  }, 240_000);
});
