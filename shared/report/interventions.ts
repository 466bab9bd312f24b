/**
 * The report's "Complaints, cases and communications" section: every
 * complaint, court case, ombudsman petition and UN communication the bundle
 * carries, in the order they were filed, each with its body, reference,
 * dates, outcome, the incidents of this report it is about and the sources
 * that show it. Reads only what the bundle carries: a public bundle has
 * left out a confidential one's reference and summary, and this shows no
 * trace of them. Nothing when the bundle carries none.
 */
import { Intervention, instantOf, type Bundle, type BundleRecord } from '../model';
import { formatTimestamp, label, type Formatter } from './format';
import { html, type Html } from './html';
import { bdi, fieldList, userText } from './parts';
import { readFields, type ReportData } from './records';

export type InterventionFields = Partial<Intervention>;
export interface InterventionView {
  record: BundleRecord;
  /** Null when retracted. */
  data: InterventionFields | null;
}

const filedAt = (view: InterventionView) => {
  const at = view.data?.filedAt ? instantOf(view.data.filedAt) : Number.NaN;
  return Number.isNaN(at) ? Number.POSITIVE_INFINITY : at;
};

/** The bundle's interventions, filed first (undated after), retracted last; ties keep the bundle's order. */
export function interventionViews(bundle: Bundle): InterventionView[] {
  const views = bundle.records
    .filter((record) => record.type === 'intervention')
    .map((record) => ({ record, data: record.data ? readFields(Intervention, record.data) : null }));
  return views.sort((a, b) => Number(a.data === null) - Number(b.data === null) || filedAt(a) - filedAt(b));
}

/** The facts every reader of an intervention gets: kind, body, reference, dates and outcome (never its free-text summary). */
export function interventionFacts(f: Formatter, data: InterventionFields): [string, Html | string | null][] {
  return [
    [f.t('interventions:fields.kind'), data.kind ? label(f, 'interventionKind', data.kind) : null],
    [f.t('interventions:fields.body'), bdi(data.body)],
    // A reference is free text: isolated like any, so that a right-to-left override cannot reorder the line.
    [f.t('interventions:fields.reference'), data.reference ? html`<bdi class="mono">${data.reference}</bdi>` : null],
    [f.t('interventions:fields.filedAt'), data.filedAt ? formatTimestamp(f, data.filedAt) : null],
    [f.t('interventions:fields.decidedAt'), data.decidedAt ? formatTimestamp(f, data.decidedAt) : null],
    [f.t('interventions:fields.outcome'), data.outcome ? label(f, 'outcome', data.outcome) : null],
  ];
}

function interventionBlock(f: Formatter, view: InterventionView, number: number, data: ReportData): Html {
  const id = `intervention-${number}`;
  const heading = f.t('interventions:report.number', { number });
  const intervention = view.data;
  if (!intervention) {
    return html`<article class="effect" id="${id}"><h3>${heading}</h3><p class="notice">${f.t('report:incident.retracted')}</p></article>`;
  }
  // Only the incidents this report tells: the bundle dropped the others from the record already.
  const incidents = (intervention.incidents ?? []).flatMap((incidentId) => {
    const index = data.incidents.findIndex((incident) => incident.record.recordId === incidentId);
    if (index < 0) return [];
    const title = data.incidents[index]!.data?.title?.trim() || f.t('report:untitled');
    return [html`<a href="#incident-${index + 1}"><bdi>${title}</bdi></a>`];
  });
  const sources = (intervention.sources ?? []).flatMap((sourceId) => {
    const n = data.sourceNumbers.get(sourceId);
    return n === undefined ? [] : [html`<a class="ref" href="#source-${n}">[S${n}]</a>`];
  });
  return html`<article class="effect" id="${id}">
<h3>${heading}: <bdi>${intervention.title ?? f.t('report:untitled')}</bdi></h3>
${intervention.confidential ? html`<p class="note">${f.t('interventions:report.confidential')}</p>` : ''}
${fieldList([
  ...interventionFacts(f, intervention),
  [f.t('interventions:fields.incidents'), incidents.length ? incidents.map((link, index) => html`${index ? f.t('report:listSeparator') : ''}${link}`) : null],
  [f.t('interventions:fields.summary'), userText(intervention.summary)],
  [f.t('interventions:fields.sources'), sources.length ? sources.map((link, index) => html`${index ? ' ' : ''}${link}`) : null],
])}
</article>`;
}

export function interventionsSection(f: Formatter, bundle: Bundle, data: ReportData): Html | '' {
  const views = interventionViews(bundle);
  if (views.length === 0) return '';
  return html`<section class="interventions" id="interventions" aria-labelledby="interventions-title">
<h2 id="interventions-title">${f.t('interventions:report.heading')}</h2>
<p class="note">${f.t('interventions:report.intro')}</p>
${views.map((view, index) => interventionBlock(f, view, index + 1, data))}
</section>`;
}
