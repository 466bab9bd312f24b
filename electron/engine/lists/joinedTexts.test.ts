/**
 * The joined search texts mark a text exactly when shared/lists'
 * `holdsEvery` holds for it — a word running from one text into the next
 * is not a match — and stay exact through changes, added entries and a
 * join again, over random texts (Cyrillic and line breaks included).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdsEvery } from '../../../shared/lists/listParams';
import { JoinedTexts, SearchTexts } from './joinedTexts';

/** Short texts over few letters, so that words often match, and often across a boundary. */
const text = fc.string({ unit: fc.constantFrom('a', 'b', 'ж', 'ә', '\n', ' '), maxLength: 12 });
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'ж', 'ә', '\n'), minLength: 1, maxLength: 4 });

const expected = (texts: readonly string[], words: readonly string[]) => texts.map((t) => (holdsEvery(t, words) ? 1 : 0));

describe('JoinedTexts', () => {
  it('marks a text exactly when it holds every word', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 40 }), fc.array(word, { minLength: 1, maxLength: 3 }), (texts, words) => {
        expect([...new JoinedTexts(texts).holdingAll(words)]).toEqual(expected(texts, words));
      }),
      { numRuns: 500 },
    );
  });

  it('does not take a word running across two texts for a match', () => {
    const joined = new JoinedTexts(['mobile da', 'ta cut', '', 'data']);
    expect([...joined.holdingAll(['data'])]).toEqual([0, 0, 0, 1]);
    expect([...joined.holdingAll(['da', 'ta'])]).toEqual([0, 0, 0, 1]);
    expect([...new JoinedTexts([]).holdingAll(['a'])]).toEqual([]);
  });
});

interface Entry {
  text: string;
}

describe('SearchTexts', () => {
  it('stays exact as entries change, come and go, through a join again', () => {
    const change = fc.record({ at: fc.nat(), text, remove: fc.boolean() });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 30 }), fc.array(change, { maxLength: 30 }), fc.array(word, { minLength: 1, maxLength: 2 }), (first, changes, words) => {
        const live: Entry[] = first.map((t) => ({ text: t }));
        const search = new SearchTexts(live);
        for (const { at, text: next, remove } of changes) {
          const index = live.length > 0 ? at % live.length : -1;
          const gone = !remove || index < 0 ? [] : live.splice(index, 1);
          const added = remove ? [] : [{ text: next }];
          live.push(...added);
          search.update(gone, added, () => live);
        }
        const bySlot = search.holdingAll(words);
        const slots = search.slotsOf(live);
        expect([...slots].map((slot) => bySlot[slot])).toEqual(expected(live.map((entry) => entry.text), words));
      }),
      { numRuns: 300 },
    );
  });

  it('joins again once many entries have changed, and still answers exactly', () => {
    const live: Entry[] = Array.from({ length: 50 }, (_, index) => ({ text: `incident ${index}` }));
    const search = new SearchTexts(live);
    // Far more changes than are tested one by one: the texts are joined again on the way.
    for (let round = 0; round < 2_500; round += 1) {
      const index = round % live.length;
      const next = { text: `incident ${index} edit ${round}` };
      const [old] = live.splice(index, 1, next);
      search.update([old!], [next], () => live);
    }
    const bySlot = search.holdingAll(['edit 24']);
    const slots = search.slotsOf(live);
    expect(live.filter((_, index) => bySlot[slots[index]!]).map((entry) => entry.text)).toEqual(
      live.filter((entry) => entry.text.includes('edit 24')).map((entry) => entry.text),
    );
    expect(Math.max(...slots)).toBeLessThan(live.length + 1_000);
  });
});
