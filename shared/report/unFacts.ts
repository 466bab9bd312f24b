/**
 * Parts 2 and 3 of the draft UN communication: per incident, who is alleged
 * to have done it (who ordered it, the operators and providers who carried
 * it out, the legal basis and grounds given, as recorded) and the facts
 * (times as recorded with their own offsets, places, what was cut, effects
 * on people, sources cited by title). A confidential incident's free text
 * stays out, as it does from a public bundle: a communication is passed on
 * to the government concerned. A source whose person may not be named to
 * the UN is cited without its title, which can describe that person.
 */
import { confidentialFreeText, withoutCollectorNames } from '../model';
import { areaName, countryName, formatPeriod, label, list, serviceName, type Formatter } from './format';
import { html, type Html } from './html';
import { bdi, fieldList, inlineList, userText } from './parts';
import type { EffectView, IncidentFields, IncidentView, ReportData, SourceView } from './records';
import { legalCitationList, statementList } from './orderPart';
import { carriedOutByText, orderDocumentText, orderFactsText, orderedByText } from './unOrder';
import type { UnPerson } from './unPeople';
import { peopleText, personLabel } from './unVictims';

const u = (f: Formatter, key: string, options?: Record<string, unknown>) => f.t(`unCommunication:${key}`, options ?? {});
const labels = (f: Formatter, group: string, codes: readonly string[] | undefined) => (codes?.length ? list(f, codes.map((code) => label(f, group, code))) : null);
const titleOf = (f: Formatter, view: IncidentView) => view.data?.title?.trim() || f.t('report:untitled');

/** SECURITY: the incident as the draft may show it: without a confidential incident's free text, nor the collector's name (the defender's). */
function shownFields(incident: IncidentFields): IncidentFields {
  if (incident.confidential !== true) return { ...incident, legalCitations: withoutCollectorNames(incident.legalCitations) as IncidentFields['legalCitations'] };
  const shown: Record<string, unknown> = { ...incident };
  for (const field of confidentialFreeText.incident) delete shown[field];
  return shown as IncidentFields;
}

const confidentialNote = (f: Formatter, incident: IncidentFields) =>
  incident.confidential === true ? html`<p class="notice">${u(f, 'facts.confidential')}</p>` : '';

function perpetratorsOf(f: Formatter, view: IncidentView, index: number, data: ReportData): Html {
  if (!view.data) return html``;
  const incident = shownFields(view.data);
  const confidential = view.data.confidential === true;
  const notRecorded = f.t('report:notRecorded');
  return html`<article class="incident-brief">
<h3>${index + 1}. <bdi>${titleOf(f, view)}</bdi></h3>
${confidentialNote(f, view.data)}
${fieldList([
  [u(f, 'perpetrators.state'), incident.country ? `${countryName(f, incident.country)} (${incident.country})` : notRecorded],
  [u(f, 'perpetrators.orderedBy'), confidential ? null : (orderedByText(f, incident) ?? notRecorded)],
  [u(f, 'perpetrators.carriedOutBy'), confidential ? null : (carriedOutByText(f, incident) ?? notRecorded)],
  [u(f, 'perpetrators.orderDocument'), orderDocumentText(f, incident)],
  [u(f, 'perpetrators.orderFacts'), orderFactsText(f, incident)],
  [u(f, 'perpetrators.legalCitations'), legalCitationList(f, data, incident)],
  [u(f, 'perpetrators.legalBasis'), labels(f, 'legalBasis', incident.legalBasis?.codes) ?? (incident.legalCitations?.length ? null : notRecorded)],
  [u(f, 'perpetrators.legalBasisOther'), userText(incident.legalBasis?.other)],
  [u(f, 'perpetrators.grounds'), labels(f, 'justification', incident.justification?.codes)],
  [
    u(f, 'perpetrators.statement'),
    incident.justification?.statement?.trim() ? html`<blockquote>${userText(incident.justification.statement)}</blockquote>` : null,
  ],
  [u(f, 'perpetrators.acknowledged'), incident.acknowledged ? label(f, 'acknowledged', incident.acknowledged) : null],
  [u(f, 'perpetrators.operatorStatements'), statementList(f, data, incident)],
])}
</article>`;
}

export function perpetratorsPart(f: Formatter, data: ReportData): Html {
  return html`<section id="perpetrators" aria-labelledby="perpetrators-title">
<h2 id="perpetrators-title">${u(f, 'sections.perpetrators')}</h2>
${data.incidents.map((view, index) => perpetratorsOf(f, view, index, data))}
<p class="note">${u(f, 'perpetrators.notRecordedNote')}</p>
</section>`;
}

