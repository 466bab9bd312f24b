/**
 * The incident form, for a new incident and for an edit. It holds the draft,
 * checks it with the Incident schema as the user types (a field's problems
 * show once it was touched, all of them once a save was tried), and hands
 * valid data to `save`. Ctrl/Cmd+Enter saves from anywhere on the screen; a
 * plain Enter never submits by accident.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../../shared/model';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { DalelError, Result } from '../../dalel';
import { AuthoritySection } from './AuthoritySection';
import { DescriptionSection } from './DescriptionSection';
import { DisruptionSection } from './DisruptionSection';
import type { IncidentDraft } from './draft';
import { ErrorSummary, sortedEntries, type SummaryEntry } from './ErrorSummary';
import { PlaceSection } from './PlaceSection';
import { RightsSection } from './RightsSection';
import { TimeSection } from './TimeSection';
import { checkDraft, groupProblems, type FieldKey, type ProblemsByField } from './validation';

interface Props {
  initial: IncidentDraft;
  /** Id of the screen's heading, which names the form. */
  labelledBy: string;
  cancelHref: string;
  save: (data: Incident) => Promise<Result<{ recordId: string }>>;
  onSaved: (recordId: string) => void;
}

export function IncidentForm({ initial, labelledBy, cancelHref, save, onSaved }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<FieldKey>>(new Set());
  const [triedSave, setTriedSave] = useState(false);
  const [serverError, setServerError] = useState<DalelError | null>(null);
  const [serverProblems, setServerProblems] = useState<ProblemsByField>(new Map());
  const [saving, setSaving] = useState(false);
  const [focusSummary, setFocusSummary] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const checked = useMemo(() => checkDraft(draft), [draft]);

  useEffect(() => {
    if (focusSummary > 0) summaryRef.current?.focus();
  }, [focusSummary]);

  // Ctrl/Cmd+Enter saves wherever focus is on this screen (even on its heading).
  const submitRef = useRef<() => void>(() => {});
  submitRef.current = () => void submit();
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.defaultPrevented) {
        event.preventDefault();
        submitRef.current();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  function update(field: FieldKey, change: Partial<IncidentDraft>) {
    setDraft((previous) => ({ ...previous, ...change }));
    setTouched((previous) => (previous.has(field) ? previous : new Set(previous).add(field)));
    setServerProblems((previous) => {
      if (!previous.has(field)) return previous;
      const next = new Map(previous);
      next.delete(field);
      return next;
    });
  }

  function messagesFor(field: FieldKey | 'form'): string[] {
    const local = !checked.ok && (triedSave || (field !== 'form' && touched.has(field))) ? (checked.problems.get(field) ?? []) : [];
    const problems = [...local, ...(serverProblems.get(field) ?? [])];
    return [...new Set(problems.map((problem) => t(`validation:${problem.key}`, problem.params)))];
  }

  async function submit() {
    if (saving) return;
    setTriedSave(true);
    setServerError(null);
    if (!checked.ok) return setFocusSummary((n) => n + 1);
    setSaving(true);
    const result = await save(checked.data);
    setSaving(false);
    if (result.ok) return onSaved(result.value.recordId);
    setServerError(result.error);
    setServerProblems(groupProblems(result.error.problems ?? []));
    setFocusSummary((n) => n + 1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const plainEnter = event.key === 'Enter' && !event.ctrlKey && !event.metaKey;
    if (plainEnter && event.target instanceof HTMLInputElement && !['submit', 'button', 'reset'].includes(event.target.type)) {
      // Browsers submit a form on Enter in any text box; here that would save half an incident.
      event.preventDefault();
    }
  }

  const allFields = new Set<FieldKey | 'form'>([...(checked.ok ? [] : checked.problems.keys()), ...serverProblems.keys()]);
  const entries: SummaryEntry[] = triedSave
    ? sortedEntries([...allFields].map((field) => ({ field, messages: messagesFor(field) })).filter((entry) => entry.messages.length > 0))
    : [];
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
      <AuthoritySection {...sectionProps} />
      <RightsSection {...sectionProps} />
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
