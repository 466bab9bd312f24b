/**
 * `data/interventions.csv`: one row per complaint, court case or UN
 * communication the bundle carries — kind, body, reference, dates, outcome
 * and the incidents it is about — for researchers counting which shutdowns
 * were challenged and how. Drawn from bundle.json alone, after the profile
 * redacted it: a public bundle's confidential intervention has no reference
 * or summary there, so none here. Written only when the bundle carries an
 * intervention. Same format as incidents.csv.
 */
import type { Bundle } from '../model';
import { toCsv } from './csv';
import { formatterFor, label, type ReportLanguage } from './format';
import { interventionViews } from './interventions';

export const interventionColumns = [
  'record_id',
  'retracted',
  'kind',
  'kind_label',
  'title',
  'body',
  'reference',
  'filed_at',
  'filed_precision',
  'decided_at',
  'decided_precision',
  'outcome',
  'outcome_label',
  'incident_ids',
  'source_ids',
  'confidential',
  'summary',
  'updated_at',
] as const;

/** Null when the bundle carries no intervention: the bundle then has no such file. */
export function interventionsCsv(bundle: Bundle, language: ReportLanguage): string | null {
  const views = interventionViews(bundle);
  if (views.length === 0) return null;
  const f = formatterFor(language);
  const rows = views.map(({ record, data }) => {
    const row: Record<string, string> = { record_id: record.recordId, retracted: data === null ? 'yes' : 'no', updated_at: record.updatedAt };
    if (data === null) return row;
    return {
      ...row,
      kind: data.kind ?? '',
      kind_label: data.kind ? label(f, 'interventionKind', data.kind) : '',
      title: data.title ?? '',
      body: data.body ?? '',
      reference: data.reference ?? '',
      filed_at: data.filedAt?.at ?? '',
      filed_precision: data.filedAt?.precision ?? '',
      decided_at: data.decidedAt?.at ?? '',
      decided_precision: data.decidedAt?.precision ?? '',
      outcome: data.outcome ?? '',
      outcome_label: data.outcome ? label(f, 'outcome', data.outcome) : '',
      incident_ids: (data.incidents ?? []).join('; '),
      source_ids: (data.sources ?? []).join('; '),
      confidential: data.confidential === undefined ? '' : data.confidential ? 'yes' : 'no',
      summary: data.summary ?? '',
    };
  });
  return toCsv(interventionColumns, rows);
}
