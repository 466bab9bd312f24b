import { describe, expect, it } from 'vitest';
import { unknownAreaCodes } from './knownAreas';

describe('unknownAreaCodes', () => {
  it('finds every code the gazetteer does not hold, in the areas, an effect’s area and the intervals, and says each back', () => {
    const problems = unknownAreaCodes({
      areas: [{ code: 'KZ-47' }, { code: 'KZ-47-ZHANAOZN' }, { place: 'KZ-NOT-A-CODE' }],
      area: { code: 'XX-1' },
      intervals: [{ start: {}, areas: [{ code: 'KZ-10-SEMEY' }, { code: 'KZ-63-SEMEY' }] }],
    });
    expect(problems).toEqual([
      { path: 'areas.1.code', key: 'unknownAreaCode', params: { given: '"KZ-47-ZHANAOZN"' } },
      { path: 'area.code', key: 'unknownAreaCode', params: { given: '"XX-1"' } },
      { path: 'intervals.0.areas.1.code', key: 'unknownAreaCode', params: { given: '"KZ-63-SEMEY"' } },
    ]);
  });

  it('accepts codes of both levels and places as text', () => {
    expect(unknownAreaCodes({ areas: [{ code: 'KZ-71' }, { code: 'KZ-47-ZHANAOZEN' }, { place: 'Жанаозен' }], area: { code: 'KZ-62-ZHEZKAZGAN' } })).toEqual([]);
    expect(unknownAreaCodes({})).toEqual([]);
  });
});
