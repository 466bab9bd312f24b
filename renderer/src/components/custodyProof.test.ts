import { describe, expect, it } from 'vitest';
import { anchorError, anchorRequestName, anchorStanding, coveringAnchor, unavailableBecause, type AnchorStanding, type ListedAnchor } from './custodyProof';

const hash = 'a'.repeat(64);
const stamp = (time: string) => ({ time, authority: 'CN=Dalel Test TSA', serial: '01', policy: '1.3.6.1.4.1.99999.1', anchored: null });
const holds = (seq: number, time: string): AnchorStanding => ({ seq, holds: true, time, authority: 'CN=Dalel Test TSA', anchored: null });

describe('the custody log’s proof of time', () => {
  it('proposes a request file named for the local date', () => {
    expect(anchorRequestName(new Date(2022, 0, 5, 23, 30))).toBe('dalel-custody-2022-01-05.tsq');
  });

  it('shows a proof that checks with the authority’s time and name, and one that does not with its reason', () => {
    const good: ListedAnchor = { seq: 4, hash, timestamp: stamp('2022-01-05T10:00:00.000Z') };
    expect(anchorStanding(good)).toEqual({ seq: 4, holds: true, time: '2022-01-05T10:00:00.000Z', authority: 'CN=Dalel Test TSA', anchored: null });
    expect(anchorStanding({ seq: 2, hash, problem: 'lineChanged' })).toEqual({ seq: 2, holds: false, problem: 'lineChanged' });
    // A token that reads but names a problem vouches for nothing.
    expect(anchorStanding({ seq: 3, hash, timestamp: stamp('2022-01-05T10:00:00.000Z'), problem: 'signatureInvalid' })).toEqual({
      seq: 3,
      holds: false,
      problem: 'signatureInvalid',
    });
  });

  it('names the earliest proof that holds for the record’s last line or a later one', () => {
    const anchors: AnchorStanding[] = [holds(2, '2022-01-05T10:00:00Z'), { seq: 6, holds: false, problem: 'lineChanged' }, holds(8, '2022-01-06T10:00:00Z'), holds(9, '2022-01-07T10:00:00Z')];
    expect(coveringAnchor(anchors, 2)?.seq).toBe(2);
    // Line 6's proof does not hold, so line 5's record is bounded by the proof of line 8.
    expect(coveringAnchor(anchors, 5)?.seq).toBe(8);
    expect(coveringAnchor(anchors, 10)).toBeNull();
    expect(coveringAnchor([], 0)).toBeNull();
  });

  it('explains a locked archive, and one whose folder cannot be written when an answer is kept', () => {
    expect(unavailableBecause({ code: 'noArchive' }, 'list')).toBe('locked');
    expect(unavailableBecause({ code: 'noArchive' }, 'add')).toBe('locked');
    expect(unavailableBecause({ code: 'permissionDenied', params: { path: '/media/usb/archive' } }, 'add')).toBe('readOnly');
    // The request is written where the person chose: that folder's refusal is an ordinary error.
    expect(unavailableBecause({ code: 'permissionDenied', params: { path: '/media/usb/x.tsq' } }, 'request')).toBeNull();
    expect(unavailableBecause({ code: 'anchorNotForLog' }, 'add')).toBeNull();
  });

  it('speaks of the log, not of a bundle, when an answer stamps other data', () => {
    expect(anchorError({ code: 'timeStampNotForBundle' })).toEqual({ code: 'anchorNotForLog' });
    expect(anchorError({ code: 'timeStampNotGranted' })).toEqual({ code: 'timeStampNotGranted' });
  });
});
