/**
 * Prints a bundle's HTML report to PDF with Electron's own Chromium (the
 * engine's `printPdf` in the app). The report is served from memory at a
 * one-time app://dalel/print/<token> address under its own strict policy,
 * loaded in a hidden script-less window, printed, and forgotten; nothing
 * touches the disk and nothing reaches the network.
 */
import { randomBytes } from 'node:crypto';
import { APP_HOST, APP_SCHEME } from './urls';
import { createPrintWindow } from './window';

export const printPrefix = '/print/';

// SECURITY: a report is self-contained: its inline style and data: images, nothing else, no script.
export const reportContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Reports being printed, by token: what app://dalel/print/<token> answers. */
const pages = new Map<string, string>();

/** The HTML at /print/<token>, while it is being printed; null for any other token. */
export function printPage(pathname: string): string | null {
  const token = pathname.slice(printPrefix.length);
  return /^[0-9a-f]{32}$/.test(token) ? (pages.get(token) ?? null) : null;
}

export async function printReportPdf(html: string): Promise<Uint8Array | null> {
  const token = randomBytes(16).toString('hex');
  pages.set(token, html);
  const window = createPrintWindow();
  try {
    await window.loadURL(`${APP_SCHEME}://${APP_HOST}${printPrefix}${token}`);
    return await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true });
  } catch (error) {
    console.error('Dalel could not print the report to PDF', error);
    return null;
  } finally {
    pages.delete(token);
    window.destroy();
  }
}
