/**
 * Importing a bundle: a ZIP dropped anywhere on the screen or chosen is
 * checked first (`bundle.verify`, which writes nothing), and the verdict is
 * shown with the person's decision above the full report. Only when they
 * choose to does `bundle.import` run (trusting the signer first if they
 * asked), with a progress bar and Cancel; the engine verifies again and
 * merges all or nothing. Then what it did, in words.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerifyReport } from '../../../shared/bagit/verifyReport';
import type { ResponseOf } from '../../../shared/ipc';
import { TaskProgress } from '../bundles/TaskProgress';
import { VerifyResult } from '../bundles/VerifyResult';
import { ErrorMessage } from '../components/ErrorMessage';
import { FilePickerButton } from '../components/FilePickerButton';
import { useTaskToast } from '../components/ToastRegion';
import { dalel, type DalelError, type Result } from '../dalel';
import { ExchangeOutcome } from './ExchangeOutcome';
import { ImportDecision } from './ImportDecision';
import { outcomeOf } from './outcome';
import { outcomeText, setAsideText } from './outcomeText';
import { useFileDrop } from './useFileDrop';

type Phase = 'idle' | 'checking' | 'checked' | 'importing' | 'done';
type Imported = ResponseOf<'bundle:import'>;

const failed = (): Result<never> => ({ ok: false, error: { code: 'internal' } });

export function BundleImport() {
  const { t } = useTranslation('exchange');
  const [phase, setPhase] = useState<Phase>('idle');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [imported, setImported] = useState<Imported['imported']>(null);
  const toast = useTaskToast();
  const [error, setError] = useState<DalelError | null>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const decisionHeading = useRef<HTMLHeadingElement>(null);
  const busy = phase === 'checking' || phase === 'importing';

  async function check(bundle: File) {
    if (busy) return;
    setFile(bundle);
    setReport(null);
    setImported(null);
    setError(null);
    setPhase('checking');
    const result = await dalel().bundle.verify({ file: bundle }).catch(failed);
    if (result.ok) setReport(result.value);
    else setError(result.error);
    setPhase(result.ok ? 'checked' : 'idle');
  }

  async function importBundle(trustAs: string | null) {
    if (!file || !report?.signer || busy) return;
    setError(null);
    if (trustAs !== null) {
      const trusted = await dalel().trust.add({ publicKey: report.signer.publicKey, name: trustAs }).catch(failed);
      if (!trusted.ok) return setError(trusted.error);
    }
    setPhase('importing');
    // The person has seen who signed it and chosen to import: an unknown signer is allowed by that choice.
    const result = await dalel().bundle.import({ file, allowUntrusted: true }).catch(failed);
    if (!result.ok) {
      setError(result.error);
      toast.error(result.error);
      return setPhase('checked');
    }
    const { imported } = result.value;
    if (imported) {
      toast.result((tr) => {
        const setAside = imported.setAside.length ? ` ${setAsideText(imported.setAside, 'import', tr)}` : '';
        return tr('common:toast.imported', { detail: outcomeText(outcomeOf(imported, result.value.report.profile), tr) + setAside });
      });
    }
    // Checked again on import: the report now names the signer as trusted, or says why the file no longer passes.
    setReport(result.value.report);
    setImported(result.value.imported);
    setPhase(result.value.imported ? 'done' : 'checked');
  }

  const dragging = useFileDrop((dropped) => void check(dropped), !busy);

  useEffect(() => {
    if (busy) cancelButton.current?.focus();
  }, [busy]);
  // After VerifyResult has taken focus for its own heading: the decision comes first.
  useEffect(() => {
    if (phase === 'checked' && report) decisionHeading.current?.focus();
  }, [phase, report]);

  return (
    <section className={`bundle-import${dragging ? ' dragging' : ''}`} aria-labelledby="bundle-import-title">
      <h2 id="bundle-import-title">{t('import.title')}</h2>
      <p className="hint">{t('import.intro')}</p>
      <div className={`drop-zone import-drop${dragging ? ' dragging' : ''}`}>
        <p className="drop-hint" aria-live="polite">
          {t(dragging ? 'import.dropNow' : 'import.dropHint')}
        </p>
        <FilePickerButton label={t('import.choose')} accept=".zip,application/zip" disabled={busy} onFiles={([chosen]) => void check(chosen!)} />
        {file && (
          <p className="import-chosen">
            <bdi className="file-name">{t('import.chosen', { name: file.name })}</bdi>
          </p>
        )}
      </div>
      {phase === 'checking' && file && <TaskProgress task="verify" label={t('import.checking', { name: file.name })} ref={cancelButton} />}
      {phase === 'importing' && file && <TaskProgress task="import" label={t('import.importing', { name: file.name })} ref={cancelButton} />}
      <ErrorMessage error={error} />
      {phase === 'done' && imported && report && (
        <ExchangeOutcome
          id="import-outcome"
          title={t('outcome.importedTitle')}
          outcome={outcomeOf(imported, report.profile)}
          setAside={{ changes: imported.setAside, where: 'import' }}
        />
      )}
      {report && phase !== 'done' && phase !== 'checking' && (
        <>
          <ImportDecision key={report.bundleId ?? ''} report={report} busy={busy} onImport={(trustAs) => void importBundle(trustAs)} ref={decisionHeading} />
          <VerifyResult report={report} />
        </>
      )}
    </section>
  );
}
