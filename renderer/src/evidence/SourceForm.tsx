/**
 * The source form, new and edit: the statement (kind, title, content,
 * language, when collected, a URL kept as text only), its translations and
 * grade, then the person's consent (required for a testimony), and only then
 * the person's identifying fields in their own fieldset, apart from the
 * statement. For a testimony those fields stay disabled until the person
 * agrees that we keep it: nothing that names them is typed before they say
 * yes. Age group, gender and disability are choices with "prefer not to
 * say"; a value written before the choices is offered as it was, and kept.
 * Checked with the Source schema as the user types.
 */
import { useTranslation } from 'react-i18next';
import { personChoiceFields, personRoles, sourceKinds, type PersonChoiceField, type Source } from '../../../shared/model';
import { emptyGrade } from '../citations/gradeDraft';
import { SourceGradeFieldset } from '../citations/SourceGradeFieldset';
import { ErrorMessage } from '../components/ErrorMessage';
import type { Result } from '../dalel';
import { DraftNotice } from '../drafts/DraftNotice';
import { TimestampField } from '../incidents/form/TimestampField';
import { followSourceOffsets } from './evidenceOffsets';
import { ConsentFieldset } from './ConsentFieldset';
import { anchorOf, errorIdOf, groupByField } from './draftParts';
import { Choices, EvidenceErrorSummary, SelectBox, TextBox } from './EvidenceControls';
import { asksConsent, checkSource, identityLocked, sourceFieldOrder, withoutLockedIdentity, type SourceDraft } from './sourceDraft';
import { translationField } from './translationDraft';
import { TranslationsFieldset } from './TranslationsFieldset';
import { useRecordForm } from '../components/useRecordForm';

interface Props {
  initial: SourceDraft;
  labelledBy: string;
  cancelHref: string;
  save: (data: Source) => Promise<Result<{ recordId: string }>>;
  onSaved: (recordId: string) => void;
}

const form = 'source';
const personText = ['name', 'contact', 'address'] as const;
const personChoices = Object.keys(personChoiceFields) as PersonChoiceField[];

/** A field's place in the error summary: the translations' fields come where their fieldset is, after the statement's. */
function rankOf(field: string): number {
  const translation = translationField(field);
  const order = sourceFieldOrder as readonly string[];
  if (!translation) return order.indexOf(field);
  return order.indexOf('sensitive') + (translation[0] + 1) / 1000;
}

