/**
 * report.pdf names Dalel, not the browser that printed it: a report printed
 * by Debian's Chromium, as the command prints it, read back by exiftool (an
 * independent reader of PDF metadata) and by pdf.js. Nothing of the
 * browser's user agent, and no time finer than the bundle's, is left in the file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printWithChromium } from '../../cli/chromiumPdf';
import { namedReportPdf } from './reportPdf';

let folder: string;
let printed: Uint8Array;
const html = '<!doctype html><html lang="kk"><head><meta charset="utf-8"><title>Дәлелдер пакеті dalel-20220105-0a1b2c3d</title></head><body><h1>Жаңаөзен</h1><p>Интернет өшірілді.</p></body></html>';

/** exiftool's reading of a PDF's document information. */
function exif(pdf: Uint8Array): Record<string, unknown> {
  const file = join(folder, `read-${Math.random().toString(16).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return (JSON.parse(execFileSync('exiftool', ['-j', '-PDF:all', file], { encoding: 'utf8' })) as Record<string, unknown>[])[0]!;
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'dalel-report-pdf-'));
  printed = await printWithChromium('/usr/bin/chromium', html);
}, 120_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('report.pdf', () => {
  it('as the browser prints it, names the browser and the second it was printed (what this fixes)', () => {
    const info = exif(printed);
    expect(String(info.Creator)).toMatch(/HeadlessChrome|Mozilla/);
    expect(String(info.Producer)).toMatch(/Skia/);
  });

  it('names Dalel and its version, the bundle and the language, dated at the bundle’s creation, as exiftool reads it', async () => {
    const named = (await namedReportPdf(printed, { software: 'Dalel 0.1.0', bundleId: 'dalel-20220105-0a1b2c3d', language: 'kk', createdAt: '2022-01-05T00:00:00.000Z' }))!;
    const info = exif(named);
    expect(info).toMatchObject({
      Creator: 'Dalel 0.1.0',
      Producer: 'Dalel 0.1.0',
      Subject: 'dalel-20220105-0a1b2c3d (kk)',
      Keywords: ['dalel-20220105-0a1b2c3d', 'language:kk'],
      Language: 'kk',
      Title: 'Дәлелдер пакеті dalel-20220105-0a1b2c3d',
      CreateDate: '2022:01:05 00:00:00Z',
      ModifyDate: '2022:01:05 00:00:00Z',
    });
    expect(info).not.toHaveProperty('Author');
    const bytes = Buffer.from(named);
    for (const trace of ['Mozilla', 'HeadlessChrome', 'Skia', 'X11', 'Linux x86_64']) expect(bytes.includes(trace), trace).toBe(false);
  });

  it('keeps the document: the same pages and text, as pdf.js reads them', async () => {
    const named = (await namedReportPdf(printed, { software: 'Dalel 0.1.0', bundleId: 'b', language: 'kk', createdAt: '2022-01-05T10:00:00.000Z' }))!;
    const text = async (pdf: Uint8Array) => {
      const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
      const page = await document.getPage(1);
      const content = await page.getTextContent();
      return { pages: document.numPages, text: content.items.map((item) => ('str' in item ? item.str : '')).join('') };
    };
    const before = await text(printed);
    expect(before.text).toContain('Жаңаөзен');
    expect(await text(named)).toEqual(before);
  });

  it('is left out rather than shipped with the browser’s name when the printed bytes do not read as a PDF', async () => {
    const facts = { software: 'Dalel 0.1.0', bundleId: 'b', language: 'en', createdAt: '2022-01-05T00:00:00.000Z' };
    expect(await namedReportPdf(Buffer.from('not a pdf'), facts)).toBeNull();
    // A header and nothing of a document: pdf-lib loads it, then cannot name it.
    expect(await namedReportPdf(Buffer.from('%PDF-1.7 nothing more'), facts)).toBeNull();
    expect(await namedReportPdf(printed.subarray(0, 200), facts)).toBeNull();
  });
});
