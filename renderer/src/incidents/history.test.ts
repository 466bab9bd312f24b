/** The history says what each revision changed, from what to what, and names keys by the fingerprint ssh-keygen would print. */
import { describe, expect, it } from 'vitest';
import type { SignedRevision } from '../../../shared/model';
import { changedFields, describeHistory, fieldChanges, keyFingerprint, listDelta } from './history';

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
      {
        kind: 'changed',
        changes: [
          { field: 'title', before: 'A', after: 'B' },
          { field: 'tags', before: [], after: ['x'] },
        ],
      },
      { kind: 'retracted', reason: 'Duplicate' },
    ]);
  });

  it('gives each changed field its stored value before and after, in form order', () => {
    const before = { title: 'Cut in Almaty', startedAt: { at: '2022-01-05T16:00+06:00', precision: 'minute' }, operators: ['Kcell'] };
    const after = { operators: ['Kcell', 'Tele2'], title: 'Cut in Almaty', startedAt: { at: '2022-01-05T17:00+06:00', precision: 'hour' }, ongoing: true };
    expect(fieldChanges(before, after)).toEqual([
      { field: 'operators', before: ['Kcell'], after: ['Kcell', 'Tele2'] },
      { field: 'startedAt', before: { at: '2022-01-05T16:00+06:00', precision: 'minute' }, after: { at: '2022-01-05T17:00+06:00', precision: 'hour' } },
      { field: 'ongoing', before: undefined, after: true },
    ]);
  });

  it('compares a later revision with the last one that had content, and each field of another record type', () => {
    const effect = (severity: string, economicLoss?: { amount: number; currency: string }) => ({ severity, category: 'medical_care', ...(economicLoss ? { economicLoss } : {}) });
    const history = [revision(effect('low')), revision(effect('high', { amount: 5000, currency: 'KZT' })), revision(effect('high', { amount: 5000, currency: 'USD' }))];
    expect(describeHistory(history, ['category', 'severity', 'economicLoss'])).toEqual([
      { kind: 'created' },
      { kind: 'changed', changes: [{ field: 'severity', before: 'low', after: 'high' }, { field: 'economicLoss', before: undefined, after: { amount: 5000, currency: 'KZT' } }] },
      { kind: 'changed', changes: [{ field: 'economicLoss', before: { amount: 5000, currency: 'KZT' }, after: { amount: 5000, currency: 'USD' } }] },
    ]);
    expect(describeHistory([revision(effect('low')), revision(effect('low'))], ['severity'])).toEqual([{ kind: 'created' }, { kind: 'changed', changes: [] }]);
  });

  it('names what a list gained and lost, comparing items by value', () => {
    expect(listDelta(['Kcell', 'Beeline'], ['Beeline', 'Tele2'])).toEqual({ added: ['Tele2'], removed: ['Kcell'] });
    expect(listDelta([{ code: 'KZ-75' }, { place: 'Zhanaozen' }], [{ place: 'Zhanaozen' }])).toEqual({ added: [], removed: [{ code: 'KZ-75' }] });
    expect(listDelta(undefined, ['x'])).toEqual({ added: ['x'], removed: [] });
    // A repeated item removed once is removed once.
    expect(listDelta(['a', 'a'], ['a'])).toEqual({ added: [], removed: ['a'] });
    expect(listDelta(['b', 'a'], ['a', 'b'])).toEqual({ added: [], removed: [] });
    expect(listDelta('text', ['x'])).toBeNull();
  });

  it('computes the SHA256 fingerprint of a key the way ssh-keygen prints it', async () => {
    // ssh-keygen -lf prints SHA256 of the key blob, base64 without padding.
    const fingerprint = await keyFingerprint('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA==');
    expect(fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });
});

describe('the revision history after a merge', () => {
  const id = (n: number) => n.toString(16).padStart(64, '0');
  const made = (n: number, data: Record<string, unknown> | null, parents: number[]): SignedRevision => {
    const signed = revision(data);
    return { ...signed, id: id(n), revision: { ...signed.revision, parents: parents.map(id) } };
  };
  const created = made(1, { title: 'Жаңаөзен', summary: 'Интернет өшірілді.' }, []);
  const sideA = made(2, { title: 'Жаңаөзен', summary: 'Интернет пен SMS өшірілді.' }, [1]);
  const sideB = made(3, { title: 'Жанаозен, 4 января', summary: 'Интернет өшірілді.' }, [1]);

  it('compares each side’s edit with its own parent, not with the other side', () => {
    const changes = describeHistory([created, sideA, sideB]);
    expect(changes[2]).toEqual({ kind: 'changed', changes: [{ field: 'title', before: 'Жаңаөзен', after: 'Жанаозен, 4 января' }] });
  });

  it('names a resolution, the version it kept, or what it changed when it kept none as it was', () => {
    const keptB = made(4, { ...sideB.revision.data }, [2, 3]);
    expect(describeHistory([created, sideA, sideB, keptB])[3]).toEqual({ kind: 'resolved', versions: 2, kept: id(3), changes: [] });
    const mixed = made(5, { title: 'Жанаозен, 4 января', summary: 'Интернет пен SMS өшірілді.' }, [2, 3]);
    expect(describeHistory([created, sideA, sideB, mixed])[3]).toEqual({
      kind: 'resolved',
      versions: 2,
      kept: null,
      changes: [{ field: 'title', before: 'Жаңаөзен', after: 'Жанаозен, 4 января' }],
    });
  });

  it('never calls a retraction the kept version, and compares past it with the fields before it', () => {
    const retracted = made(6, null, [2]);
    const restored = made(7, { ...sideA.revision.data }, [6, 3]);
    expect(describeHistory([created, sideA, sideB, retracted, restored])[4]).toEqual({ kind: 'resolved', versions: 2, kept: null, changes: [] });
    const keptB = made(8, { ...sideB.revision.data }, [6, 3]);
    expect(describeHistory([created, sideA, sideB, retracted, keptB])[4]).toEqual({ kind: 'resolved', versions: 2, kept: id(3), changes: [] });
  });
});
