/**
 * One incident's part of the report: what the shutdown was (every field the
 * bundle carries, codes translated, free text as written), its timeline, its
 * effects on people grouped by category with a chart and the same numbers as
 * a table, and the sources it and its effects cite.
 */
import type { BundleAttachment, PeopleAffected } from '../model';
import { categoryChart, countByCategory, timelineChart, type CategoryCount } from './charts';
import { citedClaims } from './citationsPart';
import {
  areaName,
  countryName,
  formatMoney,
  formatNumber,
  formatPeriod,
  formatUtc,
  label,
  list,
  serviceName,
  type Formatter,
} from './format';
import { html, type Html } from './html';
import { intervalFields } from './intervals';
import { bdi, fieldList, inlineList, mono, userText } from './parts';
import type { EffectView, IncidentView, ReportData } from './records';
import { orderFields } from './orderPart';
import { fileList, sourceBlock } from './source';
import { signedHeadField } from './signedHead';

const labels = (f: Formatter, group: string, codes: readonly string[] | undefined) =>
  codes?.length ? list(f, codes.map((code) => label(f, group, code))) : null;

function peopleText(f: Formatter, people: PeopleAffected | undefined): string {
  if (!people || !('count' in people)) return f.t('report:effect.peopleUnknown');
  const key = people.precision === 'estimate' ? 'report:effect.peopleEstimate' : 'report:effect.peopleExact';
  return f.t(key, { count: people.count, number: formatNumber(f, people.count) });
}

function effectBlock(f: Formatter, view: EffectView, data: ReportData, files: readonly BundleAttachment[] | undefined): Html {
  const number = data.effectNumbers.get(view.record.recordId);
  const heading = f.t('report:effect.heading', { number });
  if (!view.data) {
    return html`<article class="effect"><h5>${heading}</h5><p class="notice">${f.t('report:incident.retracted')}</p></article>`;
  }
  const effect = view.data;
  const cited = (effect.sources ?? []).flatMap((id) => {
    const n = data.sourceNumbers.get(id);
    return n === undefined ? [] : [html`<a class="ref" href="#source-${n}">[S${n}]</a>`];
  });
  return html`<article class="effect" id="effect-${number}">
<h5>${effect.severity ? f.t('report:effect.headingSeverity', { heading, severity: label(f, 'severity', effect.severity).toLocaleLowerCase(f.language) }) : heading}</h5>
${fieldList([
  [f.t('report:effect.peopleAffected'), peopleText(f, effect.peopleAffected)],
  [f.t('report:effect.severity'), effect.severity ? label(f, 'severity', effect.severity) : null],
  [f.t('report:effect.groups'), labels(f, 'group', effect.groups)],
  [f.t('report:effect.area'), effect.area ? bdi(areaName(f, effect.area, effect.occurredAt?.at)) : null],
  [f.t('report:effect.time'), effect.occurredAt || effect.endedAt ? formatPeriod(f, effect.occurredAt, effect.endedAt, false) : null],
  [
    f.t('report:effect.economicLoss'),
    effect.economicLoss ? formatMoney(f, effect.economicLoss.amount, effect.economicLoss.currency) : null,
  ],
  [f.t('report:effect.description'), userText(effect.description)],
  [f.t('report:effect.supportedBy'), cited.length ? html`${cited.map((ref, i) => html`${i ? ' ' : ''}${ref}`)}` : null],
  [f.t('evidence:citations.title'), citedClaims(f, 'effect', effect.citations, data.sourceNumbers)],
  [f.t('report:source.files'), fileList(files)],
  [f.t('report:incident.recordId'), mono(view.record.recordId)],
  [f.t('report:signedHead.label'), signedHeadField(f, view.record)],
])}
</article>`;
}

function categoryTable(f: Formatter, counts: readonly CategoryCount[]): Html {
  const people = (count: CategoryCount) => {
    const recorded = count.effects > count.unknown ? formatNumber(f, count.people) : '';
    const sum = recorded && count.estimated ? f.t('report:effect.tableEstimated', { number: recorded }) : recorded;
    const unknown = count.unknown ? f.t('report:effect.tableUnknownCount', { count: count.unknown }) : '';
    return [sum, unknown].filter(Boolean).join('; ');
  };
  return html`<table class="category-table">
<caption>${f.t('report:effect.tableCaption')}</caption>
<thead><tr><th scope="col">${f.t('report:effect.tableCategory')}</th><th scope="col" class="number">${f.t('report:effect.tableEffects')}</th><th scope="col" class="number">${f.t('report:effect.tablePeople')}</th></tr></thead>
<tbody>${counts.map(
    (count) =>
      html`<tr data-category="${count.category}"><th scope="row">${count.label}</th><td class="number">${formatNumber(f, count.effects)}</td><td class="number">${people(count)}</td></tr>`,
  )}</tbody>
</table>`;
}

