/**
 * Which words changed between two versions of a text, for the revision
 * history: the longest common subsequence of their words (spaces and line
 * breaks kept as they were), and the words on either side of it as removed
 * or added. Pure; it never decides what a change means. Texts too long for
 * the quadratic table are shown as one removal and one addition.
 */

export interface WordPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Above this many cells (words before × words after, past the common ends), no table is built. */
const maxCells = 4_000_000;

const tokensOf = (text: string): string[] => text.match(/\s+|[^\s]+/g) ?? [];

/** The parts of `after` against `before`, in reading order; a removal comes before the addition that replaced it. */
export function wordDiff(before: string, after: string): WordPart[] {
  const a = tokensOf(before);
  const b = tokensOf(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const parts: WordPart[] = [];
  const push = (kind: WordPart['kind'], text: string) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  push('same', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > maxCells) {
    push('removed', midA.join(''));
    push('added', midB.join(''));
  } else {
    for (const part of middle(midA, midB)) push(part.kind, part.text);
  }
  push('same', a.slice(endA).join(''));
  return tidy(parts);
}

/** The LCS table walked from the start: `lengths[i][j]` is the common length of a[i..] and b[j..]. */
function middle(a: readonly string[], b: readonly string[]): WordPart[] {
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i * width + j] =
        a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const parts: WordPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) parts.push({ kind: 'removed', text: removed });
    if (added) parts.push({ kind: 'added', text: added });
    removed = '';
    added = '';
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      parts.push({ kind: 'same', text: a[i]! });
      i += 1;
      j += 1;
    } else if (j >= b.length || (i < a.length && lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!)) {
      removed += a[i]!;
      i += 1;
    } else {
      added += b[j]!;
      j += 1;
    }
  }
  flush();
  return parts;
}

/** Neighbouring parts of one kind joined (the common ends and the middle meet). */
function tidy(parts: WordPart[]): WordPart[] {
  const merged: WordPart[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (last?.kind === part.kind) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}

const wordCount = (text: string) => text.match(/[^\s]+/g)?.length ?? 0;

/**
 * True when the texts differ and enough words stayed (a third of the longer
 * version's) that marking the changed ones helps; a text rewritten almost
 * whole reads better as "before" and "after" alone.
 */
export function worthMarking(parts: readonly WordPart[]): boolean {
  const count = (kinds: readonly WordPart['kind'][]) => wordCount(parts.filter((part) => kinds.includes(part.kind)).map((part) => part.text).join(' '));
  const same = count(['same']);
  const longer = Math.max(count(['same', 'removed']), count(['same', 'added']));
  return same > 0 && parts.some((part) => part.kind !== 'same') && same * 3 >= longer;
}
