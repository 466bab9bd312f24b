import { describe, expect, it } from 'vitest';
import { Submission } from '../../../shared/model';
import { draftProblems, emptyDraft, submissionOf, type PrefilledText } from './submissionDraft';

const defaults = (field: PrefilledText) => `default ${field}`;

describe('a submission drafted on the export screen', () => {
  it('asks for the submitter, who declares, the date and the declaration before it can go', () => {
    expect(draftProblems(emptyDraft('2026-12-07'), defaults)).toEqual(['name', 'by']);
    const cleared = { ...emptyDraft('not a date'), name: 'Бюро', by: 'Ержан', edited: { declaration: '  ' } };
    expect(draftProblems(cleared, defaults)).toEqual(['date', 'declaration']);
  });

  it('sends untouched texts as their defaults, edited ones as written, and parses as the bundle\'s schema', () => {
    const draft = { ...emptyDraft('2026-12-07'), kind: 'organization' as const, name: ' Бюро ', by: 'Ержан', edited: { limits: '', definition: 'Менің анықтамам' } };
    const submission = Submission.parse(submissionOf(draft, defaults));
    expect(submission).toEqual({
      submitter: { kind: 'organization', name: 'Бюро', contact: '' },
      declaration: { by: 'Ержан', date: '2026-12-07', text: 'default declaration' },
      methodology: { collection: 'default collection', definition: 'Менің анықтамам', verification: 'default verification', limits: '' },
      remedies: '',
    });
  });
});
