/** The history says what each revision changed, and names keys by the fingerprint ssh-keygen would print. */
import { describe, expect, it } from 'vitest';
import type { SignedRevision } from '../../../shared/model';
import { changedFields, describeHistory, keyFingerprint } from './history';

const revision = (data: Record<string, unknown> | null, reason?: string): SignedRevision => ({
  id: 'a'.repeat(64),
  signature: 'AA==',
  revision: {
    format: 1,
    recordId: '0b7e6f53-5d0e-4d8b-9a51-3f1f1f9d3c11',
    type: 'incident',
    parents: [],
    author: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA==',
    createdAt: '2022-01-05T10:00:00.000Z',
    data,
    ...(reason === undefined ? {} : { retraction: { reason } }),
  },
});

describe('the revision history', () => {
  it('names the fields each revision changed, ignoring key order', () => {
    const first = { title: 'A', pattern: { kind: 'continuous', description: '' }, tags: [] };
    const second = { title: 'B', pattern: { description: '', kind: 'continuous' }, tags: ['x'] };
    expect(changedFields(first, second)).toEqual(['title', 'tags']);
    expect(describeHistory([revision(first), revision(second), revision(null, 'Duplicate')])).toEqual([
      { kind: 'created' },
      { kind: 'changed', fields: ['title', 'tags'] },
      { kind: 'retracted', reason: 'Duplicate' },
    ]);
  });

  it('computes the SHA256 fingerprint of a key the way ssh-keygen prints it', async () => {
    // ssh-keygen -lf prints SHA256 of the key blob, base64 without padding.
    const fingerprint = await keyFingerprint('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA==');
    expect(fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });
});