export function SourceForm({ initial, labelledBy, cancelHref, save, onSaved }: Props) {
  const { t } = useTranslation();
  const state = useRecordForm({ initial, check: checkSource, group: groupByField, rank: rankOf, save, onSaved });
  const { draft, messagesFor } = state;
  // A new collection date moves its offset until the person picks one.
  const set = (field: string, change: Partial<SourceDraft>) =>
    state.update(field, (previous) => withoutLockedIdentity(followSourceOffsets({ ...previous, ...change })));
  const setPerson = (field: string, change: Partial<SourceDraft['person']>) =>
    state.update(field, (previous) => ({ ...previous, person: { ...previous.person, ...change } }));
  const setConsent = (field: string, change: Partial<SourceDraft['consent']>) =>
    state.update(field, (previous) => withoutLockedIdentity(followSourceOffsets({ ...previous, consent: { ...previous.consent, ...change } })));
  const label = (field: string) => {
    const translation = translationField(field);
    if (translation) return `${t('evidence:source.translation.legend', { number: translation[0] + 1 })}: ${t(`evidence:source.translation.fields.${translation[1]}`)}`;
    return t(`evidence:source.fields.${field.replace(/^(person|consent)\./, '')}`);
  };
  const engineRejected = state.serverError?.code === 'invalidRecord' && state.entries.length > 0;
  const locked = identityLocked(draft);
  /** The coded answers, then a value written before them, offered as it was so that an edit keeps it. */
  const choiceOptions = (field: PersonChoiceField, current: string) => [
    ...personChoiceFields[field].map((value) => ({ value, label: t(`taxonomy:${field}.${value}`) })),
    ...(current && !(personChoiceFields[field] as readonly string[]).includes(current) ? [{ value: current, label: t('evidence:source.identity.legacy', { value: current }) }] : []),
  ];

  return (
    <form className="incident-form evidence-form" aria-labelledby={labelledBy} noValidate onSubmit={(event) => (event.preventDefault(), void state.submit())}>
      <DraftNotice notice={state.draftNotice} />
      <EvidenceErrorSummary ref={state.summaryRef} form={form} intro={engineRejected ? t('errors:invalidRecord') : null} entries={state.entries} labelOf={label} />
      {!engineRejected && <ErrorMessage error={state.serverError} />}
      <p className="hint">{t('incidents:form.requiredNote')}</p>
      <fieldset className="form-section">
        <legend>{t('evidence:source.sections.statement')}</legend>
        <SelectBox
          form={form}
          field="kind"
          label={label('kind')}
          required
          value={draft.kind}
          emptyLabel={t('evidence:form.choose')}
          options={sourceKinds.map((value) => ({ value, label: t(`taxonomy:sourceKind.${value}`) }))}
          onChange={(kind) => set('kind', { kind: kind as SourceDraft['kind'] })}
          messages={messagesFor('kind')}
        />
        <TextBox form={form} field="title" label={label('title')} required value={draft.title} onChange={(title) => set('title', { title })} messages={messagesFor('title')} />
        <TextBox form={form} field="content" label={label('content')} multiline value={draft.content} onChange={(content) => set('content', { content })} messages={messagesFor('content')} />
        <TextBox form={form} field="language" label={label('language')} hint={t('evidence:source.languageHint')} value={draft.language} onChange={(language) => set('language', { language })} messages={messagesFor('language')} />
        <TimestampField
          field="collectedAt"
          ids={{ base: `${form}-collectedAt`, anchor: anchorOf(form, 'collectedAt'), error: errorIdOf(form, 'collectedAt') }}
          legend={label('collectedAt')}
          value={draft.collectedAt}
          onChange={(collectedAt) => set('collectedAt', { collectedAt })}
          messages={messagesFor('collectedAt')}
        />
        <TextBox form={form} field="url" label={label('url')} hint={t('evidence:source.urlHint')} value={draft.url} onChange={(url) => set('url', { url })} messages={messagesFor('url')} />
        <Choices
          form={form}
          field="sensitive"
          type="checkbox"
          label={t('evidence:source.sensitiveLegend')}
          options={[{ value: 'sensitive', label: label('sensitive') }]}
          selected={draft.sensitive ? ['sensitive'] : []}
          onChange={(values) => set('sensitive', { sensitive: values.length > 0 })}
          messages={messagesFor('sensitive')}
        />
      </fieldset>
      <TranslationsFieldset form={form} translations={draft.translations} onChange={(field, translations) => set(field, { translations })} messagesFor={messagesFor} />
      <SourceGradeFieldset form={form} grade={draft.grade ?? emptyGrade()} onChange={(grade) => set('grade', { grade })} messages={messagesFor('grade')} />
      <ConsentFieldset form={form} consent={draft.consent} required={draft.kind === 'testimony'} onChange={setConsent} messagesFor={messagesFor} />
      {/* SECURITY: nothing that identifies the person can be typed before they agree that we keep their testimony. */}
      <fieldset className="form-section person-fieldset" disabled={locked} aria-describedby={locked ? 'source-person-locked' : undefined}>
        <legend>{t('evidence:source.sections.person')}</legend>
        {locked && (
          <p className="notice" id="source-person-locked">
            {t('evidence:source.identity.locked')}
          </p>
        )}
        <p className="hint">{t('evidence:source.personHint')}</p>
        {personText.map((field) => (
          <TextBox key={field} form={form} field={`person.${field}`} label={label(field)} value={draft.person[field]} onChange={(value) => setPerson(`person.${field}`, { [field]: value })} messages={messagesFor(`person.${field}`)} />
        ))}
        <SelectBox
          form={form}
          field="person.role"
          label={label('role')}
          value={draft.person.role}
          emptyLabel={t('evidence:form.choose')}
          options={personRoles.map((value) => ({ value, label: t(`taxonomy:personRole.${value}`) }))}
          onChange={(role) => setPerson('person.role', { role: role as SourceDraft['person']['role'] })}
          messages={messagesFor('person.role')}
        />
        {personChoices.map((field) => (
          <SelectBox
            key={field}
            form={form}
            field={`person.${field}`}
            label={label(field)}
            value={draft.person[field]}
            emptyLabel={t('evidence:form.choose')}
            options={choiceOptions(field, draft.person[field])}
            onChange={(value) => setPerson(`person.${field}`, { [field]: value })}
            messages={messagesFor(`person.${field}`)}
          />
        ))}
      </fieldset>
      {asksConsent(draft) && messagesFor('consent').length > 0 && <p className="field-error">{messagesFor('consent').join(' ')}</p>}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={state.saving}>
          {state.saving ? t('incidents:form.saving') : t('common:actions.save')}
        </button>
        <a className="button" href={cancelHref}>
          {t('common:actions.cancel')}
        </a>
        <p className="hint">{t('incidents:form.saveShortcut')}</p>
      </div>
    </form>
  );
}
