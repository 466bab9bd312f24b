/**
 * A 4 GiB video added with the real `dalel attach` to an encrypted archive
 * stays in constant memory: the process's peak resident size is read at its
 * exit (process.resourceUsage, through a preloaded reporter) and must stay
 * under 300 MB. The video is generated as a sparse file, never committed.
 * About a minute on the development machine: most of it is hashing twice
 * and sealing 4 GiB.
 */
import { execFile } from 'node:child_process';
import { open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, root } from '../main/testing/builtApp';
import { sampleIncident, temporaryFolder } from './testing/fixtures';

const run = promisify(execFile);
const fourGiB = 4 * 1024 ** 3;
/** `sha256sum` of 4 GiB of zero bytes (what a sparse file reads as). */
const zerosSha256 = '8479e43911dc45e89f934fe48d01297e16f51d17aa561d4d1c216b1ae0fcddca';
const residentLimitKiB = 300 * 1000;

let folder: { path: string; remove: () => Promise<void> };
beforeAll(async () => {
  ensureBuilt();
  folder = await temporaryFolder();
}, 300_000);
afterAll(() => folder.remove());

describe('a 4 GiB evidence file', () => {
  it('is added by `dalel attach` in constant memory, under the sha256 sha256sum prints', async () => {
    const env = { ...process.env, DALEL_PASSPHRASE: 'a long passphrase for the big file', DALEL_RSS_FILE: join(folder.path, 'rss') };
    const dalel = (args: string[], input?: string) => {
      const child = run('node', ['-r', join(folder.path, 'report-rss.cjs'), join(root, 'electron/cli/bin.js'), ...args], {
        env,
        maxBuffer: 1024 * 1024,
      });
      if (input !== undefined) child.child.stdin!.end(input);
      return child;
    };
    await writeFile(
      join(folder.path, 'report-rss.cjs'),
      "process.on('exit', () => require('node:fs').writeFileSync(process.env.DALEL_RSS_FILE, String(process.resourceUsage().maxRSS)));\n",
    );
    const video = join(folder.path, 'Жаңаөзен алаңы 4 GiB 📹.mp4');
    const handle = await open(video, 'w');
    await handle.truncate(fourGiB);
    await handle.close();
    const archive = join(folder.path, 'archive');

    await dalel(['init', archive, '--name', 'Big']);
    const { stdout: recordId } = await dalel(['add', archive, '--type', 'incident', '--json', '-'], JSON.stringify(sampleIncident()));
    const { stdout } = await dalel(['attach', archive, recordId.trim(), video]);

    expect(stdout.trim()).toBe(`${zerosSha256}  ${video}`);
    const peakKiB = Number(await readFile(env.DALEL_RSS_FILE, 'utf8'));
    expect(peakKiB).toBeGreaterThan(0);
    expect(peakKiB, `peak resident ${Math.round(peakKiB / 1000)} MB`).toBeLessThan(residentLimitKiB);
    const { stdout: shown } = await dalel(['show', archive, recordId.trim(), '--json']);
    expect(JSON.parse(shown).attachments).toEqual([expect.objectContaining({ sha256: zerosSha256, size: fourGiB })]);
  }, 600_000);
});
