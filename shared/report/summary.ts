/**
 * The summary of facts across incidents, near the start of the report: the
 * period the incidents cover, the places, the kinds of shutdown and the
 * services affected, the effects on people by category with the people
 * affected as recorded, and the sources. A lawyer quotes it, so it says only
 * what the records say: times with their own offsets, never converted; an
 * end that was not recorded is said to be not recorded (never "ongoing",
 * which was true only when someone wrote it); a number of people is summed
 * only where the records give one, and the effects that give none are named.
 * Retracted records count for nothing here. Pure and deterministic.
 */
import { instantOf, shutdownGroups, type Timestamp } from '../model';
import { countByCategory, type CategoryCount } from './charts';
import { areaName, countryName, formatNumber, formatTimestamp, label, serviceName, type Formatter } from './format';
import { html, type Html } from './html';
import { fieldList, inlineList } from './parts';
import type { EffectView, IncidentView, ReportData } from './records';

export const summaryId = 'summary';

/** Distinct values in the order first met: the same bundle always lists them the same way. */
const distinct = (values: readonly string[]) => [...new Set(values.filter((value) => value.trim()))];

function earliest(stamps: readonly Timestamp[]): Timestamp | undefined {
  return stamps.reduce<Timestamp | undefined>((best, stamp) => (best === undefined || instantOf(stamp) < instantOf(best) ? stamp : best), undefined);
}
function latest(stamps: readonly Timestamp[]): Timestamp | undefined {
  return stamps.reduce<Timestamp | undefined>((best, stamp) => (best === undefined || instantOf(stamp) > instantOf(best) ? stamp : best), undefined);
}
const valid = (stamp: Timestamp | undefined): stamp is Timestamp => stamp !== undefined && !Number.isNaN(instantOf(stamp));

const incidentRef = (f: Formatter, index: number) => html`<a href="#incident-${index + 1}">${f.t('report:summary.incidentRef', { number: index + 1 })}</a>`;

/** Earliest start to latest end, as recorded, and which incidents have no end recorded. */
function periodText(f: Formatter, incidents: readonly { view: IncidentView; index: number }[]): Html | string {
  const start = earliest(incidents.map(({ view }) => view.data?.startedAt).filter(valid));
  const end = latest(incidents.map(({ view }) => view.data?.endedAt).filter(valid));
  const open = incidents.filter(({ view }) => !valid(view.data?.endedAt));
  const from = start ? formatTimestamp(f, start) : f.t('report:notRecorded');
  if (!end) return f.t('report:summary.periodNoEnd', { start: from });
  const span = f.t('report:time.period', { start: from, end: formatTimestamp(f, end) });
  if (!open.length) return span;
  return html`${span}<div class="note">${f.t('report:summary.endsNotRecorded', { count: open.length })} ${open.map(({ index }, i) => html`${i ? f.t('report:listSeparator') : ''}${incidentRef(f, index)}`)}</div>`;
}

function peopleCell(f: Formatter, count: CategoryCount): string {
  const given = count.effects - count.unknown;
  const sum = given ? formatNumber(f, count.people) : '';
  const recorded = sum && count.estimated ? f.t('report:effect.tableEstimated', { number: sum }) : sum;
  const missing = count.unknown ? f.t('report:effect.tableUnknownCount', { count: count.unknown }) : '';
  return [recorded, missing].filter(Boolean).join('; ');
}

function categoryTable(f: Formatter, counts: readonly CategoryCount[]): Html {
  return html`<table class="category-table summary-table">
<caption>${f.t('report:summary.effectsCaption')}</caption>
<thead><tr><th scope="col">${f.t('report:effect.tableCategory')}</th><th scope="col" class="number">${f.t('report:effect.tableEffects')}</th><th scope="col" class="number">${f.t('report:effect.tablePeople')}</th></tr></thead>
<tbody>${counts.map(
    (count) =>
      html`<tr data-category="${count.category}"><th scope="row">${count.label}</th><td class="number">${formatNumber(f, count.effects)}</td><td class="number">${peopleCell(f, count)}</td></tr>`,
  )}</tbody>
</table>`;
}

