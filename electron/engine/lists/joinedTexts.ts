/**
 * A list's search texts joined into one string, so that a search word is
 * found by a few `indexOf` jumps over one block of memory instead of a test
 * of each of 100k strings scattered over the heap (docs/spec/performance.md P8: at
 * 100k incidents, 12–16 ms for a pass over the separate strings, under 3 ms
 * over the joined one, on the development machine). A text is marked
 * exactly when shared/lists' `holdsEvery` holds for it; the rest of a
 * filter is the list's own.
 */
import { holdsEvery } from '../../../shared/lists/listParams';

/** Entries changed since the texts were joined that are tested one by one, before joining again (or 5% of them, if more). */
const rejoinAt = 1_000;

export class JoinedTexts {
  private readonly joined: string;
  /** Where each text starts in `joined`, and one more entry: where the next would. */
  private readonly starts: Int32Array;

  constructor(texts: readonly string[]) {
    this.starts = new Int32Array(texts.length + 1);
    let at = 0;
    for (const [index, text] of texts.entries()) {
      this.starts[index] = at;
      // One character between texts, so that a match running past a text's end is seen as such.
      at += text.length + 1;
    }
    this.starts[texts.length] = at;
    this.joined = texts.join('\n');
  }

  get size(): number {
    return this.starts.length - 1;
  }

  /** One flag per text, in `holds` (which may be longer): 1 where the text holds every word (none empty). */
  holdingAll(words: readonly string[], holds = new Uint8Array(this.size)): Uint8Array {
    // The longest word first: it usually narrows most, and the others are looked for only in what it left.
    const [first, ...others] = [...words].sort((a, b) => b.length - a.length);
    this.mark(first!, holds);
    for (const word of others) {
      const also = new Uint8Array(this.size);
      this.mark(word, also);
      for (let index = 0; index < this.size; index += 1) holds[index]! &= also[index]!;
    }
    return holds;
  }

  /** Sets `holds[i]` to 1 for each text i that holds `word` (not empty). */
  private mark(word: string, holds: Uint8Array): void {
    const { joined, starts } = this;
    let from = 0;
    for (;;) {
      const found = joined.indexOf(word, from);
      if (found < 0) return;
      const index = this.textAt(found);
      const end = starts[index + 1]! - 1;
      if (found + word.length <= end) holds[index] = 1;
      // Any later match in this text ends even further past it, or this text is already marked.
      from = end + 1;
    }
  }

  /** The text a position of `joined` falls in (a separator counts with the text before it). */
  private textAt(position: number): number {
    let low = 0;
    let high = this.size - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.starts[middle]! <= position) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/**
 * The search texts of one list's entries, kept up to date as records change
 * without joining 100k texts again for each edit: an entry that changes or
 * goes leaves its old text in the joined string, with no slot pointing to it
 * any longer, and new entries are kept apart and tested one by one, until
 * they are enough that joining everything again costs less (about 150 ms
 * at 100k, most of it the memory a new 20 MB string takes).
 */
export class SearchTexts<E extends { text: string }> {
  private joined!: JoinedTexts;
  /** The place of each entry in the flags `holdingAll` gives: its text's in `joined`, or after them if it is recent. */
  private slotOf!: Map<E, number>;
  /** Joined texts and recent entries whose entry has changed or gone since. */
  private stale = 0;
  /** Entries added since the texts were joined; null where one has gone again. */
  private recent!: (E | null)[];

  constructor(entries: Iterable<E>) {
    this.join([...entries]);
  }

  /** Takes in the entries that changed or went (`removed`) and their new ones (`added`); `all` gives every entry now. */
  update(removed: Iterable<E>, added: Iterable<E>, all: () => Iterable<E>): void {
    for (const entry of removed) {
      const slot = this.slotOf.get(entry);
      if (slot === undefined) continue;
      this.slotOf.delete(entry);
      if (slot >= this.joined.size) this.recent[slot - this.joined.size] = null;
      this.stale += 1;
    }
    for (const entry of added) {
      this.slotOf.set(entry, this.joined.size + this.recent.length);
      this.recent.push(entry);
    }
    if (this.stale + this.recent.length > Math.max(rejoinAt, this.joined.size / 20)) this.join([...all()]);
  }

  /** Each entry's slot, for reading the flags of `holdingAll` in the order of `entries`. */
  slotsOf(entries: readonly E[]): Int32Array {
    return Int32Array.from(entries, (entry) => this.slotOf.get(entry)!);
  }

  /** One flag per slot: 1 where the entry's search text holds every word (none empty); read only through `slotsOf`. */
  holdingAll(words: readonly string[]): Uint8Array {
    const holds = this.joined.holdingAll(words, new Uint8Array(this.joined.size + this.recent.length));
    for (const [index, entry] of this.recent.entries()) if (entry && holdsEvery(entry.text, words)) holds[this.joined.size + index] = 1;
    return holds;
  }

  private join(entries: E[]): void {
    this.joined = new JoinedTexts(entries.map((entry) => entry.text));
    this.slotOf = new Map(entries.map((entry, slot) => [entry, slot]));
    this.stale = 0;
    this.recent = [];
  }
}
