/** "Cited for" on a source's page: the records whose claims cite it, with only their citations of it. */
import { describe, expect, it } from 'vitest';
import { citedFor } from './citedFor';

const letter = '0b9e5f3c-4f8e-4b8a-9c1e-2d7f3a6b5c4d';
const other = '1c9e5f3c-4f8e-4b8a-9c1e-2d7f3a6b5c4d';

describe('citedFor', () => {
  it('lists each record that cites the source, with its citations of it alone', () => {
    const uses = citedFor(letter, [
      { recordId: 'i1', type: 'incident', name: 'Zhanaozen', citations: [{ field: 'acknowledged', source: letter, stance: 'supports', locator: 'p. 2' }, { field: 'scope', source: other, stance: 'supports', locator: '' }] },
      { recordId: 'i2', type: 'incident', name: 'Aktau', citations: [{ field: 'scope', source: other, stance: 'contradicts', locator: '' }] },
      { recordId: 'e1', type: 'effect', name: 'Banking', citations: undefined },
      { recordId: 'e2', type: 'effect', name: 'Medical care', citations: [{ field: 'severity', source: letter, stance: 'contradicts', locator: '' }] },
    ]);
    expect(uses).toEqual([
      { recordId: 'i1', type: 'incident', name: 'Zhanaozen', citations: [{ field: 'acknowledged', source: letter, stance: 'supports', locator: 'p. 2' }] },
      { recordId: 'e2', type: 'effect', name: 'Medical care', citations: [{ field: 'severity', source: letter, stance: 'contradicts', locator: '' }] },
    ]);
  });
});
