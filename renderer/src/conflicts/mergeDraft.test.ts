/**
 * The edited merge's start and result: agreed fields as they are, differing
 * texts prefilled with version 1's words and written over, other fields
 * chosen whole from a version, an emptied text left out, and no merge
 * offered when a version retracted the record.
 */
import { describe, expect, it } from 'vitest';
import type { SignedRevision } from '../../../shared/model';
import { mergedData, startMerge } from './mergeDraft';

const version = (id: string, data: Record<string, unknown> | null): SignedRevision =>
  ({ id, signature: '', revision: { format: 2, recordId: 'r', type: 'incident', parents: [], author: 'ssh-ed25519 AAAA', createdAt: '2026-01-01T00:00:00Z', data } }) as unknown as SignedRevision;

const order = ['title', 'summary', 'kinds', 'scope'];
const one = { title: 'Almaty', summary: 'Mobile data cut on 4 January.', kinds: ['mobile_data'], scope: 'city' };
const two = { title: 'Almaty', summary: 'Mobile data cut on 5 January; SMS down.', kinds: ['mobile_data', 'sms'], scope: 'city' };

describe('an edited merge', () => {
  it('starts from what both agree on, and version 1 where they differ', () => {
    const draft = startMerge([version('a', one), version('b', two)], order)!;
    expect([...draft.choices]).toEqual([
      ['summary', { kind: 'text', text: one.summary }],
      ['kinds', { kind: 'version', index: 0 }],
    ]);
    expect(mergedData(draft)).toEqual(one);
  });

  it('gives the written text and the chosen values, keeping what both agree on', () => {
    const draft = startMerge([version('a', one), version('b', two)], order)!;
    draft.choices.set('summary', { kind: 'text', text: 'Mobile data cut on 4 January; SMS down.' });
    draft.choices.set('kinds', { kind: 'version', index: 1 });
    expect(mergedData(draft)).toEqual({ ...one, summary: 'Mobile data cut on 4 January; SMS down.', kinds: ['mobile_data', 'sms'] });
  });

  it('leaves out a text emptied, or a field chosen from a version that lacks it', () => {
    const draft = startMerge([version('a', { ...one, pattern: { kind: 'continuous' } }), version('b', one)], [...order, 'pattern'])!;
    draft.choices.set('summary', { kind: 'text', text: '' });
    draft.choices.set('pattern', { kind: 'version', index: 1 });
    expect(mergedData(draft)).not.toHaveProperty('pattern');
  });

  it('is not offered when a version retracted the record', () => {
    expect(startMerge([version('a', one), version('b', null)], order)).toBeNull();
  });
});
