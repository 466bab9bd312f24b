/** The conflict screen shows every version, oldest first, and says exactly which fields differ; it picks none. */
import { describe, expect, it } from 'vitest';
import type { RecordSummary } from '../../../shared/ipc';
import type { SignedRevision } from '../../../shared/model';
import { conflictVersions, differingFields, recordName, versionFields } from './conflictVersions';

const id = (n: number) => n.toString(16).padStart(64, '0');
const revision = (n: number, createdAt: string, data: Record<string, unknown> | null, parents: string[] = []): SignedRevision => ({
  id: id(n),
  signature: 'AA==',
  revision: {
    format: 1,
    recordId: '0b7e6f53-5d0e-4d8b-9a51-3f1f1f9d3c11',
    type: 'incident',
    parents,
    author: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA==',
    createdAt,
    data,
  },
});

const base = { title: 'Жаңаөзен', summary: 'Интернет өшірілді.', kinds: ['full_network'], tags: [] };
const first = revision(1, '2022-01-05T10:00:00.000Z', base);
const byB = revision(3, '2022-01-06T09:00:00.000Z', { ...base, summary: 'Интернет и связь отключены.', ongoing: true }, [id(1)]);
const byA = revision(2, '2022-01-06T08:00:00.000Z', { ...base, summary: 'Интернет өшірілді, SMS жоқ.' }, [id(1)]);

describe('the versions of a record in conflict', () => {
  it('are its heads, oldest first, whatever order the history lists them in', () => {
    const summary = { heads: [id(3), id(2)] } as RecordSummary;
    expect(conflictVersions({ summary, history: [first, byB, byA] }).map((signed) => signed.id)).toEqual([id(2), id(3)]);
  });

  it('show the fields any version fills, in form order, then unknown ones', () => {
    const newer = revision(4, '2022-01-07T08:00:00.000Z', { ...base, witnessCount: 3 });
    expect(versionFields([byA, byB, newer], ['title', 'summary', 'ongoing', 'kinds', 'tags'])).toEqual(['title', 'summary', 'ongoing', 'kinds', 'witnessCount']);
  });

  it('name exactly the fields that differ between versions', () => {
    const fields = ['title', 'summary', 'ongoing', 'kinds'];
    expect(differingFields([byA, byB], fields)).toEqual(['summary', 'ongoing']);
    expect(differingFields([byA, revision(5, '2022-01-06T08:00:00.000Z', { ...byA.revision.data })], fields)).toEqual([]);
    // A retraction has no fields to compare; the other version's fields alone differ from nothing.
    expect(differingFields([byA, revision(6, '2022-01-06T08:00:00.000Z', null)], fields)).toEqual([]);
  });

  it('are named in a list by title, or an effect by its category and first line', () => {
    expect(recordName({ type: 'incident', data: base })).toEqual({ title: 'Жаңаөзен', category: null });
    expect(recordName({ type: 'effect', data: { category: 'medical_care', description: 'Дәріхана жабық.\nЕкінші жол' } })).toEqual({
      title: 'Дәріхана жабық.',
      category: 'medical_care',
    });
    expect(recordName({ type: 'source', data: null })).toEqual({ title: null, category: null });
  });
});
