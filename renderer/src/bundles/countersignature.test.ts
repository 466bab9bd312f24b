import { describe, expect, it } from 'vitest';
import { anchoringOf } from './countersignature';

describe('anchoringOf', () => {
  it('says a certificate chains only when the check found it does, and tells "none given" from "not chained"', () => {
    expect(anchoringOf({ anchored: true })).toBe('anchored');
    expect(anchoringOf({ anchored: false })).toBe('notAnchored');
    expect(anchoringOf({ anchored: null })).toBe('noAnchors');
  });
});
