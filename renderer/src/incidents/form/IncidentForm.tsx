/**
 * The incident form, for a new incident and for an edit: its sections, laid
 * out over the shared record-form state (components/useRecordForm.ts), which
 * checks the draft with the Incident schema as the user types. The quick
 * record (what a save needs, and the summary) comes first; the details wait
 * in sections closed on a new record. Save, Cancel and what is still
 * required stay in a bar at the bottom of the window; Ctrl/Cmd+S or
 * Ctrl/Cmd+Enter saves from anywhere; a plain Enter never submits by accident.
 */
import { useMemo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../../shared/model';
import { IncidentCitations } from '../../citations/IncidentCitations';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useRecordForm } from '../../components/useRecordForm';
import type { Result } from '../../dalel';
import { DraftNotice } from '../../drafts/DraftNotice';
import { AuthoritySection } from './AuthoritySection';
import { DisruptionSection } from './DisruptionSection';
import { emptyDraft, incidentInputOf, type IncidentDraft } from './draft';
import { ErrorSummary } from './ErrorSummary';
import { FormActionBar } from './FormActionBar';
import { SectionStateContext, type SectionState } from './FormDetails';
import { LinksSection } from './LinksSection';
import { PlaceSection } from './PlaceSection';
import { QuickRecordSection } from './QuickRecordSection';
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
  const sectionState = useSectionState(initial, messagesFor);
  const missing = useMemo(() => missingRequired(draft), [draft]);
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
      <DraftNotice notice={form.draftNotice} />
      <ErrorSummary ref={summaryRef} intro={engineRejectedFields ? t('errors:invalidRecord') : null} entries={entries} />
      {!engineRejectedFields && <ErrorMessage error={serverError} />}
      <p className="hint">{t('incidents:form.requiredNote')}</p>
      <QuickRecordSection {...sectionProps} />
      <p className="hint details-note">{t('incidents:form.detailsNote')}</p>
      <SectionStateContext.Provider value={sectionState}>
        <PlaceSection {...sectionProps} />
        <DisruptionSection {...sectionProps} />
        <TimeSection {...sectionProps} />
        <IntervalsSection {...sectionProps} />
        <AuthoritySection {...sectionProps} />
        <RightsSection {...sectionProps} />
      </SectionStateContext.Provider>
      <LinksSection {...sectionProps} selfId={recordId} />
      <IncidentCitations {...sectionProps} />
      <FormActionBar saving={saving} cancelHref={cancelHref} missing={missing.map((field) => t(`incidents:fields.${field}`))} />
    </form>
  );
}

/** The fields a record cannot be saved without, in the order the quick record asks them. */
const requiredFields = ['title', 'country', 'scope', 'kinds', 'startedAt'] as const satisfies readonly FieldKey[];

/** The required fields that still stop a save (empty or not yet valid), for the action bar. */
function missingRequired(draft: IncidentDraft): FieldKey[] {
  const checked = checkDraft(draft);
  return checked.ok ? [] : requiredFields.filter((field) => checked.problems.has(field));
}

/** Which detail sections start open (the record had values there) and which hold problems now. */
function useSectionState(initial: IncidentDraft, messagesFor: (field: FieldKey) => string[]): SectionState {
  const filled = useMemo(() => {
    const start = incidentInputOf(initial) as Record<string, unknown>;
    const blank = incidentInputOf(emptyDraft()) as Record<string, unknown>;
    return new Set(fieldOrder.filter((field) => JSON.stringify(start[field]) !== JSON.stringify(blank[field])));
  }, [initial]);
  return {
    hasValues: (fields) => fields.some((field) => filled.has(field)),
    hasProblems: (fields) => fields.some((field) => messagesFor(field).length > 0),
  };
}
