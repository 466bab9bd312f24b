/**
 * Adding evidence files to one record: files dropped on the drop zone or
 * chosen with "Choose files…" (a real file input, so the OS dialog opens)
 * are listed first, to be checked, described and marked sensitive before
 * they enter the archive for good (files are never removed). Adding is one
 * `attachments.add` call with the File objects; the preload turns them into
 * paths, and a file that is not on this computer is refused with a
 * translated message. A large video can take minutes: a progress bar says
 * how far the copy has come and how long it has left, with Cancel (the
 * engine then takes back whatever it stored: the record is as before); then
 * the form and a toast say how many files were added and how many the
 * record already had.
 */
import { useEffect, useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { TaskProgress } from '../bundles/TaskProgress';
import { ErrorMessage } from '../components/ErrorMessage';
import { FilePickerButton } from '../components/FilePickerButton';
import { useTaskToast } from '../components/ToastRegion';
import { dalel, type DalelError } from '../dalel';
import { currentLanguage } from '../i18n';
import { addOutcome, formatFileSize } from './fileFacts';

interface Props {
  recordId: string;
  /** The SHA-256 of every file the record lists now, to tell new files from those it already has. */
  knownHashes: ReadonlySet<string>;
  /** Called after files were added, so that the page shows the record's list again. */
  onAdded: () => void;
}

const carriesFiles = (event: { dataTransfer: DataTransfer | null }) => event.dataTransfer?.types.includes('Files') ?? false;

/** The same file offered twice (dropped, then picked) is listed once. */
const sameFile = (a: File, b: File) => a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;

export function AddFilesForm({ recordId, knownHashes, onAdded }: Props) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const id = useId();
  const chooseButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const toast = useTaskToast();
  const [chosen, setChosen] = useState<readonly File[]>([]);
  const [description, setDescription] = useState('');
  const [sensitive, setSensitive] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DalelError | null>(null);
  const [outcome, setOutcome] = useState<{ added: number; alreadyThere: number } | null>(null);

  // A file dropped beside the zone must not replace the app with the file (Chromium would open it).
  useEffect(() => {
    const refuseElsewhere = (event: globalThis.DragEvent) => {
      if (!carriesFiles(event) || event.defaultPrevented) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
    };
    window.addEventListener('dragover', refuseElsewhere);
    window.addEventListener('drop', refuseElsewhere);
    return () => {
      window.removeEventListener('dragover', refuseElsewhere);
      window.removeEventListener('drop', refuseElsewhere);
    };
  }, []);

  function offer(offered: readonly File[]) {
    if (offered.length === 0) return;
    setChosen((current) => {
      const listed = [...current];
      for (const file of offered) if (!listed.some((known) => sameFile(known, file))) listed.push(file);
      return listed;
    });
    setError(null);
    setOutcome(null);
  }

  function dragOver(event: DragEvent<HTMLDivElement>) {
    if (busy || !carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  }

  function dragLeave(event: DragEvent<HTMLDivElement>) {
    if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
    setDragging(false);
  }

  function drop(event: DragEvent<HTMLDivElement>) {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    setDragging(false);
    if (!busy) offer([...event.dataTransfer.files]);
  }

  function clear() {
    setChosen([]);
    setError(null);
    chooseButton.current?.focus();
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    if (busy || chosen.length === 0) return;
    setBusy(true);
    setError(null);
    setOutcome(null);
    const files = chosen;
    const known = knownHashes;
    const result = await dalel()
      .attachments.add({ recordId, files, description: description.trim() || undefined, sensitive })
      .catch((): { ok: false; error: DalelError } => ({ ok: false, error: { code: 'internal' } }));
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      toast.error(result.error);
      return;
    }
    const added = addOutcome(files.length, result.value.attachments.map(({ sha256 }) => sha256), known);
    setOutcome(added);
    toast.result((tr) => tr('common:toast.filesAdded', { detail: outcomeText(added, tr) }));
    setChosen([]);
    setDescription('');
    setSensitive(false);
    onAdded();
    chooseButton.current?.focus();
  }

  // The submit button is disabled while files are added: Cancel takes focus instead.
  useEffect(() => {
    if (busy) cancelButton.current?.focus();
  }, [busy]);

  function outcomeText(outcome: { added: number; alreadyThere: number }, tr: TFunction = t): string {
    return [
      outcome.added > 0 ? tr('evidence:files.add.added', { count: outcome.added }) : '',
      outcome.alreadyThere > 0 ? tr('evidence:files.add.alreadyThere', { count: outcome.alreadyThere }) : '',
    ]
      .filter(Boolean)
      .join(' ');
  }

  return (
    <form className="add-files" aria-labelledby={`${id}-title`} onSubmit={(event) => void add(event)} noValidate>
      <h3 id={`${id}-title`}>{t('evidence:files.add.title')}</h3>
      {/* Everything waits while files are being added: one add at a time. */}
      <fieldset className="add-files-fields" disabled={busy}>
        <div
          className={`drop-zone${dragging ? ' dragging' : ''}`}
          onDragEnter={dragOver}
          onDragOver={dragOver}
          onDragLeave={dragLeave}
          onDrop={drop}
        >
          <p className="drop-hint" aria-live="polite">
            {t(dragging ? 'evidence:files.add.dropNow' : 'evidence:files.add.dropHint')}
          </p>
          <FilePickerButton ref={chooseButton} label={t('evidence:files.add.choose')} multiple onFiles={offer} />
        </div>
        {chosen.length > 0 && (
          <div className="chosen-files">
            <p id={`${id}-chosen`} className="chosen-title">
              {t('evidence:files.add.chosenTitle')}
            </p>
            <ul aria-labelledby={`${id}-chosen`}>
              {chosen.map((file) => (
                <li key={`${file.name}/${file.size}/${file.lastModified}`}>
                  <bdi className="file-name">{file.name}</bdi> <span className="file-size">{formatFileSize(file.size, lng, t)}</span>
                  <button
                    type="button"
                    className="small"
                    aria-label={t('evidence:files.add.removeNamed', { name: file.name })}
                    onClick={() => setChosen((current) => current.filter((other) => other !== file))}
                  >
                    {t('evidence:files.add.remove')}
                  </button>
                </li>
              ))}
            </ul>
            <div className="field">
              <label htmlFor={`${id}-description`}>{t('evidence:files.add.description')}</label>
              <p className="hint" id={`${id}-description-hint`}>
                {t('evidence:files.add.descriptionHint')}
              </p>
              <textarea
                id={`${id}-description`}
                rows={2}
                maxLength={20_000}
                value={description}
                aria-describedby={`${id}-description-hint`}
                onChange={(event) => setDescription(event.target.value)}
              />
            </div>
            <div className="field checkbox-field">
              <input
                id={`${id}-sensitive`}
                type="checkbox"
                checked={sensitive}
                aria-describedby={`${id}-sensitive-hint`}
                onChange={(event) => setSensitive(event.target.checked)}
              />
              <label htmlFor={`${id}-sensitive`}>{t('evidence:files.add.sensitive')}</label>
              <p className="hint" id={`${id}-sensitive-hint`}>
                {t('evidence:files.add.sensitiveHint')}
              </p>
            </div>
            <p className="hint">{t('evidence:files.add.permanent')}</p>
            <div className="form-actions">
              <button type="submit" className="primary">
                {t('evidence:files.add.submit', { count: chosen.length })}
              </button>
              <button type="button" onClick={clear}>
                {t('evidence:files.add.clear')}
              </button>
            </div>
          </div>
        )}
      </fieldset>
      <ErrorMessage error={error} />
      {busy && <TaskProgress task="attach" label={t('evidence:files.add.busy', { count: chosen.length })} ref={cancelButton} />}
      <div className="add-status" role="status">
        {!busy && outcome && <span>{outcomeText(outcome)}</span>}
      </div>
    </form>
  );
}
