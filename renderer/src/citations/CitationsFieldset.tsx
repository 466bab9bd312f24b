/**
 * "Which source says what" on the incident and effect forms: a collapsible
 * section (closed when the record cites nothing, open when it does or when
 * a citation has a problem) whose rows each say which claim, which source
 * of the archive, whether the source supports or contradicts it, and where
 * in the source. Choosing a source lists it among the record's sources (the
 * schema's rule); the section never unlists one. It holds no state of the
 * record: the form's draft does.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { citationStances } from '../../../shared/model';
import type { SourceRow } from '../evidence/evidenceRecords';
import { SelectBox, TextBox } from '../evidence/EvidenceControls';
import { FieldError } from '../incidents/form/FieldError';
import { claimsOffered, emptyRow, withSource, type CitationRow, type CitingForm } from './citationRows';
import { useClaimLabel } from './useClaimLabel';
import './citations.css';

interface Props {
  form: CitingForm;
  /** The id the error summary links to. */
  anchorId: string;
  /** The record as the form would save it: which list entries exist to be cited. */
  record: Readonly<Record<string, unknown>>;
  rows: readonly CitationRow[];
  /** The record's sources now. */
  recordSources: readonly string[];
  /** The archive's live sources to choose from. */
  sources: readonly SourceRow[];
  onChange: (rows: CitationRow[], recordSources: string[]) => void;
  messages: readonly string[];
}

export function CitationsFieldset({ form, anchorId, record, rows, recordSources, sources, onChange, messages }: Props) {
  const { t } = useTranslation();
  const claimLabel = useClaimLabel(form);
  const [open, setOpen] = useState(rows.length > 0);
  const base = `${form}-citations`;
  const errorId = `${base}-error`;
  const claims = claimsOffered(form, record).map((claim) => ({ value: claim.value, label: claimLabel(claim.value) }));
  const sourceOptions = sources.map((row) => ({
    value: row.summary.recordId,
    label: t('evidence:citations.sourceOption', { title: row.source.title, kind: t(`taxonomy:sourceKind.${row.source.kind}`) }),
  }));
  const change = (index: number, part: Partial<CitationRow>) => {
    const next = rows.map((row, at) => (at === index ? { ...row, ...part } : row));
    onChange(next, part.source ? withSource(recordSources, part.source) : [...recordSources]);
  };

  return (
    <details
      className="form-section citations-section"
      id={anchorId}
      // A problem opens the section: the error summary's link must reach a visible control.
      open={open || messages.length > 0}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>
        <h2 className="citations-title">{t('evidence:citations.title')}</h2>{' '}
        {rows.length > 0 && <span className="hint">({t('evidence:citations.count', { count: rows.length })})</span>}
      </summary>
      <p className="hint" id={`${base}-hint`}>
        {sources.length === 0 ? t('evidence:citations.noSources') : t('evidence:citations.hint')}
      </p>
      <FieldError id={errorId} messages={messages} />
      {rows.map((row, index) => (
        <fieldset key={index} className="citation-row">
          <legend>{t('evidence:citations.row', { number: index + 1 })}</legend>
          {/* Once the section shows problems, a half-filled row says what it lacks in plain words. */}
          {messages.length > 0 && (!row.field || !row.source) && <p className="field-error">{t('evidence:citations.incomplete')}</p>}
          <SelectBox
            form={base}
            field={`${index}.field`}
            label={t('evidence:citations.claim')}
            value={row.field}
            emptyLabel={t('evidence:form.choose')}
            options={claims.some((claim) => claim.value === row.field) || !row.field ? claims : [...claims, { value: row.field, label: claimLabel(row.field) }]}
            onChange={(field) => change(index, { field })}
            messages={[]}
          />
          <SelectBox
            form={base}
            field={`${index}.source`}
            label={t('evidence:citations.source')}
            value={row.source}
            emptyLabel={t('evidence:form.choose')}
            options={sourceOptions.some((option) => option.value === row.source) || !row.source ? sourceOptions : [...sourceOptions, { value: row.source, label: t('evidence:citations.page.missingSource') }]}
            onChange={(source) => change(index, { source })}
            messages={[]}
          />
          <SelectBox
            form={base}
            field={`${index}.stance`}
            label={t('evidence:citations.stance')}
            value={row.stance}
            emptyLabel={t('evidence:form.choose')}
            options={citationStances.map((value) => ({ value, label: t(`taxonomy:stance.${value}`) }))}
            onChange={(stance) => change(index, { stance: stance === 'contradicts' ? 'contradicts' : 'supports' })}
            messages={[]}
          />
          <TextBox
            form={base}
            field={`${index}.locator`}
            label={t('evidence:citations.locator')}
            hint={t('evidence:citations.locatorHint')}
            value={row.locator}
            onChange={(locator) => change(index, { locator })}
            messages={[]}
          />
          <button type="button" onClick={() => onChange(rows.filter((_row, at) => at !== index), [...recordSources])}>
            {t('evidence:citations.remove', { number: index + 1 })}
          </button>
        </fieldset>
      ))}
      <button type="button" disabled={sources.length === 0} onClick={() => onChange([...rows, emptyRow()], [...recordSources])}>
        {t('evidence:citations.add')}
      </button>
    </details>
  );
}
