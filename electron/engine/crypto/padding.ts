/**
 * How much a sealed file is padded (docs/design.md, "What a locked folder
 * shows"): the Padmé scheme (Nikitin et al., "Reducing Metadata Leakage from
 * Encrypted Files and Communication with PURBs", PETS 2019). A length is
 * rounded up so that only its top bits remain: at most about 12 % overhead
 * for large files, and a size then tells only O(log log n) bits of the
 * length, so a known file's presence cannot be confirmed from sizes.
 */

/** Every sealed file holds at least this many padded bytes: small files look alike. */
export const minimumPadded = 1024;

/** The Padmé length of `length`: `length` with its lowest E − S bits rounded up. */
export function padme(length: number): number {
  if (length < 2) return length;
  // Bit length, exact for any safe integer (Math.log2 rounds just below powers of two).
  const e = length.toString(2).length - 1;
  const s = e.toString(2).length;
  const step = 2 ** (e - s);
  return Math.ceil(length / step) * step;
}

/** The plain bytes a sealed file of `length` bytes (and its 8-byte length trailer) is padded to. */
export function paddedLength(length: number, minimum = minimumPadded): number {
  return Math.max(minimum, padme(length + 8));
}
