// Every record form's screen keeps its draft under a key the engine accepts, one key per form and record; no other screen keeps one.
import { describe, expect, it } from 'vitest';
import { DraftKey } from '../../../shared/ipc';
import { parseRoute } from '../router';
import { draftTarget } from './useFormDraft';

const id = '8f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

describe('draftTarget', () => {
  it('names each form by its screen and record, as the contract accepts', () => {
    const forms: [string, string, string | undefined][] = [
      ['#/new', 'new', undefined],
      [`#/incident/${id}/edit`, `edit:${id}`, id],
      [`#/incident/${id}/effects/new`, `newEffect:${id}`, undefined],
      [`#/effect/${id}/edit`, `editEffect:${id}`, id],
      [`#/incident/${id}/sources/new`, `newSource:${id}`, undefined],
      [`#/source/${id}/edit`, `editSource:${id}`, id],
      [`#/incident/${id}/interventions/new`, `newIntervention:${id}`, undefined],
      [`#/intervention/${id}/edit`, `editIntervention:${id}`, id],
    ];
    for (const [href, key, recordId] of forms) {
      expect(draftTarget(parseRoute(href)), href).toEqual(recordId ? { key, recordId } : { key });
      expect(DraftKey.safeParse(key).success, key).toBe(true);
    }
  });

  it('keeps none for a screen that is not a form', () => {
    for (const href of ['#/', '#/settings', `#/incident/${id}`, `#/source/${id}`, '#/export']) expect(draftTarget(parseRoute(href)), href).toBeNull();
  });
});
