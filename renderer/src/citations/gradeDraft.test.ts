/** A source's grade on its form: saved when it says something, left out when it says nothing, and read back unchanged. */
import { describe, expect, it } from 'vitest';
import { Source } from '../../../shared/model';
import { emptyGrade, gradeDraftOf, gradeInputOf } from './gradeDraft';

const document = { kind: 'document', title: 'Letter of the akimat' };

describe('the grade draft', () => {
  it('leaves an untouched grade out, so an ungraded source stays as it was', () => {
    expect(gradeInputOf(emptyGrade())).toEqual({});
    expect(gradeInputOf(undefined)).toEqual({});
  });

  it('saves what was chosen, valid for the Source schema, and reads it back the same', () => {
    const input = gradeInputOf({ ...emptyGrade(), reliability: 'B', access: 'hearsay', verification: 'Compared with the operator\'s notice.' });
    const parsed = Source.parse({ ...document, ...input });
    expect(parsed.grade).toEqual({ reliability: 'B', access: 'hearsay', verification: 'Compared with the operator\'s notice.' });
    expect(gradeInputOf(gradeDraftOf(parsed.grade))).toEqual(input);
  });

  it('keeps a grade of credibility alone', () => {
    expect(Source.parse({ ...document, ...gradeInputOf({ ...emptyGrade(), credibility: '6' }) }).grade).toEqual({ credibility: '6', access: 'unknown', verification: '' });
  });
});
