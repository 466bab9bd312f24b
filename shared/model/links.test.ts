import { describe, expect, it } from 'vitest';
import { linksTo, shutdownGroups } from './links';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

describe('links between incidents', () => {
  it('join incidents linked in either direction, through chains, into one shutdown', () => {
    const incidents = [
      { recordId: id(1) },
      { recordId: id(2), links: [{ kind: 'same_as' as const, incident: id(1) }] },
      { recordId: id(3), links: [{ kind: 'part_of' as const, incident: id(2) }] },
      { recordId: id(4) },
      { recordId: id(5), links: [{ kind: 'continues_as' as const, incident: id(9) }] },
    ];
    expect(shutdownGroups(incidents)).toEqual([[id(1), id(2), id(3)], [id(4)], [id(5)]]);
  });

  it('stay one group whichever side holds the link, and through a cycle', () => {
    const incidents = [
      { recordId: id(1), links: [{ kind: 'same_as' as const, incident: id(2) }] },
      { recordId: id(2), links: [{ kind: 'same_as' as const, incident: id(1) }] },
    ];
    expect(shutdownGroups(incidents)).toEqual([[id(1), id(2)]]);
  });

  it('show on the other side as links from', () => {
    const incidents = [{ recordId: id(1) }, { recordId: id(2), links: [{ kind: 'part_of' as const, incident: id(1) }] }];
    expect(linksTo(id(1), incidents)).toEqual([{ from: id(2), kind: 'part_of' }]);
    expect(linksTo(id(2), incidents)).toEqual([]);
  });
});
