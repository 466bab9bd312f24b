/**
 * The effect form, new and edit: what the shutdown did to people, how badly,
 * to how many and whom, where and when, what it cost, and which sources say
 * so (chosen from the archive's sources). The incident is fixed by the page
 * it was opened from. Checked with the Effect schema as the user types.
 */
import { useTranslation } from 'react-i18next';
import { affectedGroups, effectCategories, severities, type Area, type Effect } from '../../../shared/model';
import { CitationsFieldset } from '../citations/CitationsFieldset';
import { ErrorMessage } from '../components/ErrorMessage';
import type { Result } from '../dalel';
import { DraftNotice } from '../drafts/DraftNotice';
import { currentLanguage } from '../i18n';
import { TimestampField } from '../incidents/form/TimestampField';
import { mapDay, placeChoices } from '../incidents/form/placeChoices';
import { PlaceSuggestions } from '../incidents/form/PlaceSuggestions';
import { anchorOf, errorIdOf, groupByField } from './draftParts';
import { followEffectOffsets } from './evidenceOffsets';
import { checkEffect, effectFieldOrder, effectInputOf, type EffectDraft, type PeopleMode } from './effectDraft';
import { Choices, EvidenceErrorSummary, SelectBox, TextBox } from './EvidenceControls';
import type { SourceRow } from './evidenceRecords';
import { useRecordForm } from '../components/useRecordForm';

interface Props {
  initial: EffectDraft;
  labelledBy: string;
  cancelHref: string;
  sources: readonly SourceRow[];
  /** The incident's areas: the default offset of an effect that names no area of its own. */
  incidentAreas?: readonly Area[];
  save: (data: Effect) => Promise<Result<{ recordId: string }>>;
  onSaved: (recordId: string) => void;
}

const form = 'effect';

