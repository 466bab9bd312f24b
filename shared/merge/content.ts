/**
 * Comparing and deduplicating immutable values by their content: the
 * locale-free orderings the merge sorts by, and the one rule that picks which
 * copy of a value stands for all its equal copies. Everything here depends on
 * values only, never on which input or which position a copy came from; that
 * is what makes a merge commutative and associative. It never decides which
 * of two different contents is genuine: that needs the engine's hashing.
 */
import canonicalize from 'canonicalize';

/** Compares by UTF-16 code units, as RFC 8785 does: the same answer in every locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** RFC 8785 canonical JSON: equal values give equal text whatever their key order. */
export function canonicalText(value: unknown): string {
  return canonicalize(value) ?? 'undefined';
}

/**
 * The distinct contents among copies that claim one id, one copy each, sorted
 * by canonical text. Of several copies with equal content (say, one with its
 * keys in another order), the one whose JSON.stringify sorts first is kept:
 * the choice depends on the copies only, so merging gives the same bytes
 * whichever side a copy came from.
 */
export function distinctContents<T>(copies: readonly T[]): T[] {
  const first = copies[0];
  if (first === undefined) return [];
  if (copies.every((copy) => copy === first)) return [first];
  const texts = copies.map((copy) => JSON.stringify(copy));
  if (texts.every((text) => text === texts[0])) return [first];
  const classes = new Map<string, { copy: T; text: string }>();
  copies.forEach((copy, index) => {
    const key = canonicalText(copy);
    const text = texts[index]!;
    const known = classes.get(key);
    if (!known || compareText(text, known.text) < 0) classes.set(key, { copy, text });
  });
  return [...classes.entries()].sort(([a], [b]) => compareText(a, b)).map(([, kept]) => kept.copy);
}

/** Milliseconds of an ISO timestamp, so that "…00Z" and "…00.000Z" are the same instant; NaN sorts last. */
export function instant(iso: string): number {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}
