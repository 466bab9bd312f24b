/**
 * SECURITY: a "No" to keeping the testimony keeps nothing that identifies
 * the person — not in the form's state (and so not in its sealed draft),
 * not in what the form would hand the engine — even when the name was typed
 * after a "Yes" that was then taken back, or the kind was switched back.
 */
import { describe, expect, it } from 'vitest';
import { emptySourceDraft, sourceInputOf, withoutLockedIdentity, type SourceDraft } from './sourceDraft';

const typed = (draft: SourceDraft): SourceDraft => ({
  ...draft,
  kind: 'testimony',
  title: 'Testimony, Zhanaozen',
  person: { ...draft.person, name: 'Айгүл Сейітова', contact: '+7 701 555 12 34', address: 'Мұнайшы көшесі 7', role: 'witness', gender: 'female' },
  consent: { ...draft.consent, keep: 'yes' },
});

describe('SECURITY: identifying fields once consent to keep is No', () => {
  it('are emptied when "Yes" is changed to "No", and never reach the engine', () => {
    const said = typed(emptySourceDraft());
    expect(withoutLockedIdentity(said)).toBe(said);
    const no: SourceDraft = { ...said, consent: { ...said.consent, keep: 'no' } };
    const kept = withoutLockedIdentity(no);
    expect(JSON.stringify(kept)).not.toMatch(/Айгүл|555|Мұнайшы|female/);
    // A draft restored with the answers and a "No" (an older draft) still hands the engine no person.
    expect(sourceInputOf(no)).not.toHaveProperty('person');
  });

  it('are emptied when a testimony with no answer yet loses its kind', () => {
    const said = typed(emptySourceDraft());
    const unanswered: SourceDraft = { ...said, kind: '', consent: { ...said.consent, keep: '' } };
    expect(JSON.stringify(withoutLockedIdentity(unanswered))).not.toContain('Айгүл');
  });
});
