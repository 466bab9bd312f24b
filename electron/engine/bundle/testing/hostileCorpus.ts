/**
 * Test and bench helper: the project's hostile corpus, every bundle an
 * attacker might send that the verifier must refuse quickly and in little
 * memory (docs/spec/performance.md P12), each written as a ZIP into a folder
 * with the refusal it must get. Most are signed with a fresh key, since
 * anyone can sign: what is refused after the signature check must be bounded
 * too. `full` writes each attack at the size it was reported at (a 240 MB
 * bundle.json, 300,000 entries); `small` writes the same attacks as small as
 * they can be while the default budgets (limits.ts) still refuse them for the
 * same reason. Deterministic but for keys and bag names; writes nothing but
 * the ZIPs.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { SigningKey } from '../../signingKey';
import { MiB, pick, signed, text, type Attack, type CorpusSize } from './hostileAttack';
import { hexLines, junkEntries } from './hostileBytes';
import { jsonAttacks } from './hostileJson';
import { readerAttacks } from './hostileReaders';
import { bagEntries, makeBag, writeZip } from './makeBundle';

export type { CorpusSize } from './hostileAttack';

/** A bundle of the corpus as written: the attack, the refusal it must get, and its ZIP. */
export interface HostileBundle extends Pick<Attack, 'id' | 'attack' | 'reason'> {
  path: string;
  /** The file the refusal names: relative to the bag, or the entry's name in the ZIP. */
  file?: string;
}

/** In the ZIP and the tag files: the 300,000 entries reported in issue 17, and each found beside them. */
const bagAttacks: Attack[] = [
  {
    id: 'unlisted-entries-300k',
    attack: '300,000 empty entries outside data/ that no manifest lists (each was inflated and hashed before the signature check)',
    reason: 'tooLarge',
    build: async (size) => {
      const { bag, entries } = await signed();
      return { entries: [...entries, ...junkEntries(bag.name, pick(size, 300_000, 50_001))] };
    },
  },
  {
    id: 'unlisted-entries',
    attack: 'as many unlisted entries outside data/ as a bundle may have, with the longest names allowed, each unreadable: refused by name, none inflated',
    reason: 'tagFileNotInTagManifest',
    build: async (size) => {
      const { bag, entries } = await signed();
      const junk = junkEntries(bag.name, pick(size, 49_000, 1000), { unreadable: true, nameBytes: 250 });
      return { entries: [...entries, ...junk], file: (junk[0]!.name as string).slice(bag.name.length + 1) };
    },
  },
  {
    id: 'deep-names',
    attack: '50,000 entries each named 100 folders deep (filing such names took minutes)',
    reason: 'unsafePath',
    build: async (size) => {
      const { bag, entries } = await signed();
      const deep = Array.from({ length: pick(size, 49_000, 1000) }, (_, index) => ({ name: `${bag.name}/${'a/'.repeat(100)}${index}`, method: 0 }));
      return { entries: [...entries, ...deep] };
    },
  },
  {
    id: 'many-small-bombs',
    attack: 'thousands of payload files of 1 MiB of zeros, each just under the ratio check, together a ZIP bomb',
    reason: 'zipBomb',
    build: async (size) => {
      const { bag, entries } = await signed();
      const zeros = Buffer.alloc(MiB);
      const bomb = { rawData: deflateRawSync(zeros, { level: 9 }), size: zeros.length, crc: crc32(zeros) };
      const bombs = Array.from({ length: pick(size, 20_000, 400) }, (_, index) => ({ name: `${bag.name}/data/zeros-${index}.bin`, ...bomb }));
      return { entries: [...entries, ...bombs] };
    },
  },
  {
    id: 'huge-tag-manifest',
    attack: 'a tag manifest of millions of lines',
    reason: 'fileTooLarge',
    build: async (size) => {
      const { entries } = await signed({ tagManifest: () => [] });
      const lines = hexLines(pick(size, 40 * MiB, 9 * MiB));
      const named = entries.map((entry) => (String(entry.name).endsWith('/tagmanifest-sha256.txt') ? { ...entry, data: lines } : entry));
      return { entries: named, file: 'tagmanifest-sha256.txt' };
    },
  },
  {
    id: 'manifest-of-missing-files',
    attack: 'a signed manifest of 50,000 lines naming files that are not there',
    reason: 'manifestFileMissing',
    build: async (size) => {
      const count = pick(size, 50_000, 5000);
      const ghosts = Array.from({ length: count }, (_, index) => ({ sha256: '0'.repeat(64), path: `data/attachments/${index.toString(16).padStart(64, '0')}.jpg` }));
      const { entries } = await signed({ manifest: (lines) => [...ghosts, ...lines] });
      return { entries, file: ghosts[0]!.path };
    },
  },
  {
    id: 'bag-info-too-large',
    attack: 'a bag-info.txt of 2 MiB of continuation lines (joined line by line, quadratic)',
    reason: 'fileTooLarge',
    build: async () => {
      const lines = text(' x\n'.repeat(Math.ceil((2 * MiB) / 3)));
      const { entries } = await signed({ tags: (tags) => tags.set('bag-info.txt', Buffer.concat([Buffer.from(tags.get('bag-info.txt')!), lines])) }, ['bag-info.txt']);
      return { entries, file: 'bag-info.txt' };
    },
  },
  {
    id: 'tag-files-too-large',
    attack: 'hundreds of listed tag files, hashed before the signature is checked',
    reason: 'tooLarge',
    build: async () => {
      const { entries } = await signed({
        tags: (tags) => {
          for (let index = 0; index < 200; index++) tags.set(`extra/${index}.txt`, Buffer.alloc(64 * 1024, 0x20));
        },
      });
      return { entries: entries.map((entry) => ({ ...entry, method: 0 })) };
    },
  },
  {
    id: 'oversized-entry-headers',
    attack: 'an entry named 30,000 folders deep (names, extra fields and comments of 64 KiB each are held while the directory is read)',
    reason: 'tooLarge',
    build: async () => {
      const { bag, entries } = await signed();
      const name = `${bag.name}/data/${'a/'.repeat(30_000)}x`;
      return { entries: [...entries, { name, data: text('x') }] };
    },
  },
];

