/**
 * The incident form, for a new incident and for an edit: its sections, laid
 * out over the shared record-form state (components/useRecordForm.ts), which
 * checks the draft with the Incident schema as the user types. Ctrl/Cmd+Enter
 * saves from anywhere on the screen; a plain Enter never submits by accident.
 */
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../../shared/model';
import { IncidentCitations } from '../../citations/IncidentCitations';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useRecordForm } from '../../components/useRecordForm';
import type { Result } from '../../dalel';
import { AuthoritySection } from './AuthoritySection';
import { DescriptionSection } from './DescriptionSection';
import { DisruptionSection } from './DisruptionSection';
import type { IncidentDraft } from './draft';
import { ErrorSummary } from './ErrorSummary';
import { LinksSection } from './LinksSection';
import { PlaceSection } from './PlaceSection';
import { RightsSection } from './RightsSection';
import { IntervalsSection } from './IntervalsSection';
import { followIncidentOffsets } from './offsetDefaults';
import { TimeSection } from './TimeSection';
import { checkDraft, fieldOrder, groupProblems, type FieldKey } from './validation';

interface Props {
  initial: IncidentDraft;
  /** The incident being edited (never offered as a link to itself); absent for a new one. */
  recordId?: string;
  /** Id of the screen's heading, which names the form. */
  labelledBy: string;
  cancelHref: string;
  save: (data: Incident) => Promise<Result<{ recordId: string }>>;
  onSaved: (recordId: string) => void;
}

export function IncidentForm({ initial, recordId, labelledBy, cancelHref, save, onSaved }: Props) {
  const { t } = useTranslation();
  const form = useRecordForm<IncidentDraft, Incident, FieldKey | 'form'>({
    initial,
    check: checkDraft,
    group: groupProblems,
    // Problems of the whole record head the summary.
    rank: (field) => (field === 'form' ? -1 : fieldOrder.indexOf(field)),
    save,
    onSaved,
  });
  const { draft, messagesFor, serverError, saving, summaryRef, entries } = form;
  // Every change may move a date or an area, and with them the offsets the person has not chosen.
  const update = (field: FieldKey, change: Partial<IncidentDraft>) => form.update(field, (previous) => followIncidentOffsets({ ...previous, ...change }));
  const submit = form.submit;

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const plainEnter = event.key === 'Enter' && !event.ctrlKey && !event.metaKey;
    if (plainEnter && event.target instanceof HTMLInputElement && !['submit', 'button', 'reset'].includes(event.target.type)) {
      // Browsers submit a form on Enter in any text box; here that would save half an incident.
      event.preventDefault();
    }
  }

  // The engine's "invalidRecord" heads the list of fields it names; any other failure stands alone.
  const engineRejectedFields = serverError?.code === 'invalidRecord' && entries.length > 0;
  const sectionProps = { draft, update, messagesFor };

  return (
    <form
      className="incident-form"
      aria-labelledby={labelledBy}
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <ErrorSummary ref={summaryRef} intro={engineRejectedFields ? t('errors:invalidRecord') : null} entries={entries} />
      {!engineRejectedFields && <ErrorMessage error={serverError} />}
      <p className="hint">{t('incidents:form.requiredNote')}</p>
      <DescriptionSection {...sectionProps} />
      <PlaceSection {...sectionProps} />
      <DisruptionSection {...sectionProps} />
      <TimeSection {...sectionProps} />
      <IntervalsSection {...sectionProps} />
      <AuthoritySection {...sectionProps} />
      <RightsSection {...sectionProps} />
      <LinksSection {...sectionProps} selfId={recordId} />
      <IncidentCitations {...sectionProps} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving} aria-describedby="save-shortcut">
          {saving ? t('incidents:form.saving') : t('common:actions.save')}
        </button>
        <a className="button" href={cancelHref}>
          {t('common:actions.cancel')}
        </a>
        <p className="hint" id="save-shortcut">
          {t('incidents:form.saveShortcut')}
        </p>
      </div>
    </form>
  );
}
