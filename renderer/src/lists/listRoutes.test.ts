/** The lists' addresses are real links: each route and its query survive a round trip through the hash. */
import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute } from '../router';

describe('list routes', () => {
  it('carry the query of the incidents, effects and sources lists', () => {
    expect(parseRoute('#/?q=kcell&kind=full_network')).toEqual({ screen: 'list', query: 'q=kcell&kind=full_network' });
    expect(parseRoute('#/')).toEqual({ screen: 'list', query: '' });
    expect(parseRoute('')).toEqual({ screen: 'list', query: '' });
    expect(parseRoute('#/effects?category=medical_care&area=KZ-75')).toEqual({ screen: 'effects', query: 'category=medical_care&area=KZ-75' });
    expect(parseRoute('#/sources')).toEqual({ screen: 'sources', query: '' });
    // A "?" inside a search word stays in the query.
    expect(parseRoute('#/sources?q=why%3F?')).toEqual({ screen: 'sources', query: 'q=why%3F?' });
  });

  it('write the same addresses back', () => {
    expect(hrefOf({ screen: 'list' })).toBe('#/');
    expect(hrefOf({ screen: 'list', query: 'kind=full_network' })).toBe('#/?kind=full_network');
    expect(hrefOf({ screen: 'effects', query: 'severity=critical' })).toBe('#/effects?severity=critical');
    expect(hrefOf({ screen: 'sources', query: '' })).toBe('#/sources');
  });

  it('leave the other screens as they were', () => {
    expect(parseRoute('#/settings')).toEqual({ screen: 'settings' });
    expect(parseRoute('#/incident/00000000-0000-4000-8000-000000000001')).toEqual({ screen: 'incident', recordId: '00000000-0000-4000-8000-000000000001' });
  });
});