/** Some of the cases of verify.test.ts, "a hostile or damaged ZIP". */
const zipAttacks: Attack[] = [
  {
    id: 'path-traversal',
    attack: 'an entry named ../../evil.txt',
    reason: 'unsafePath',
    build: async () => {
      const { bag, entries } = await signed();
      return { entries: [...entries, { name: `${bag.name}/data/../../evil.txt`, data: text('x') }] };
    },
  },
  {
    id: 'symlink',
    attack: 'an entry that is a symlink to /etc/passwd',
    reason: 'notRegularFile',
    build: async () => {
      const { bag, entries } = await signed();
      return { entries: [...entries, { name: `${bag.name}/data/attachments/passwd`, data: text('/etc/passwd'), method: 0, externalAttributes: (0o120777 << 16) >>> 0 }] };
    },
  },
  {
    id: 'deflate-bomb',
    attack: 'one entry of 64 MiB of zeros in 64 KiB',
    reason: 'zipBomb',
    build: async () => {
      const { bag, entries } = await signed();
      const zeros = Buffer.alloc(64 * MiB);
      return { entries: [...entries, { name: `${bag.name}/data/zeros.bin`, rawData: deflateRawSync(zeros, { level: 9 }), size: zeros.length, crc: crc32(zeros) }] };
    },
  },
  {
    id: 'overlapping-entries',
    attack: 'two directory entries sharing the same bytes',
    reason: 'zipDamaged',
    build: async () => {
      const { entries } = await signed();
      return { entries: [...entries, { ...entries[1]!, sameDataAs: 1 }] };
    },
  },
  {
    id: 'tampered-payload',
    attack: 'a report changed after signing',
    reason: 'hashMismatch',
    build: async () => {
      const bag = await makeBag();
      const report = Buffer.from(bag.files.get('data/report.html')!);
      report[report.length - 2]! ^= 0x20;
      bag.files.set('data/report.html', report);
      return { entries: bagEntries(bag), file: 'data/report.html' };
    },
  },
  {
    id: 'signed-by-another-key',
    attack: 'a signature by another key than signer.pub',
    reason: 'signatureWrongKey',
    build: async () => ({ entries: (await signed({ signingKey: SigningKey.generate() })).entries }),
  },
];

const allAttacks = [...jsonAttacks, ...bagAttacks, ...zipAttacks, ...readerAttacks];

export const hostileAttacks: readonly Pick<Attack, 'id' | 'attack' | 'reason'>[] = allAttacks;

/** Writes the corpus, or the attacks named in `only`, into `folder`. */
export async function writeHostileCorpus(folder: string, size: CorpusSize, only?: readonly string[]): Promise<HostileBundle[]> {
  const written: HostileBundle[] = [];
  for (const { id, attack, reason, build } of allAttacks) {
    if (only && !only.includes(id)) continue;
    const { entries, file, zip } = await build(size);
    const path = join(folder, `${id}.zip`);
    await writeFile(path, writeZip(entries, zip));
    written.push({ id, path, attack, reason, ...(file === undefined ? {} : { file }) });
  }
  return written;
}
