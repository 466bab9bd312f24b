/**
 * Evidence files for the specs, made by code into a temporary folder rather
 * than committed as binaries: a small coloured PNG (encoded here with zlib
 * and CRC-32), a JPEG photo drawn by Chromium with a camera's EXIF added, a
 * WAV tone, a one-page PDF with a line of text (hand-written, with a correct
 * cross-reference table), and a WebM video recorded by Chromium's
 * MediaRecorder from a canvas. Every file is real and opens in any viewer.
 * Names are the caller's, kept exactly (any script, emoji).
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { BrowserContext } from '@playwright/test';
import { withCameraMetadata, type CameraFields } from '../engine/testing/photoMetadata';

export interface EvidenceFile {
  path: string;
  name: string;
  mediaType: string;
  sha256: string;
  bytes: Buffer;
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function write(folder: string, name: string, mediaType: string, bytes: Buffer): Promise<EvidenceFile> {
  const path = join(folder, name);
  await writeFile(path, bytes);
  return { path, name, mediaType, sha256: sha256Of(bytes), bytes };
}

/* PNG */

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A `width`×`height` RGB picture: a blue-to-orange gradient with a dark band, so it is anything but blank. */
export function pngImage(width = 48, height = 32): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // colour type: RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3); // filter byte 0: none
    for (let x = 0; x < width; x += 1) {
      const band = y >= height / 3 && y < (2 * height) / 3;
      row[1 + x * 3] = band ? 20 : Math.round((255 * x) / (width - 1));
      row[2 + x * 3] = band ? 54 : 120;
      row[3 + x * 3] = band ? 93 : Math.round(255 - (255 * x) / (width - 1));
    }
    rows.push(row);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(Buffer.concat(rows))), pngChunk('IEND', Buffer.alloc(0))]);
}

/* WAV */

