/**
 * The export screen: which records (all, the incidents matching a filter,
 * or chosen incidents, each with what it brings), the profile with a preview
 * of what it keeps back, for a legal bundle a submission if the person adds
 * one (./SubmissionFields.tsx), the report's language and the file to write, then
 * the export with a progress bar and Cancel, and what was made. Until a native save dialog exists, the file is
 * a path typed in a field, proposed beside the archive's folder. It loads
 * records and their file lists into its own state only; the engine does the
 * selection and redaction on export, by the same rules the preview shows.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Language, languages } from '../../../shared/ipc';
import type { BundleProfile } from '../../../shared/model';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageTitle } from '../components/PageTitle';
import { useTaskToast } from '../components/ToastRegion';
import { asDalelError, dalel, type DalelError } from '../dalel';
import { currentLanguage } from '../i18n';
import { defaultBundlePath, fileNameOf } from './exportPath';
import { loadExportRecords, loadFilesOf } from './exportRecords';
import { ExportNothing } from './ExportNothing';
import { ExportResult, type ExportDone } from './ExportResult';
import { ProfileChoice } from './ProfileChoice';
import { ProfilePreviewPanel } from './ProfilePreviewPanel';
import { useMediaLocations } from './useMediaLocations';
import { filterSearchId } from './IncidentFilterFields';
import { previewProfile, selectRecords, type PreviewFile, type PreviewRecord } from './profilePreview';
import { RecordChoice } from './RecordChoice';
import { SignerNameField } from './SignerNameField';
import { SubmissionFields, submissionFieldIds } from './SubmissionFields';
import { draftProblems, emptyDraft, submissionOf, type DraftProblem, type PrefilledText } from './submissionDraft';
import {
  emptyFilter,
  exportOnly,
  matchingIncidents,
  recordsProblem,
  type IncidentFilter,
  type RecordScope,
  type RecordsProblem,
} from './recordScope';
import { TaskProgress } from './TaskProgress';

interface Props {
  /** The open archive's folder; the proposed bundle file goes beside it. */
  archivePath: string;
  /** The archive's name: what a legal bundle names its signer by, until the person writes another. */
  archiveName: string;
  /** Record files found damaged or altered on open: the export is refused unless the person chooses to leave them out. */
  damagedFiles: number;
}