const refs = (data: ReportData, ids: readonly string[] | undefined) =>
  (ids ?? []).flatMap((id) => {
    const n = data.sourceNumbers.get(id);
    return n === undefined ? [] : [`[S${n}]`];
  });

function effectEntry(f: Formatter, view: EffectView, data: ReportData): Html {
  const effect = view.data;
  if (!effect) return html``;
  return html`<li class="effect">${fieldList([
    [f.t('report:effect.category'), effect.category ? label(f, 'category', effect.category) : f.t('report:notRecorded')],
    [f.t('report:effect.area'), effect.area ? bdi(areaName(f, effect.area, effect.occurredAt?.at)) : null],
    [f.t('report:effect.time'), effect.occurredAt || effect.endedAt ? formatPeriod(f, effect.occurredAt, effect.endedAt, false) : null],
    [f.t('report:effect.peopleAffected'), peopleText(f, effect.peopleAffected)],
    [f.t('report:effect.groups'), labels(f, 'group', effect.groups)],
    [f.t('report:effect.severity'), effect.severity ? label(f, 'severity', effect.severity) : null],
    [f.t('report:effect.description'), userText(effect.description)],
    [u(f, 'facts.supportedBy'), refs(data, effect.sources).join(' ')],
  ])}</li>`;
}

function sourceEntry(f: Formatter, view: SourceView, data: ReportData, people: readonly UnPerson[]): Html {
  const number = data.sourceNumbers.get(view.record.recordId);
  const ref = number === undefined ? '' : `[S${number}] `;
  const kind = view.data?.kind ? label(f, 'sourceKind', view.data.kind) : f.t('taxonomy:recordType.source');
  const person = people.find((candidate) => candidate.sourceId === view.record.recordId);
  // SECURITY: the title of an account whose person may not be named to the UN stays out; it can describe them.
  if (person && person.disclosure !== 'named') return html`<li>${ref}${u(f, 'facts.withheldTitle', { kind, person: personLabel(f, person) })}</li>`;
  const title = view.data?.title?.trim() || f.t('report:untitled');
  return html`<li>${ref}<bdi>${title}</bdi> (${kind})</li>`;
}

function factsOf(f: Formatter, view: IncidentView, index: number, data: ReportData, people: readonly UnPerson[]): Html {
  if (!view.data) return html``;
  const incident = shownFields(view.data);
  const effects = data.effectsOf.get(view.record.recordId) ?? [];
  const sources = data.sourcesOf.get(view.record.recordId) ?? [];
  const separator = f.t('report:listSeparator');
  const pattern = incident.pattern ? [label(f, 'pattern', incident.pattern.kind), incident.pattern.description?.trim()].filter(Boolean).join(': ') : null;
  return html`<article class="incident-facts" id="facts-${index + 1}">
<h3>${index + 1}. <bdi>${titleOf(f, view)}</bdi></h3>
${confidentialNote(f, view.data)}
${fieldList([
  [u(f, 'facts.period'), formatPeriod(f, incident.startedAt, incident.endedAt, incident.ongoing === true)],
  [u(f, 'facts.country'), incident.country ? `${countryName(f, incident.country)} (${incident.country})` : null],
  [u(f, 'facts.areas'), inlineList((incident.areas ?? []).map((area) => areaName(f, area, incident.startedAt?.at)), separator)],
  [u(f, 'facts.scope'), incident.scope ? label(f, 'scope', incident.scope) : null],
  [u(f, 'facts.cut'), labels(f, 'kind', incident.kinds) ?? f.t('report:notRecorded')],
  [u(f, 'facts.services'), inlineList((incident.services ?? []).map((service) => serviceName(f, service)), separator)],
  [u(f, 'facts.pattern'), pattern],
  [u(f, 'facts.context'), labels(f, 'context', incident.context)],
  [u(f, 'facts.rights'), labels(f, 'right', incident.rights)],
  [u(f, 'facts.summary'), userText(incident.summary)],
])}
<h4>${u(f, 'facts.effects')}</h4>
${effects.length ? html`<ul class="plain">${effects.map((effect) => effectEntry(f, effect, data))}</ul>` : html`<p class="note">${u(f, 'facts.noEffects')}</p>`}
<h4>${u(f, 'facts.sources')}</h4>
${sources.length ? html`<ul class="plain">${sources.map((source) => sourceEntry(f, source, data, people))}</ul>` : html`<p class="note">${u(f, 'facts.noSources')}</p>`}
</article>`;
}

export function factsPart(f: Formatter, data: ReportData, people: readonly UnPerson[]): Html {
  return html`<section id="facts" aria-labelledby="facts-title">
<h2 id="facts-title">${u(f, 'sections.facts')}</h2>
${data.incidents.map((view, index) => factsOf(f, view, index, data, people))}
</section>`;
}