/** The effects of one incident (or the unlinked ones): chart, table, then each effect under its category. */
export function effectsPart(f: Formatter, effects: readonly EffectView[], data: ReportData, id: string): Html {
  const counts = countByCategory(f, effects);
  const retracted = effects.filter((effect) => !effect.data);
  const groups = counts.map((count) => ({
    count,
    effects: effects.filter((effect) => effect.data && (effect.data.category ?? '') === count.category),
  }));
  return html`${
    counts.length
      ? html`<figure class="chart-figure">${categoryChart(f, counts, `${id}-chart`)}</figure>${categoryTable(f, counts)}`
      : ''
  }${groups.map(
    ({ count, effects: members }) =>
      html`<h4>${count.label} (${formatNumber(f, members.length)})</h4>${members.map((effect) => effectBlock(f, effect, data, data.attachmentsOf.get(effect.record.recordId)))}`,
  )}${retracted.map((effect) => effectBlock(f, effect, data, undefined))}`;
}

export function incidentSection(f: Formatter, view: IncidentView, index: number, data: ReportData): Html {
  const id = `incident-${index + 1}`;
  const incident = view.data;
  const title = incident?.title?.trim() || f.t('report:untitled');
  const head = html`<p class="kicker">${f.t('report:incident.number', { number: index + 1, total: data.incidents.length })}</p>
<h2 id="${id}-title"><bdi>${title}</bdi></h2>`;
  if (!incident) {
    return html`<section class="incident" id="${id}" aria-labelledby="${id}-title">${head}<p class="notice">${f.t('report:incident.retracted')}</p>${fieldList([
      [f.t('report:incident.recordId'), mono(view.record.recordId)],
      [f.t('report:incident.updatedAt'), formatUtc(f, view.record.updatedAt)],
    ])}</section>`;
  }
  const effects = data.effectsOf.get(view.record.recordId) ?? [];
  const sources = data.sourcesOf.get(view.record.recordId) ?? [];
  const timeline = timelineChart(f, incident, effects, `${id}-timeline`);
  const patternText = incident.pattern
    ? [label(f, 'pattern', incident.pattern.kind), incident.pattern.description?.trim()].filter(Boolean).join(': ')
    : null;
  return html`<section class="incident" id="${id}" aria-labelledby="${id}-title">
${head}
${incident.confidential ? html`<p class="note">${f.t('report:incident.confidential')}</p>` : ''}
${fieldList([
  [f.t('report:incident.period'), formatPeriod(f, incident.startedAt, incident.endedAt, incident.ongoing === true)],
  ...intervalFields(f, incident),
  [f.t('report:incident.country'), incident.country ? `${countryName(f, incident.country)} (${incident.country})` : null],
  [f.t('report:incident.areas'), inlineList((incident.areas ?? []).map((area) => areaName(f, area, incident.startedAt?.at)), f.t('report:listSeparator'))],
  [f.t('report:incident.scope'), incident.scope ? label(f, 'scope', incident.scope) : f.t('report:notRecorded')],
  [f.t('report:incident.kinds'), labels(f, 'kind', incident.kinds) ?? f.t('report:notRecorded')],
  [f.t('report:incident.services'), inlineList((incident.services ?? []).map((service) => serviceName(f, service)), f.t('report:listSeparator'))],
  [f.t('report:incident.operators'), inlineList(incident.operators ?? [], f.t('report:listSeparator'))],
  [f.t('report:incident.pattern'), patternText],
  [f.t('report:incident.justification'), labels(f, 'justification', incident.justification?.codes)],
  [
    f.t('report:incident.statement'),
    incident.justification?.statement?.trim() ? html`<blockquote>${userText(incident.justification.statement)}</blockquote>` : null,
  ],
  [f.t('report:incident.context'), labels(f, 'context', incident.context)],
  [f.t('report:incident.orderedBy'), bdi(incident.orderedBy)],
  [f.t('report:incident.acknowledged'), incident.acknowledged ? label(f, 'acknowledged', incident.acknowledged) : null],
  [f.t('report:incident.legalBasis'), labels(f, 'legalBasis', incident.legalBasis?.codes)],
  [f.t('report:incident.legalBasisOther'), userText(incident.legalBasis?.other)],
  ...orderFields(f, data, incident),
  [f.t('report:incident.rights'), labels(f, 'right', incident.rights)],
  [f.t('report:incident.summary'), userText(incident.summary)],
  [f.t('report:incident.tags'), inlineList(incident.tags ?? [], f.t('report:listSeparator'))],
  [f.t('evidence:citations.title'), citedClaims(f, 'incident', incident.citations, data.sourceNumbers)],
  [f.t('report:source.files'), fileList(data.attachmentsOf.get(view.record.recordId))],
  [f.t('report:incident.recordId'), mono(view.record.recordId)],
  [f.t('report:incident.updatedAt'), formatUtc(f, view.record.updatedAt)],
  [f.t('report:signedHead.label'), signedHeadField(f, view.record)],
])}
${
  timeline
    ? html`<h3>${f.t('report:incident.timeline')}</h3><figure>${timeline}<figcaption>${f.t('report:time.offsetNote')}</figcaption></figure>`
    : ''
}
<h3>${f.t('report:incident.effects')}</h3>
${effects.length ? effectsPart(f, effects, data, id) : html`<p class="note">${f.t('report:incident.noEffects')}</p>`}
<h3>${f.t('report:incident.sources')}</h3>
${
  sources.length
    ? sources.map((source) =>
        sourceBlock(f, source, data.sourceNumbers.get(source.record.recordId), data.attachmentsOf.get(source.record.recordId)),
      )
    : html`<p class="note">${f.t('report:incident.noSources')}</p>`
}
</section>`;
}
