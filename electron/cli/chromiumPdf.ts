/**
 * The command prints a bundle's report as PDF with a Chromium it finds on
 * the machine (the app prints with Electron's own). SECURITY: the report
 * never touches the disk: it is handed to the browser over the DevTools
 * pipe (./devtoolsPipe.ts) and the PDF comes back the same way, with
 * networking and every background service off. The browser's profile is a
 * private folder in the system's temporary folder, removed after printing
 * and, should the command be killed, swept by the next print. Without a
 * Chromium the bundle goes out with its HTML report only, and the command
 * says so.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { DevtoolsPipe } from './devtoolsPipe';

const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'msedge'];
const fixedPaths = [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

/** DALEL_CHROMIUM, else the first Chromium-family browser on PATH or in its usual place; null when none. */
export function findChromium(env: NodeJS.ProcessEnv): string | null {
  if (env.DALEL_CHROMIUM) return existsSync(env.DALEL_CHROMIUM) ? env.DALEL_CHROMIUM : null;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const suffixes = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const name of names) {
    for (const dir of dirs) {
      for (const suffix of suffixes) {
        const candidate = join(dir, name + suffix);
        if (existsSync(candidate)) return candidate;
      }
    }
  }
  return fixedPaths.find((path) => existsSync(path)) ?? null;
}

// SECURITY: the report is self-contained (no URL, a CSP of its own); these keep Chromium itself
// from reaching the network for updates, metrics, sync or safe browsing while it prints.
const quietFlags = [
  '--headless',
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
  '--metrics-recording-only',
  '--safebrowsing-disable-auto-update',
  '--proxy-server=127.0.0.1:9',
  // Nothing of the page's memory in a crash report on disk.
  '--disable-breakpad',
  '--disable-crash-reporter',
];

const profilePrefix = 'dalel-print-';

/** A process still running: its print profile is in use. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes what killed prints left: profiles of processes that are gone,
 * and the report folders that Dalel before this version wrote beside a
 * bundle (`.dalel-print-*`, which held the report in the clear).
 */
export async function sweepPrintLeftovers(besideDir: string): Promise<void> {
  for (const name of await readdir(tmpdir()).catch(() => [])) {
    const pid = Number(/^dalel-print-(\d+)-/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !alive(pid)) await rm(join(tmpdir(), name), { recursive: true, force: true }).catch(() => undefined);
  }
  for (const name of await readdir(besideDir).catch(() => [])) {
    if (name.startsWith('.dalel-print-')) await rm(join(besideDir, name), { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Prints `html` to PDF bytes with `chromium`, from memory: neither the report nor the PDF is ever a file. */
export async function printWithChromium(chromium: string, html: string): Promise<Uint8Array> {
  const profile = await mkdtemp(join(tmpdir(), `${profilePrefix}${process.pid}-`));
  // Chromium refuses its sandbox when run as root (containers, CI); there is nothing to sandbox from here.
  const sandbox = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const browser = spawn(chromium, [...quietFlags, ...sandbox, `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
  });
  const pipe = new DevtoolsPipe(browser.stdio[3] as Writable, browser.stdio[4] as Readable);
  const exited = new Promise<void>((resolve) => {
    browser.once('exit', () => resolve());
    browser.once('error', (error) => (pipe.failAll(error), resolve()));
  });
  const timer = setTimeout(() => pipe.failAll(new Error('the browser took too long to print')), 120_000);
  try {
    const { targetId } = await pipe.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = (await pipe.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    const { frameTree } = (await pipe.send('Page.getFrameTree', {}, sessionId)) as { frameTree: { frame: { id: string } } };
    await pipe.send('Page.setDocumentContent', { frameId: frameTree.frame.id, html }, sessionId);
    const { data } = (await pipe.send('Page.printToPDF', { printBackground: true, preferCSSPageSize: true, paperWidth: 8.27, paperHeight: 11.69 }, sessionId)) as { data: string };
    return Buffer.from(data, 'base64');
  } finally {
    clearTimeout(timer);
    browser.kill('SIGKILL');
    await exited;
    // Chromium's own children can still be writing there for a moment after it is gone (seen on a loaded
    // machine): removing the folder is retried rather than leaving a profile behind.
    await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}

/** The printer the engine is given: null (HTML only) when no Chromium is here or it fails. */
export function chromiumPrinter(env: NodeJS.ProcessEnv, onMissing: () => void) {
  return async (html: string, outFile: string): Promise<Uint8Array | null> => {
    const chromium = findChromium(env);
    if (!chromium) {
      onMissing();
      return null;
    }
    try {
      await sweepPrintLeftovers(dirname(outFile));
      return await printWithChromium(chromium, html);
    } catch {
      onMissing();
      return null;
    }
  };
}