/** `seconds` of a `frequency` Hz tone, 16-bit mono PCM, faded in and out. */
export function wavTone(seconds = 1, frequency = 440, sampleRate = 22_050): Buffer {
  const samples = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(samples * 2);
  const fade = sampleRate / 50;
  for (let i = 0; i < samples; i += 1) {
    const envelope = Math.min(1, i / fade, (samples - i) / fade);
    data.writeInt16LE(Math.round(0.5 * 32767 * envelope * Math.sin((2 * Math.PI * frequency * i) / sampleRate)), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28); // bytes per second
  header.writeUInt16LE(2, 32); // bytes per frame
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/* PDF */

/**
 * A one-page A4 PDF: a blue bar and `line` in Helvetica (ASCII only: the
 * standard font's encoding). With `paddingBytes`, an unused stream of that
 * many bytes comes first, so that what the page needs sits at the file's end:
 * a reader that fetches ranges reads a little of it, one that downloads reads all.
 */
export function pdfDocument(line: string, paddingBytes = 0): Buffer {
  if (!/^[\x20-\x7e]*$/.test(line)) throw new Error('the PDF line must be printable ASCII');
  const escaped = line.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = `0.08 0.21 0.36 rg 72 740 451 24 re f\nBT /F1 18 Tf 0 0 0 rg 72 700 Td (${escaped}) Tj ET\n`;
  const first = paddingBytes > 0 ? 2 : 1; // the catalog's object number
  const padding = paddingBytes > 0 ? [`<< /Length ${paddingBytes} >>\nstream\n${'%'.repeat(paddingBytes)}\nendstream`] : [];
  const objects = [
    ...padding,
    `<< /Type /Catalog /Pages ${first + 1} 0 R >>`,
    `<< /Type /Pages /Kids [${first + 2} 0 R] /Count 1 >>`,
    `<< /Type /Page /Parent ${first + 1} 0 R /MediaBox [0 0 595 842] /Contents ${first + 3} 0 R /Resources << /Font << /F1 ${first + 4} 0 R >> >> >>`,
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(body, 'latin1');
  // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, n or f, and a two-byte end of line.
  const entries = ['0000000000 65535 f \n', ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)];
  body += `xref\n0 ${objects.length + 1}\n${entries.join('')}trailer\n<< /Size ${objects.length + 1} /Root ${first} 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/* Made by Chromium: a JPEG photo and a WebM video */

/** A JPEG drawn on a canvas (a street scene in flat colours), with the camera fields a phone writes. */
async function jpegPhoto(context: BrowserContext, camera: CameraFields): Promise<Buffer> {
  const page = await context.newPage();
  try {
    const bytes = await page.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 96;
      canvas.height = 64;
      const draw = canvas.getContext('2d')!;
      draw.fillStyle = '#7fb2e5';
      draw.fillRect(0, 0, 96, 40);
      draw.fillStyle = '#5b5b5b';
      draw.fillRect(0, 40, 96, 24);
      draw.fillStyle = '#c0392b';
      draw.fillRect(20, 18, 40, 30);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9));
      if (!blob) throw new Error('Chromium made no JPEG');
      return [...new Uint8Array(await blob.arrayBuffer())];
    });
    return withCameraMetadata(Uint8Array.from(bytes), camera);
  } finally {
    await page.close();
  }
}

/** About a second of VP8 video recorded by Chromium's MediaRecorder from a changing canvas. */
async function webmVideo(context: BrowserContext): Promise<Buffer> {
  const page = await context.newPage();
  try {
    const bytes = await page.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 160;
      canvas.height = 120;
      const draw = canvas.getContext('2d')!;
      let frame = 0;
      const paint = () => {
        draw.fillStyle = `hsl(${(frame * 15) % 360} 70% 45%)`;
        draw.fillRect(0, 0, 160, 120);
        draw.fillStyle = '#ffffff';
        draw.fillRect(10 + ((frame * 4) % 120), 50, 30, 20);
        frame += 1;
      };
      paint();
      const recorder = new MediaRecorder(canvas.captureStream(25), { mimeType: 'video/webm;codecs=vp8' });
      const chunks: Blob[] = [];
      recorder.ondataavailable = (event) => chunks.push(event.data);
      const stopped = new Promise((resolve) => (recorder.onstop = resolve));
      const timer = setInterval(paint, 40);
      recorder.start();
      await new Promise((resolve) => setTimeout(resolve, 1200));
      recorder.stop();
      await stopped;
      clearInterval(timer);
      const blob = new Blob(chunks, { type: 'video/webm' });
      return [...new Uint8Array(await blob.arrayBuffer())];
    });
    return Buffer.from(bytes);
  } finally {
    await page.close();
  }
}

/* The set the specs use */

export interface EvidenceSet {
  folder: string;
  image: EvidenceFile;
  photo: EvidenceFile;
  pdf: EvidenceFile;
  audio: EvidenceFile;
  video: EvidenceFile;
  /** The five above. */
  all: EvidenceFile[];
  /** A 2 MiB PDF whose page sits at its end, for checking that previews read ranges, not whole files. */
  largePdf: EvidenceFile;
}

export const pdfLine = 'Pharmacy card terminals offline - Almaty, 6 January 2022';

/** The camera fields of the photo, and how the app should show them. */
export const photoCamera: CameraFields = {
  make: 'Canon',
  model: 'Canon EOS 5D Mark IV',
  dateTimeOriginal: '2022:01:05 14:03:22',
  offsetTimeOriginal: '+06:00',
};

/** Writes one file of each kind into `folder`, under names in Kazakh and Russian with emoji. */
export async function makeEvidenceFiles(context: BrowserContext, folder: string): Promise<EvidenceSet> {
  await mkdir(folder, { recursive: true });
  const image = await write(folder, 'Банк жабық  🏦 Жаңаөзен.png', 'image/png', pngImage());
  const photo = await write(folder, 'Дәріхана 📷 05.01.2022.jpg', 'image/jpeg', await jpegPhoto(context, photoCamera));
  const pdf = await write(folder, 'Справка врача №12 📄.pdf', 'application/pdf', pdfDocument(pdfLine));
  const audio = await write(folder, 'Куәгердің дауысы 🎙.wav', 'audio/wav', wavTone());
  const video = await write(folder, 'Алматы, 6 қаңтар 🎥.webm', 'video/webm', await webmVideo(context));
  const largePdf = await write(folder, 'Үлкен іс қағаздары 📚.pdf', 'application/pdf', pdfDocument(pdfLine, 2 * 1024 * 1024));
  return { folder, image, photo, pdf, audio, video, all: [image, photo, pdf, audio, video], largePdf };
}
