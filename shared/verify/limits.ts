/**
 * The budgets every bundle is held to (docs/spec/bundle-format.md, "What a
 * verifier must reject"): the verifier refuses a bundle beyond any of them
 * before doing the work it would cost, and export refuses to write one, so
 * that Dalel never makes a bundle it would not read. Anyone can sign a bundle
 * with a key of their own, so a valid signature vouches for none of this:
 * the budgets hold before the signature check and after it alike. Only
 * numbers here, and why they are what they are; never a check.
 *
 * Measured on the 2-core development machine with archives of 5,400 to
 * 9,900 records (incidents, effects and sources in equal numbers, one
 * revision each, as electron/engine/testing/bulkArchive.ts makes them),
 * exported and checked with `dalel verify`:
 * - `internal`: bundle.json 3.1 KB a record, nesting depth 9, one container
 *   (object or array) per 131 bytes, one value per 22 bytes; 24.0 MB
 *   (7,800 records) verified in 2.2 s at 230–245 MB peak, 30.4 MB (9,900)
 *   in 2.7 s at 270–285 MB;
 * - `legal`: 5.7 KB a record, depth 8, one container per 158 bytes, one
 *   value per 25 bytes; 31.0 MB (5,400 records) in 2.0 s at 250–265 MB;
 * - a peak of ~75 MB with nothing to check, plus about six times bundle.json
 *   (held as bytes, as text, parsed, and as the schema's copy);
 * - the most compressible file, report.html, deflated 14:1; bundle.json 4–8:1;
 * - checking a signed revision or head costs ~0.2–0.3 ms.
 * A bundle carries one case, for a lawyer or a partner: tens to hundreds of
 * records, a few MB. Moving a whole archive is `dalel merge` of its folder,
 * which none of this limits.
 */
import type { JsonShapeBudget } from './jsonShape';

/** What the ZIP's central directory may declare, checked before anything is inflated. */
export interface ZipLimits {
  /** Entries in the central directory. */
  maxEntries: number;
  /** An entry's name, extra field and comment together, in bytes. */
  maxEntryHeaderBytes: number;
  /** The sum of the declared uncompressed sizes. */
  maxTotalBytes: number;
  /** Uncompressed : compressed, of each entry and of all together, once larger than `ratioCheckAbove`. */
  maxRatio: number;
  ratioCheckAbove: number;
}

/** What bundle.json may hold, checked on its bytes (its shape: see jsonShape.ts) before it is parsed, then on what was parsed. */
export interface BundleJsonLimits extends JsonShapeBudget {
  maxBundleJsonBytes: number;
  /** Values in one record (without its revisions), one revision, one attachment or one custody line. */
  maxValuesPerItem: number;
  maxRecords: number;
  /** Revisions of all records together (internal). */
  maxRevisions: number;
  maxAttachments: number;
  maxCustodyLines: number;
}

export interface BundleLimits extends ZipLimits, BundleJsonLimits {
  /** manifest-sha256.txt and tagmanifest-sha256.txt, each. */
  maxManifestBytes: number;
  /** Every other file outside data/ (bagit.txt, bag-info.txt, signer.pub, the signature, VERIFY.txt), each. */
  maxTagFileBytes: number;
  /** Everything outside data/ together: it is read before the signature is checked. */
  maxTagBytes: number;
}

const KiB = 1024;
const MiB = 1024 * KiB;

export const bundleLimits: BundleLimits = {
  // A bundle has at most 15 files of its own and one per evidence file: 50,000 is a case with thousands of
  // files many times over. Each entry read is held until the check ends, ~1.5 KB with its name:
  // 100,000 entries of the longest names allowed peaked at 313 MB, 50,000 at ~180 MB, in ~1 s.
  maxEntries: 50_000,
  // A bundle's longest name is ~120 bytes ("dalel-…/data/attachments/<sha256>.<ext>"), with no
  // extra field or comment; each may declare 64 KiB of each, all held while the directory is read.
  maxEntryHeaderBytes: 256,
  maxTotalBytes: 128 * 1024 * MiB,
  // Real files deflate at most 14:1; 200:1 is far from it and still far below deflate's 1032:1.
  maxRatio: 200,
  ratioCheckAbove: 1 * MiB,
  // A manifest line is at most 160 bytes (the sha256, two spaces, the path): 50,000 files fit.
  maxManifestBytes: 8 * MiB,
  // bag-info.txt is ~350 bytes, VERIFY.txt ~3 KB, the key and the signature a few hundred.
  maxTagFileBytes: 64 * KiB,
  // The manifest at its limit, and room for the rest.
  maxTagBytes: 12 * MiB,
  // ~4,300 records of the `legal` bundles above, ~8,000 of the `internal` ones. At about six
  // times its size, 24 MiB keeps a verify of the largest real bundle.json, or of a hostile one
  // shaped like it, near 250 MB: under 300 MB with room. 32 MiB came within 15 MB of it.
  maxBundleJsonBytes: 24 * MiB,
  // Real bundles nest 9 deep; 64 is far from it, and from any stack a recursive reader needs.
  maxJsonDepth: 64,
  // Real bundles have one value per 22 bytes or more, one container per 131 or more; the
  // largest real bundle.json within 24 MiB holds ~1 million values and ~180,000 containers.
  // JSON.parse of values packed denser, "[[],[],…]" at one per 3 bytes, takes gigabytes.
  maxJsonValues: 2_000_000,
  bytesPerJsonValue: 4,
  maxJsonContainers: 500_000,
  bytesPerJsonContainer: 16,
  // A real record holds a few hundred values and a revision about 130. The schema check names
  // every problem it finds, ~500 bytes each: an item is checked whole only below this.
  maxValuesPerItem: 10_000,
  // Each record or revision costs a signature check: 10,000 is ~3 s here, and about as many as
  // fit the size budget at the real sizes above.
  maxRecords: 10_000,
  maxRevisions: 10_000,
  // One entry per record and file: as many as the ZIP may have entries.
  maxAttachments: 50_000,
  // One line per revision and per file, and a few for imports and exports.
  maxCustodyLines: 100_000,
};
