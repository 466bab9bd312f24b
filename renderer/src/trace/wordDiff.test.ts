/**
 * The word diff of the revision history: one changed word is marked alone,
 * words added and removed anywhere keep the rest unmarked, Kazakh and
 * Russian words are words, spacing and line breaks survive, and joining the
 * parts gives back each version exactly.
 */
import { describe, expect, it } from 'vitest';
import { wordDiff, worthMarking, type WordPart } from './wordDiff';

const side = (parts: readonly WordPart[], kind: 'removed' | 'added') =>
  parts
    .filter((part) => part.kind === 'same' || part.kind === kind)
    .map((part) => part.text)
    .join('');

describe('wordDiff', () => {
  it('marks the one word that changed, and only it', () => {
    expect(wordDiff('Mobile internet was cut in Almaty.', 'Mobile internet was restored in Almaty.')).toEqual([
      { kind: 'same', text: 'Mobile internet was ' },
      { kind: 'removed', text: 'cut' },
      { kind: 'added', text: 'restored' },
      { kind: 'same', text: ' in Almaty.' },
    ]);
  });

  it('finds words in Kazakh and Russian, and words added or removed at either end', () => {
    expect(wordDiff('Интернет өшірілді.', 'Мобильді интернет өшірілді.')).toEqual([
      { kind: 'removed', text: 'Интернет' },
      { kind: 'added', text: 'Мобильді интернет' },
      { kind: 'same', text: ' өшірілді.' },
    ]);
    expect(wordDiff('Связь отключена вечером', 'Связь отключена')).toEqual([
      { kind: 'same', text: 'Связь отключена' },
      { kind: 'removed', text: ' вечером' },
    ]);
  });

  it('keeps common words between scattered changes unmarked', () => {
    const parts = wordDiff('a b c d e f', 'a x c d y f');
    expect(parts.filter((part) => part.kind !== 'same').map((part) => `${part.kind}:${part.text}`)).toEqual([
      'removed:b',
      'added:x',
      'removed:e',
      'added:y',
    ]);
  });

  it('gives back both versions exactly, line breaks and double spaces included', () => {
    const before = 'First line\nsecond  line with words\n\nthird';
    const after = 'First line\nsecond line with more words\nthird and fourth';
    const parts = wordDiff(before, after);
    expect(side(parts, 'removed')).toBe(before);
    expect(side(parts, 'added')).toBe(after);
  });

  it('says nothing changed for equal texts, and marks everything when nothing is shared', () => {
    expect(wordDiff('same words', 'same words')).toEqual([{ kind: 'same', text: 'same words' }]);
    expect(worthMarking(wordDiff('same words', 'same words'))).toBe(false);
    expect(wordDiff('', 'new')).toEqual([{ kind: 'added', text: 'new' }]);
    expect(worthMarking(wordDiff('old', 'new'))).toBe(false);
    expect(worthMarking(wordDiff('old text', 'new text'))).toBe(true);
  });

  it('marks words only where enough stayed: a text rewritten almost whole reads as before and after', () => {
    expect(worthMarking(wordDiff('Mobile internet cut in Almaty', 'Mobile internet cut in Almaty and Zhanaozen'))).toBe(true);
    expect(worthMarking(wordDiff('Мобильді интернет өшірілді.', 'Мобильный интернет отключён с вечера 4 января, SMS не доходят.'))).toBe(false);
  });

  it('answers quickly for long texts, and still gives back both', () => {
    const before = Array.from({ length: 3000 }, (_, index) => `w${index}`).join(' ');
    const after = Array.from({ length: 3000 }, (_, index) => (index % 2 ? `v${index}` : `w${index}`)).join(' ');
    const parts = wordDiff(before, after);
    expect(side(parts, 'removed')).toBe(before);
    expect(side(parts, 'added')).toBe(after);
  });
});
