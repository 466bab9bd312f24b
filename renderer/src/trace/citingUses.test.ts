/** A source's page: every record resting on it, once each, incidents first, with its citations of the source. */
import { describe, expect, it } from 'vitest';
import { sourceUses } from './citingUses';

const id = (n: number) => `0b9e5f3c-4f8e-4b8a-9c1e-2d7f3a6b5c4${n}`;

describe('sourceUses', () => {
  it('groups citations by record, keeps records that only list the source, and leaves links out', () => {
    const uses = sourceUses([
      { recordId: id(1), type: 'effect', title: 'banking_payments', via: 'citation', field: 'severity', stance: 'contradicts' },
      { recordId: id(2), type: 'intervention', title: 'Appeal', via: 'source' },
      { recordId: id(3), type: 'incident', title: 'Almaty', via: 'citation', field: 'summary', stance: 'supports', locator: 'p. 2' },
      { recordId: id(3), type: 'incident', title: 'Almaty', via: 'citation', field: 'legalCitations/1', stance: 'supports' },
      { recordId: id(4), type: 'incident', title: 'Aktau', via: 'link', kind: 'same_as' },
    ]);
    expect(uses).toEqual([
      {
        recordId: id(3),
        type: 'incident',
        title: 'Almaty',
        citations: [
          { field: 'summary', stance: 'supports', locator: 'p. 2' },
          { field: 'legalCitations/1', stance: 'supports', locator: '' },
        ],
      },
      { recordId: id(1), type: 'effect', title: 'banking_payments', citations: [{ field: 'severity', stance: 'contradicts', locator: '' }] },
      { recordId: id(2), type: 'intervention', title: 'Appeal', citations: [] },
    ]);
  });
});
