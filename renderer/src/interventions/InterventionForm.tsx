/**
 * The intervention form, new and edit: what was filed (kind, title, the
 * body it went to and its reference), when it was filed and decided and
 * with what outcome, a summary, the incidents it is about (at least one,
 * chosen from the archive's incidents) and the sources that show it.
 * Checked with the Intervention schema as the user types.
 */
import { useTranslation } from 'react-i18next';
import { interventionKinds, interventionOutcomes, type Area, type Intervention } from '../../../shared/model';
import { ErrorMessage } from '../components/ErrorMessage';
import { useRecordForm } from '../components/useRecordForm';
import type { Result } from '../dalel';
import { DraftNotice } from '../drafts/DraftNotice';
import { anchorOf, errorIdOf, groupByField } from '../evidence/draftParts';
import { Choices, EvidenceErrorSummary, SelectBox, TextBox } from '../evidence/EvidenceControls';
import type { SourceRow } from '../evidence/evidenceRecords';
import { followInterventionOffsets } from '../evidence/evidenceOffsets';
import { TimestampField } from '../incidents/form/TimestampField';
import { checkIntervention, interventionFieldOrder, type InterventionDraft } from './interventionDraft';

interface Props {
  initial: InterventionDraft;
  labelledBy: string;
  cancelHref: string;
  /** With each incident's areas: the default offset of the times (../evidence/evidenceOffsets.ts). */
  incidents: readonly { recordId: string; title: string; areas?: readonly Area[] }[];
  sources: readonly SourceRow[];
  save: (data: Intervention) => Promise<Result<{ recordId: string }>>;
  onSaved: (recordId: string) => void;
}

const form = 'intervention';

export function InterventionForm({ initial, labelledBy, cancelHref, incidents, sources, save, onSaved }: Props) {
  const { t } = useTranslation();
  const rank = (field: string) => (interventionFieldOrder as readonly string[]).indexOf(field);
  const state = useRecordForm({ initial, check: checkIntervention, group: groupByField, rank, save, onSaved });
  const { draft, messagesFor } = state;
  const areasOf = (incidentId: string) => incidents.find((incident) => incident.recordId === incidentId)?.areas ?? [];
  // A new date or incident moves the offsets the person has not chosen.
  const set = (field: string, change: Partial<InterventionDraft>) => state.update(field, (previous) => followInterventionOffsets({ ...previous, ...change }, areasOf));
  const label = (field: string) => t(`interventions:fields.${field}`);
  const engineRejected = state.serverError?.code === 'invalidRecord' && state.entries.length > 0;
  const timeIds = (field: string) => ({ base: `${form}-${field}`, anchor: anchorOf(form, field), error: errorIdOf(form, field) });

  return (
    <form className="incident-form evidence-form" aria-labelledby={labelledBy} noValidate onSubmit={(event) => (event.preventDefault(), void state.submit())}>
      <DraftNotice notice={state.draftNotice} />
      <EvidenceErrorSummary ref={state.summaryRef} form={form} intro={engineRejected ? t('errors:invalidRecord') : null} entries={state.entries} labelOf={label} />
      {!engineRejected && <ErrorMessage error={state.serverError} />}
      <p className="hint">{t('incidents:form.requiredNote')}</p>
      <fieldset className="form-section">
        <legend>{t('interventions:sections.what')}</legend>
        <SelectBox
          form={form}
          field="kind"
          label={label('kind')}
          required
          value={draft.kind}
          emptyLabel={t('evidence:form.choose')}
          options={interventionKinds.map((value) => ({ value, label: t(`taxonomy:interventionKind.${value}`) }))}
          onChange={(value) => set('kind', { kind: value as InterventionDraft['kind'] })}
          messages={messagesFor('kind')}
        />
        <TextBox form={form} field="title" label={label('title')} required value={draft.title} onChange={(title) => set('title', { title })} messages={messagesFor('title')} />
        <TextBox form={form} field="body" label={label('body')} hint={t('interventions:bodyHint')} required value={draft.body} onChange={(body) => set('body', { body })} messages={messagesFor('body')} />
        <TextBox form={form} field="reference" label={label('reference')} hint={t('interventions:referenceHint')} value={draft.reference} onChange={(reference) => set('reference', { reference })} messages={messagesFor('reference')} />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('interventions:sections.when')}</legend>
        <TimestampField field="filedAt" ids={timeIds('filedAt')} legend={label('filedAt')} value={draft.filedAt} onChange={(filedAt) => set('filedAt', { filedAt })} messages={messagesFor('filedAt')} />
        <TimestampField field="decidedAt" ids={timeIds('decidedAt')} legend={label('decidedAt')} value={draft.decidedAt} onChange={(decidedAt) => set('decidedAt', { decidedAt })} messages={messagesFor('decidedAt')} />
        <SelectBox
          form={form}
          field="outcome"
          label={label('outcome')}
          value={draft.outcome}
          emptyLabel={t('evidence:form.choose')}
          options={interventionOutcomes.map((value) => ({ value, label: t(`taxonomy:outcome.${value}`) }))}
          onChange={(value) => set('outcome', { outcome: (value || 'pending') as InterventionDraft['outcome'] })}
          messages={messagesFor('outcome')}
        />
        <TextBox form={form} field="summary" label={label('summary')} hint={t('interventions:summaryHint')} multiline value={draft.summary} onChange={(summary) => set('summary', { summary })} messages={messagesFor('summary')} />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('interventions:sections.about')}</legend>
        <Choices
          form={form}
          field="incidents"
          type="checkbox"
          label={label('incidents')}
          required
          hint={incidents.length === 0 ? t('interventions:noIncidents') : t('interventions:incidentsHint')}
          options={incidents.map((row) => ({ value: row.recordId, label: row.title }))}
          selected={draft.incidents}
          onChange={(chosen) => set('incidents', { incidents: chosen })}
          messages={messagesFor('incidents')}
        />
        <Choices
          form={form}
          field="sources"
          type="checkbox"
          label={label('sources')}
          hint={sources.length === 0 ? t('interventions:noSourcesYet') : t('interventions:sourcesHint')}
          options={sources.map((row) => ({ value: row.summary.recordId, label: `${row.source.title} (${t(`taxonomy:sourceKind.${row.source.kind}`)})` }))}
          selected={draft.sources}
          onChange={(chosen) => set('sources', { sources: chosen })}
          messages={messagesFor('sources')}
        />
        <Choices
          form={form}
          field="confidential"
          type="checkbox"
          label={label('confidential')}
          hint={t('interventions:confidentialHint')}
          options={[{ value: 'confidential', label: label('confidential') }]}
          selected={draft.confidential ? ['confidential'] : []}
          onChange={(chosen) => set('confidential', { confidential: chosen.includes('confidential') })}
          messages={messagesFor('confidential')}
        />
      </fieldset>
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