export function EffectForm({ initial, labelledBy, cancelHref, sources, incidentAreas = [], save, onSaved }: Props) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const state = useRecordForm({ initial, check: checkEffect, group: groupByField, rank: (field: string) => (effectFieldOrder as readonly string[]).indexOf(field), save, onSaved });
  const { draft, messagesFor } = state;
  // A new date or area moves the offsets the person has not chosen.
  const set = (field: string, change: Partial<EffectDraft>) => state.update(field, (previous) => followEffectOffsets({ ...previous, ...change }, incidentAreas));
  const label = (field: string) => t(`evidence:effect.fields.${field}`);
  const engineRejected = state.serverError?.code === 'invalidRecord' && state.entries.length > 0;
  const timeIds = (field: string) => ({ base: `${form}-${field}`, anchor: anchorOf(form, field), error: errorIdOf(form, field) });

  return (
    <form className="incident-form evidence-form" aria-labelledby={labelledBy} noValidate onSubmit={(event) => (event.preventDefault(), void state.submit())}>
      <DraftNotice notice={state.draftNotice} />
      <EvidenceErrorSummary ref={state.summaryRef} form={form} intro={engineRejected ? t('errors:invalidRecord') : null} entries={state.entries} labelOf={label} />
      {!engineRejected && <ErrorMessage error={state.serverError} />}
      <p className="hint">{t('incidents:form.requiredNote')}</p>
      <fieldset className="form-section">
        <legend>{t('evidence:effect.sections.what')}</legend>
        <SelectBox
          form={form}
          field="category"
          label={label('category')}
          required
          value={draft.category}
          emptyLabel={t('evidence:form.choose')}
          options={effectCategories.map((value) => ({ value, label: t(`taxonomy:category.${value}`) }))}
          onChange={(value) => set('category', { category: value as EffectDraft['category'] })}
          messages={messagesFor('category')}
        />
        <Choices
          form={form}
          field="severity"
          type="radio"
          label={label('severity')}
          required
          options={severities.map((value) => ({ value, label: t(`taxonomy:severity.${value}`) }))}
          selected={draft.severity}
          onChange={(value) => set('severity', { severity: value as EffectDraft['severity'] })}
          messages={messagesFor('severity')}
        />
        <TextBox form={form} field="description" label={label('description')} hint={t('evidence:effect.descriptionHint')} multiline value={draft.description} onChange={(description) => set('description', { description })} messages={messagesFor('description')} />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('evidence:effect.sections.who')}</legend>
        <Choices
          form={form}
          field="peopleAffected"
          type="radio"
          label={label('peopleAffected')}
          options={(['unknown', 'exact', 'estimate'] as const).map((value) => ({
            value,
            label: value === 'unknown' ? t('evidence:effect.peopleUnknown') : t(`taxonomy:countPrecision.${value}`),
          }))}
          selected={draft.peopleMode}
          onChange={(value) => set('peopleAffected', { peopleMode: value as PeopleMode })}
          messages={messagesFor('peopleAffected')}
        >
          {draft.peopleMode !== 'unknown' && (
            <TextBox form={form} field="peopleCount" label={t('evidence:effect.peopleCount')} inputMode="numeric" value={draft.peopleCount} onChange={(peopleCount) => set('peopleAffected', { peopleCount })} messages={[]} />
          )}
        </Choices>
        <Choices
          form={form}
          field="groups"
          type="checkbox"
          label={label('groups')}
          options={affectedGroups.map((value) => ({ value, label: t(`taxonomy:group.${value}`) }))}
          selected={draft.groups}
          onChange={(groups) => set('groups', { groups: groups as EffectDraft['groups'] })}
          messages={messagesFor('groups')}
        />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('evidence:effect.sections.whereWhen')}</legend>
        <SelectBox
          form={form}
          field="area"
          label={label('area')}
          value={draft.areaCode}
          emptyLabel={t('evidence:effect.areaNone')}
          // The map of the day it happened, its cities and districts after the regions (./placeChoices.ts).
          options={Object.values(placeChoices('KZ', draft.occurredAt.date, draft.areaCode ? [draft.areaCode] : [], lng, t)).flat()}
          onChange={(areaCode) => set('area', { areaCode })}
          messages={messagesFor('area')}
        />
        <TextBox form={form} field="place" label={t('evidence:effect.place')} hint={t('evidence:effect.placeHint')} value={draft.place} onChange={(place) => set('area', { place })} messages={[]} />
        <PlaceSuggestions id="effect-place-suggestions" country="KZ" day={mapDay(draft.occurredAt.date)} texts={draft.areaCode ? [] : [draft.place]} chosen={[draft.areaCode]} onChoose={(_text, areaCode) => set('area', { areaCode, place: '' })} />
        <TimestampField field="occurredAt" ids={timeIds('occurredAt')} legend={label('occurredAt')} value={draft.occurredAt} onChange={(occurredAt) => set('occurredAt', { occurredAt })} messages={messagesFor('occurredAt')} />
        <TimestampField field="endedAt" ids={timeIds('endedAt')} legend={label('endedAt')} value={draft.endedAt} onChange={(endedAt) => set('endedAt', { endedAt })} messages={messagesFor('endedAt')} />
      </fieldset>
      <fieldset className="form-section">
        <legend>{label('economicLoss')}</legend>
        <TextBox form={form} field="economicLoss" label={t('evidence:effect.lossAmount')} inputMode="decimal" value={draft.lossAmount} onChange={(lossAmount) => set('economicLoss', { lossAmount })} messages={messagesFor('economicLoss')} />
        <TextBox form={form} field="currency" label={t('evidence:effect.currency')} hint={t('evidence:effect.currencyHint')} value={draft.lossCurrency} onChange={(lossCurrency) => set('economicLoss', { lossCurrency })} messages={[]} />
      </fieldset>
      <Choices
        form={form}
        field="sources"
        type="checkbox"
        label={label('sources')}
        hint={sources.length === 0 ? t('evidence:effect.noSourcesYet') : t('evidence:effect.sourcesHint')}
        options={sources.map((row) => ({ value: row.summary.recordId, label: `${row.source.title} (${t(`taxonomy:sourceKind.${row.source.kind}`)})` }))}
        selected={draft.sources}
        onChange={(chosen) => set('sources', { sources: chosen })}
        messages={messagesFor('sources')}
      />
      <CitationsFieldset
        form="effect"
        anchorId={anchorOf(form, 'citations')}
        record={effectInputOf(draft) as Record<string, unknown>}
        rows={draft.citations ?? []}
        recordSources={draft.sources}
        sources={sources}
        onChange={(citations, chosen) => set('citations', { citations, sources: chosen })}
        messages={messagesFor('citations')}
      />
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