export function ExportScreen({ archivePath, archiveName, damagedFiles }: Props) {
  const { t } = useTranslation();
  const [records, setRecords] = useState<PreviewRecord[] | null>(null);
  const [loadError, setLoadError] = useState<DalelError | null>(null);
  const [files, setFiles] = useState<ReadonlyMap<string, PreviewFile[]>>(() => new Map());
  const requested = useRef(new Set<string>());
  const [scope, setScope] = useState<RecordScope>('all');
  const [chosen, setChosen] = useState<string[]>([]);
  const [filter, setFilter] = useState<IncidentFilter>(emptyFilter);
  const [profile, setProfile] = useState<BundleProfile>('legal');
  const [language, setLanguage] = useState<Language>(currentLanguage);
  const [signerName, setSignerName] = useState(archiveName);
  // SECURITY: the submission (a submitter's name and contact) is held here, in this screen's memory, and sent with
  // the export alone: never to settings or web storage. A contact on a seized laptop is a person found.
  const [submissionOn, setSubmissionOn] = useState(false);
  const [draft, setDraft] = useState(() => emptyDraft(new Date().toLocaleDateString('sv-SE')));
  /** The submission's problems as found on "Export", each shown while it still holds. */
  const [submissionTried, setSubmissionTried] = useState<readonly DraftProblem[]>([]);
  const [out, setOut] = useState(() => defaultBundlePath(archivePath, new Date()));
  const [leaveOutDamaged, setLeaveOutDamaged] = useState(false);
  /** The records problem is kept as found on "Export" and shown only while it still holds. */
  const [problems, setProblems] = useState<{ records: RecordsProblem; path: string | null }>({ records: null, path: null });
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<DalelError | null>(null);
  const [done, setDone] = useState<ExportDone | null>(null);
  /** Where focus goes once a failed export has enabled the form again. */
  const [focusAfter, setFocusAfter] = useState<'path' | 'submit' | null>(null);
  const pathInput = useRef<HTMLInputElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const toast = useTaskToast();

  useEffect(() => {
    loadExportRecords().then(setRecords, (thrown: unknown) => setLoadError(asDalelError(thrown)));
  }, []);

  const matching = useMemo(() => (records ? matchingIncidents(records, filter) : []), [records, filter]);
  const only = useMemo(() => exportOnly(scope, chosen, matching), [scope, chosen, matching]);
  const selected = useMemo(() => (records ? selectRecords(records, only ?? null, profile) : []), [records, only, profile]);
  const currentProblem = recordsProblem(scope, chosen, matching);
  const recordsProblemShown = problems.records !== null && problems.records === currentProblem ? currentProblem : null;
  /** A prefilled text of the submission, in the report's language, so that it reads in the language of the report it goes into. */
  const submissionDefault = (field: PrefilledText) => t(`verify:export.submission.defaults.${field}`, { lng: language });
  const submissionWanted = profile === 'legal' && submissionOn;
  const submissionProblems = submissionWanted ? draftProblems(draft, submissionDefault) : [];
  const submissionShown = submissionTried.filter((problem) => submissionProblems.includes(problem));

  // Once the person has fixed the choice of records, its message goes and stays gone until the next try.
  useEffect(() => {
    if (problems.records !== null && problems.records !== currentProblem) setProblems((current) => ({ ...current, records: null }));
  }, [problems.records, currentProblem]);

  // The preview needs each chosen record's evidence files: list those not yet asked for.
  useEffect(() => {
    const wanted = selected.map((record) => record.recordId).filter((recordId) => !requested.current.has(recordId));
    if (wanted.length === 0) return;
    for (const recordId of wanted) requested.current.add(recordId);
    loadFilesOf(wanted).then(
      (loaded) => setFiles((current) => new Map([...current, ...loaded])),
      (thrown: unknown) => setLoadError(asDalelError(thrown)),
    );
  }, [selected]);

  const preview = useMemo(() => {
    if (!records || !selected.every((record) => files.has(record.recordId))) return null;
    return previewProfile(profile, selected, selected.flatMap((record) => files.get(record.recordId) ?? []));
  }, [records, selected, files, profile]);
  const locations = useMediaLocations(profile === 'legal' ? (preview?.files ?? []) : []);

  useEffect(() => {
    if (running) cancelButton.current?.focus();
    else if (focusAfter) {
      (focusAfter === 'path' ? pathInput : submitButton).current?.focus();
      setFocusAfter(null);
    }
  }, [running, focusAfter]);

  /** The native "save as" dialog; a cancelled one changes nothing. */
  async function chooseOut() {
    const result = await dalel().bundle.chooseOut({ suggested: out.trim() || defaultBundlePath(archivePath, new Date()) });
    if (!result.ok) return setError(result.error);
    if (result.value.path) {
      setOut(result.value.path);
      setProblems((current) => ({ ...current, path: null }));
    }
    pathInput.current?.focus();
  }

  async function startExport(event: FormEvent) {
    event.preventDefault();
    if (running) return;
    const found = { records: currentProblem, path: out.trim() === '' ? t('verify:export.path.required') : null };
    setProblems(found);
    if (found.records === 'noneChosen') return document.querySelector<HTMLInputElement>('.export-incidents input')?.focus();
    if (found.records === 'noneMatch') return document.getElementById(filterSearchId)?.focus();
    setSubmissionTried(submissionProblems);
    if (submissionProblems.length) return document.getElementById(submissionFieldIds[submissionProblems[0]!])?.focus();
    if (found.path) return pathInput.current?.focus();
    setError(null);
    setRunning(true);
    const exportTo = (path: string) =>
      dalel()
        .bundle.export({
          out: path,
          profile,
          language,
          only,
          ...(profile === 'legal' ? { signerName: signerName.trim() } : {}),
          ...(submissionWanted ? { submission: submissionOf(draft, submissionDefault) } : {}),
          ...(leaveOutDamaged ? { leaveOutDamaged } : {}),
        })
        .catch((): { ok: false; error: DalelError } => ({ ok: false, error: { code: 'internal' } }));
    let result = await exportTo(out.trim());
    // In the app a bundle goes only where the person chose in the native save dialog: it opens on the path typed.
    if (!result.ok && result.error.code === 'exportPathNotChosen') {
      const picked = await dalel().bundle.chooseOut({ suggested: out.trim() });
      if (picked.ok && picked.value.path) {
        setOut(picked.value.path);
        result = await exportTo(picked.value.path);
      } else if (picked.ok) result = { ok: false, error: { code: 'cancelled' } };
    }
    setRunning(false);
    if (!result.ok) {
      setError(result.error);
      toast.error(result.error);
      setFocusAfter(['fileExists', 'permissionDenied', 'exportFolderMissing'].includes(result.error.code) ? 'path' : 'submit');
      return;
    }
    toast.result((tr) => tr('common:toast.exported', { name: fileNameOf(result.value.path) }));
    setDone(result.value);
  }

  function exportAnother() {
    setDone(null);
    setOut(defaultBundlePath(archivePath, new Date()));
  }

  return (
    <div className="export-screen">
      <PageTitle text={t('verify:export.title')} />
      <p className="lead">{t('verify:export.intro')}</p>
      <ErrorMessage error={loadError} />
      {!records && !loadError && <p className="loading">{t('common:loading')}</p>}
      {records && records.length === 0 && <ExportNothing />}
      {records && done && <ExportResult result={done} onAnother={exportAnother} />}
      {records && records.length > 0 && !done && (
        <div className="export-layout">
          <form className="export-form" onSubmit={(event) => void startExport(event)} noValidate>
            {/* Nothing changes while the export runs: it exports what was chosen when it started. */}
            <fieldset className="plain-fieldset" disabled={running}>
              <RecordChoice
                records={records}
                profile={profile}
                scope={scope}
                chosen={chosen}
                filter={filter}
                matching={matching}
                problem={recordsProblemShown && t(`verify:export.records.${recordsProblemShown}`)}
                onScope={setScope}
                onChosen={setChosen}
                onFilter={setFilter}
              />
              <ProfileChoice profile={profile} onChange={setProfile} />
              {profile === 'legal' && <SignerNameField value={signerName} onChange={setSignerName} />}
              <div className="field">
                <label htmlFor="export-language">{t('verify:export.language.label')}</label>
                <p className="hint" id="export-language-hint">
                  {t('verify:export.language.hint')}
                </p>
                <select
                  id="export-language"
                  value={language}
                  aria-describedby="export-language-hint"
                  onChange={(event) => setLanguage(Language.parse(event.target.value))}
                >
                  {languages.map((lng) => (
                    <option key={lng} value={lng} lang={lng}>
                      {t(`common:languageName.${lng}`)}
                    </option>
                  ))}
                </select>
              </div>
              {profile === 'legal' && (
                <SubmissionFields
                  enabled={submissionOn}
                  onEnabled={setSubmissionOn}
                  draft={draft}
                  onChange={setDraft}
                  defaults={submissionDefault}
                  reportLanguage={language}
                  problems={submissionShown}
                />
              )}
              <div className="field">
                <label htmlFor="export-path">{t('verify:export.path.label')}</label>
                <p className="hint" id="export-path-hint">
                  {t('verify:export.path.hint')}
                </p>
                <input
                  ref={pathInput}
                  id="export-path"
                  type="text"
                  dir="ltr"
                  spellCheck={false}
                  autoComplete="off"
                  value={out}
                  aria-invalid={problems.path ? true : undefined}
                  aria-describedby={problems.path ? 'export-path-hint export-path-problem' : 'export-path-hint'}
                  onChange={(event) => {
                    setOut(event.target.value);
                    setProblems((current) => ({ ...current, path: null }));
                  }}
                />
                <button type="button" className="choose-path" onClick={() => void chooseOut()}>
                  {t('verify:export.path.choose')}
                </button>
                {problems.path && (
                  <p className="field-error" id="export-path-problem">
                    {problems.path}
                  </p>
                )}
              </div>
              {damagedFiles > 0 && (
                <div className="checkbox-field export-damaged">
                  <input id="export-leave-out-damaged" type="checkbox" checked={leaveOutDamaged} onChange={(event) => setLeaveOutDamaged(event.target.checked)} />
                  <label htmlFor="export-leave-out-damaged">{t('verify:export.leaveOutDamaged', { count: damagedFiles })}</label>
                </div>
              )}
              <div className="form-actions">
                <button ref={submitButton} type="submit" className="primary">
                  {t('verify:export.submit')}
                </button>
              </div>
            </fieldset>
            {running && <TaskProgress task="export" label={t('verify:export.running')} ref={cancelButton} />}
            <ErrorMessage error={error} />
          </form>
          <ProfilePreviewPanel preview={preview} locations={profile === 'legal' ? locations : null} />
        </div>
      )}
    </div>
  );
}
