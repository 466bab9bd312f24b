/**
 * Importing a spreadsheet (docs/guides/spreadsheets.md): a CSV chosen is read
 * first as a dry run (`csv.import` with `dryRun`, which writes nothing):
 * STOP's export or the organization's own sheet, whose columns the person
 * maps to fields, each change read again. The first rows are shown as
 * records, and every row's problems in the person's language. Only with
 * no problem left can they import, all rows or none; then what it added.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/ipc';
import { ErrorMessage } from '../components/ErrorMessage';
import { FilePickerButton } from '../components/FilePickerButton';
import { dalel, type DalelError, type Result } from '../dalel';
import { CsvMappingTable, type ColumnChoice } from './CsvMappingTable';
import { CsvPreview, CsvProblems } from './CsvPreview';
import './spreadsheetImport.css';

type CsvImport = ResponseOf<'csv:import'>;
type Phase = 'idle' | 'reading' | 'read' | 'importing' | 'done';

const failed = (): Result<never> => ({ ok: false, error: { code: 'internal' } });

export function SpreadsheetImport() {
  const { t, i18n } = useTranslation('csv');
  const [phase, setPhase] = useState<Phase>('idle');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<CsvImport | null>(null);
  const [choices, setChoices] = useState<Record<string, ColumnChoice> | null>(null);
  const [error, setError] = useState<DalelError | null>(null);
  const outcome = useRef<HTMLParagraphElement>(null);
  const busy = phase === 'reading' || phase === 'importing';
  const language = (['en', 'ru', 'kk'] as const).find((code) => i18n.language.startsWith(code)) ?? 'en';

  async function read(chosen: File, mapping: Record<string, ColumnChoice> | null, dryRun = true) {
    setError(null);
    setPhase(dryRun ? 'reading' : 'importing');
    const request = { file: chosen, dryRun, language, ...(mapping ? { mapping: { columns: mapping } } : {}) };
    const answer = await dalel().csv.import(request).catch(failed);
    if (!answer.ok) {
      setError(answer.error);
      if (dryRun) setResult(null);
      return setPhase(dryRun ? 'idle' : 'read');
    }
    setResult(answer.value);
    // The person's choices stay for the columns they made them for (a corrected file chosen again keeps its mapping).
    const { columns } = answer.value;
    setChoices((before) => (answer.value.kind === 'own' ? Object.fromEntries(columns.map((column) => [column.header, before?.[column.header] ?? column.field ?? 'ignore'])) : null));
    setPhase(answer.value.imported ? 'done' : 'read');
  }

  function choose(chosen: File) {
    if (busy) return;
    setFile(chosen);
    setResult(null);
    void read(chosen, choices);
  }

  function remap(header: string, choice: ColumnChoice) {
    if (!file || !choices) return;
    const next = { ...choices, [header]: choice };
    setChoices(next);
    void read(file, next);
  }

  useEffect(() => {
    if (phase === 'done') outcome.current?.focus();
  }, [phase]);

  const own = result?.kind === 'own';
  const mapped = result?.kind === 'stop' || !!result?.columns.some((column) => column.field);
  const canImport = phase === 'read' && !!result && mapped && !result.problems.length && result.rows > 0;

  return (
    <section className="spreadsheet-import" aria-labelledby="spreadsheet-import-title">
      <h2 id="spreadsheet-import-title">{t('screen.title')}</h2>
      <p className="hint">{t('screen.intro')}</p>
      <FilePickerButton label={t('screen.choose')} accept=".csv,text/csv" disabled={busy} onFiles={([chosen]) => chosen && choose(chosen)} />
      {file && (
        <p className="import-chosen">
          <bdi className="file-name">{t('screen.chosen', { name: file.name })}</bdi>
        </p>
      )}
      <p aria-live="polite" className="hint">
        {phase === 'reading' && file ? t('screen.reading', { name: file.name }) : phase === 'importing' ? t('screen.importing') : ''}
      </p>
      <ErrorMessage error={error} />
      {result && (
        <>
          <p className="csv-kind">{t(result.kind === 'stop' ? 'screen.kindStop' : 'screen.kindOwn', { rows: result.rows })}</p>
          {own && choices && <CsvMappingTable columns={result.columns} choices={choices} disabled={busy || phase === 'done'} onChange={remap} />}
          <CsvProblems problems={result.problems} />
          <CsvPreview result={result} />
          {phase !== 'done' && (
            <button type="button" className="primary" disabled={!canImport} onClick={() => file && void read(file, own ? choices : null, false)}>
              {t('screen.import', { rows: result.rows })}
            </button>
          )}
        </>
      )}
      {phase === 'done' && result && (
        <p className="csv-outcome" role="status" tabIndex={-1} ref={outcome}>
          {t('screen.result', {
            incidents: result.counts.incidentsAdded,
            sources: result.counts.sourcesAdded,
            revised: result.counts.revised,
            unchanged: result.counts.unchanged,
          })}
        </p>
      )}
    </section>
  );
}
