/**
 * Test and bench helper: the attacks of the hostile corpus on the places
 * where two ZIP readers can each see another archive in the same file — the
 * engine's (yauzl), the verifier page's, `unzip`. Each keeps the bag's bytes
 * and its signature as they were, so a verifier that missed it would call
 * the bundle valid while `unzip` extracts other bytes, or while another
 * verifier reads another bag (found by an adversarial review: a ZIP both
 * verifiers called valid, with two signers and two contents).
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { signed, text, type Attack } from './hostileAttack';

const descriptor = (crc: number, compressed: number, size: number) => {
  const bytes = Buffer.alloc(16);
  bytes.writeUInt32LE(0x08074b50, 0);
  bytes.writeUInt32LE(crc >>> 0, 4);
  bytes.writeUInt32LE(compressed, 8);
  bytes.writeUInt32LE(size, 12);
  return bytes;
};

export const readerAttacks: Attack[] = [
  {
    id: 'local-header-shorter',
    attack: "a stored report whose local header claims only its first half: unzip, which reads the local header, would extract less than was checked",
    reason: 'zipDamaged',
    build: async () => {
      const { bag, entries } = await signed({}, ['data/report.html']);
      const name = `${bag.name}/data/report.html`;
      const report = bag.files.get('data/report.html')!;
      const half = report.subarray(0, report.length >> 1);
      return {
        entries: entries.map((entry) => (entry.name === name ? { ...entry, local: { crc: crc32(half), compressedSize: half.length, size: half.length } } : entry)),
        file: name,
      };
    },
  },
  {
    id: 'descriptor-disagrees',
    attack: 'a data descriptor whose CRC-32 and sizes are not the directory’s, which unzip would believe',
    reason: 'zipDamaged',
    build: async () => {
      const { bag, entries } = await signed();
      const name = `${bag.name}/data/report.html`;
      const report = bag.files.get('data/report.html')!;
      const compressed = deflateRawSync(report).length;
      return {
        entries: entries.map((entry) => (entry.name === name ? { ...entry, flags: 0x808, after: descriptor(crc32(report) ^ 1, compressed, report.length) } : entry)),
        file: name,
      };
    },
  },
  {
    id: 'descriptor-flag-in-directory-only',
    attack: 'bytes after an entry passed off as its data descriptor, the flag for one set in the directory but not the local header',
    reason: 'zipDamaged',
    build: async () => {
      const { bag, entries } = await signed();
      const name = `${bag.name}/data/report.html`;
      const forged = text('<h1>FORGED EVIDENCE</h1>');
      return { entries: entries.map((entry) => (entry.name === name ? { ...entry, flags: 0x808, local: { flags: 0x800 }, after: forged } : entry)), file: name };
    },
  },
  {
    id: 'bytes-after-deflate',
    attack: 'bytes hidden inside an entry after the end of its deflate stream, which zlib stops before and the browser refuses',
    reason: 'zipDamaged',
    build: async () => {
      const { bag, entries } = await signed();
      const name = `${bag.name}/data/report.html`;
      const report = bag.files.get('data/report.html')!;
      const hidden = Buffer.concat([deflateRawSync(report), text('PK\x03\x04 another archive’s entries')]);
      return { entries: entries.map((entry) => (entry.name === name ? { ...entry, rawData: hidden, size: report.length, crc: crc32(report) } : entry)), file: name };
    },
  },
  {
    id: 'bytes-before-end-record',
    attack: 'bytes between the central directory and the end record, room for a second directory',
    reason: 'zipDamaged',
    build: async () => ({ entries: (await signed()).entries, zip: { afterDirectory: text('PK\x01\x02 a second directory would go here') } }),
  },
  {
    id: 'zip64-disagrees',
    attack: 'a ZIP64 end record counting other entries than the end record, which names them all',
    reason: 'zipDamaged',
    build: async () => {
      const { entries } = await signed();
      return { entries, zip: { zip64Count: entries.length - 1 } };
    },
  },
];