/** The people affected across all effects: the sum of the numbers given, and the effects that give none, by their label. */
function peopleText(f: Formatter, effects: readonly EffectView[], data: ReportData): Html | string {
  const readable = effects.filter((effect) => effect.data);
  if (!readable.length) return f.t('report:summary.noEffects');
  const counted = readable.flatMap((effect) => {
    const people = effect.data!.peopleAffected;
    return people && 'count' in people ? [people] : [];
  });
  const missing = readable.filter((effect) => !(effect.data!.peopleAffected && 'count' in effect.data!.peopleAffected));
  const sum = counted.reduce((total, people) => total + people.count, 0);
  const estimated = counted.some((people) => people.precision === 'estimate');
  const given = counted.length
    ? f.t(estimated ? 'report:summary.peopleSumEstimated' : 'report:summary.peopleSum', {
        count: sum,
        number: formatNumber(f, sum),
        effects: f.t('report:summary.effectsGiving', { count: counted.length }),
      })
    : f.t('report:summary.peopleNoneGiven');
  if (!missing.length) return given;
  const refs = missing.map((effect, i) => {
    const n = data.effectNumbers.get(effect.record.recordId);
    return html`${i ? f.t('report:listSeparator') : ''}<a href="#effect-${n}">${f.t('report:effect.heading', { number: n })}</a>`;
  });
  return html`${given}<div class="note">${f.t('report:summary.peopleNotGiven', { count: missing.length })} ${refs}</div>`;
}

/** The incidents, and the shutdowns they are when some are linked as one (shared/model/links.ts). */
function incidentCount(f: Formatter, incidents: readonly { view: IncidentView }[]): string {
  const count = f.t('report:counts.incidents', { count: incidents.length });
  const linked = incidents.map(({ view }) => ({ recordId: view.record.recordId, links: view.data?.links ?? [] }));
  const shutdowns = shutdownGroups(linked).length;
  return shutdowns === incidents.length ? count : f.t('report:summary.shutdowns', { incidents: count, count: shutdowns });
}

export function summarySection(f: Formatter, data: ReportData, sourcesWithheld: number): Html {
  const incidents = data.incidents.map((view, index) => ({ view, index })).filter(({ view }) => view.data);
  const records = incidents.map(({ view }) => view.data!);
  const effects = [...data.effectsOf.values()].flat().concat(data.otherEffects);
  const sources = [...data.records.values()].filter((record) => record.type === 'source' && record.data);
  const testimonies = sources.filter((record) => record.data?.kind === 'testimony').length;
  const separator = f.t('report:listSeparator');
  const countries = distinct(records.flatMap((incident) => (incident.country ? [countryName(f, incident.country)] : [])));
  const places = distinct(records.flatMap((incident) => (incident.areas ?? []).map((area) => areaName(f, area, incident.startedAt?.at))));
  const kinds = distinct(records.flatMap((incident) => (incident.kinds ?? []).map((kind) => label(f, 'kind', kind))));
  const services = distinct(records.flatMap((incident) => (incident.services ?? []).map((service) => serviceName(f, service))));
  const counts = countByCategory(f, effects);
  const sourceLine = [
    f.t('report:counts.sources', { count: sources.length }),
    f.t('report:summary.testimonies', { count: testimonies }),
    ...(sourcesWithheld > 0 ? [f.t('report:summary.sourcesWithheld', { count: sourcesWithheld })] : []),
  ].join('; ');
  return html`<section class="summary" id="${summaryId}" aria-labelledby="${summaryId}-title">
<h2 id="${summaryId}-title">${f.t('report:summary.heading')}</h2>
<p class="note">${f.t('report:summary.intro')}</p>
${fieldList([
  [f.t('report:summary.incidents'), incidentCount(f, incidents)],
  [f.t('report:summary.period'), incidents.length ? periodText(f, incidents) : f.t('report:notRecorded')],
  [f.t('report:incident.country'), inlineList(countries, separator)],
  [f.t('report:summary.places'), inlineList(places, separator) ?? f.t('report:notRecorded')],
  [f.t('report:summary.kinds'), kinds.length ? kinds.join(separator) : f.t('report:notRecorded')],
  [f.t('report:summary.services'), inlineList(services, separator) ?? f.t('report:notRecorded')],
  [f.t('report:summary.effects'), f.t('report:counts.effects', { count: effects.filter((effect) => effect.data).length })],
  [f.t('report:summary.people'), peopleText(f, effects, data)],
  [f.t('report:summary.sources'), sourceLine],
])}
${counts.length ? categoryTable(f, counts) : ''}
<p class="note">${f.t('report:time.offsetNote')}</p>
</section>`;
}
