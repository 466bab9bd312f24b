/**
 * The command prints a bundle's report as PDF with a Chromium it finds on
 * the machine (the app prints with Electron's own). The report is written
 * to a private temporary folder beside the bundle, printed with networking
 * and every background service off, and removed; without a Chromium the
 * bundle goes out with its HTML report only, and the command says so.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

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
  '--no-pdf-header-footer',
];

/** Prints `html` to PDF bytes with `chromium`, working in a temporary folder inside `besideDir`. */
export async function printWithChromium(chromium: string, html: string, besideDir: string): Promise<Uint8Array> {
  const work = await mkdtemp(join(besideDir, '.dalel-print-'));
  try {
    const page = join(work, 'report.html');
    const pdf = join(work, 'report.pdf');
    await writeFile(page, html, { mode: 0o600 });
    // Chromium refuses its sandbox when run as root (containers, CI); there is nothing to sandbox from here.
    const sandbox = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    await new Promise<void>((resolve, reject) => {
      execFile(
        chromium,
        [...quietFlags, ...sandbox, `--user-data-dir=${join(work, 'profile')}`, `--print-to-pdf=${pdf}`, pathToFileURL(page).href],
        { timeout: 120_000 },
        (error) => (error ? reject(error) : resolve()),
      );
    });
    return await readFile(pdf);
  } finally {
    await rm(work, { recursive: true, force: true });
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
      return await printWithChromium(chromium, html, dirname(outFile));
    } catch {
      onMissing();
      return null;
    }
  };
}
