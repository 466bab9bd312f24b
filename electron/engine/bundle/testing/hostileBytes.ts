/**
 * Test and bench helper: the bulk bytes of the hostile corpus
 * (hostileCorpus.ts), made quickly and the same every time from a small
 * seeded generator: JSON packed with values, random manifest lines, and
 * entries that no manifest lists.
 */
import type { ZipEntrySpec } from './makeBundle';

/** A small deterministic generator (mulberry32), as bulkArchive.ts uses. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** JSON whitespace, one of 16 runs picked at random after each comma, so that deflate gets ~8:1 and no more. */
const spaces = ['', ' ', '\n', '\t', '\r', '  ', ' \n', '\n ', '\t ', ' \t', '\r\n', '\n\t', '\t\n', '   ', '\n\n', '\t\t'].map((run) => Buffer.from(run));

/** `bytes` of one JSON array whose items are `item`, with random whitespace between them. */
function packed(bytes: number, item: Buffer, seed: number): Buffer {
  const out = Buffer.alloc(bytes, 0x20);
  const random = generator(seed);
  out[0] = 0x5b;
  let at = 1;
  // Stops where the longest item and run still fit before the closing bracket.
  while (at + item.length + 4 < bytes - 1) {
    if (at > 1) out[at++] = 0x2c;
    at += spaces[random() & 15]!.copy(out, at);
    at += item.copy(out, at);
  }
  out[bytes - 1] = 0x5d;
  return out;
}

/** "[[],[],…]": the bundle.json of issue 17, three bytes and more a value. */
export const arraysJson = (bytes: number) => packed(bytes, Buffer.from('[]'), 17);

/** "[0,0,…]": two bytes and more a value. */
export const scalarsJson = (bytes: number) => packed(bytes, Buffer.from('0'), 18);

/** Manifest lines of random hex, ~`bytes` of them. */
export function hexLines(bytes: number): Buffer {
  const random = generator(19);
  const line = Buffer.alloc(75);
  const lines: Buffer[] = [];
  for (let total = 0; total < bytes; total += line.length) {
    for (let at = 0; at < 64; at += 8) line.write(random().toString(16).padStart(8, '0'), at);
    line.write(`  ${(total / line.length).toString(16).padStart(8, '0')}\n`, 64);
    lines.push(Buffer.from(line));
  }
  return Buffer.concat(lines);
}

/**
 * `count` empty entries in a folder of the bag outside data/, their names
 * padded to about `nameBytes`. Unreadable ones hold bytes that are not
 * deflate data under a wrong CRC: reading one would end the check with a
 * damaged entry, not with its name.
 */
export function junkEntries(top: string, count: number, { unreadable = false, nameBytes = 0 } = {}): ZipEntrySpec[] {
  const folder = `${top}/junk/${'x'.repeat(Math.max(0, nameBytes - top.length - 13))}`;
  return Array.from({ length: count }, (_, index) => ({
    name: `${folder}${String(index).padStart(6, '0')}`,
    ...(unreadable ? { rawData: Buffer.from([0xff, 0xff]), size: 1, crc: 1 } : { method: 0 }),
  }));
}
