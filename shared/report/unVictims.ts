/**
 * Parts 1 and 6 of the draft UN communication: the alleged victims (each
 * person of the bundle's sources as ./unPeople.ts allows them to be shown,
 * and the groups affected, from the effects) and each person's answer on
 * being identified to the UN. Renders only what unPeople gives; it must
 * never reach into a source's person itself.
 */
import type { PeopleAffected } from '../model';
import { areaName, formatNumber, formatTimestamp, label, languageName, list, type Formatter } from './format';
import { html, type Html } from './html';
import { bdi, fieldList, userText } from './parts';
import { personAnswer } from './personAnswer';
import type { EffectView, ReportData } from './records';
import type { UnPerson } from './unPeople';

const u = (f: Formatter, key: string, options?: Record<string, unknown>) => f.t(`unCommunication:${key}`, options ?? {});

export function peopleText(f: Formatter, people: PeopleAffected | undefined): string {
  if (!people || !('count' in people)) return f.t('report:effect.peopleUnknown');
  const key = people.precision === 'estimate' ? 'report:effect.peopleEstimate' : 'report:effect.peopleExact';
  return f.t(key, { count: people.count, number: formatNumber(f, people.count) });
}

export const personLabel = (f: Formatter, person: UnPerson) => u(f, 'people.label', { number: person.number });

function personEntry(f: Formatter, person: UnPerson): Html {
  const id = person.identity;
  const named = person.disclosure === 'named';
  const account = person.sourceNumber === undefined ? null : `[S${person.sourceNumber}]`;
  return html`<article class="person" data-disclosure="${person.disclosure}">
<h4>${personLabel(f, person)}</h4>
<p><strong>${u(f, `people.${person.disclosure}`)}</strong></p>
${fieldList([
  [f.t('report:source.pseudonym'), bdi(person.pseudonym)],
  // SECURITY: `identity` and `title` are set by unPeople only for a person who may be named to the UN.
  [f.t('report:source.name'), named ? bdi(id?.name) : null],
  [f.t('report:source.contact'), named ? bdi(id?.contact) : null],
  [f.t('report:source.address'), named ? userText(id?.address) : null],
  [f.t('report:source.role'), person.role ? label(f, 'personRole', person.role) : null],
  [f.t('report:source.ageGroup'), named ? personAnswer(f, 'ageGroup', id?.ageGroup) : null],
  [f.t('report:source.gender'), named ? personAnswer(f, 'gender', id?.gender) : null],
  [f.t('report:source.disability'), named ? personAnswer(f, 'disability', id?.disability) : null],
  [u(f, 'people.account'), named && person.title ? html`${account} <bdi>${person.title}</bdi>` : account],
])}
${named ? '' : html`<p class="notice">${u(f, person.disclosure === 'identityNotCarried' ? 'people.identityNotCarriedAdvice' : 'people.notConsentedAdvice')}</p>`}
</article>`;
}

function groupRows(f: Formatter, data: ReportData): Html[] {
  const rows = (title: string, effects: readonly EffectView[]) =>
    effects.flatMap((view) => {
      const effect = view.data;
      if (!effect) return [];
      const groups = effect.groups?.length ? list(f, effect.groups.map((group) => label(f, 'group', group))) : '';
      return [
        html`<tr><td><bdi>${title}</bdi></td><td>${effect.category ? label(f, 'category', effect.category) : f.t('report:notRecorded')}</td><td>${
          effect.area ? bdi(areaName(f, effect.area, effect.occurredAt?.at)) : f.t('report:notRecorded')
        }</td><td>${peopleText(f, effect.peopleAffected)}</td><td>${groups}</td></tr>`,
      ];
    });
  return [
    ...data.incidents.flatMap((view) => rows(view.data?.title?.trim() || f.t('report:untitled'), data.effectsOf.get(view.record.recordId) ?? [])),
    ...rows(f.t('report:notRecorded'), data.otherEffects),
  ];
}

export function victimsPart(f: Formatter, people: readonly UnPerson[], data: ReportData, sourcesWithheld: number): Html {
  const rows = groupRows(f, data);
  return html`<section id="victims" aria-labelledby="victims-title">
<h2 id="victims-title">${u(f, 'sections.victims')}</h2>
<h3>${u(f, 'people.heading')}</h3>
${people.length ? people.map((person) => personEntry(f, person)) : html`<p class="note">${u(f, 'people.none')}</p>`}
${sourcesWithheld > 0 ? html`<p class="note">${u(f, 'people.sourcesWithheld', { count: sourcesWithheld })}</p>` : ''}
<h3>${u(f, 'groups.heading')}</h3>
${
  rows.length
    ? html`<table class="groups"><thead><tr><th scope="col">${u(f, 'groups.incident')}</th><th scope="col">${u(f, 'groups.category')}</th><th scope="col">${u(
        f,
        'groups.area',
      )}</th><th scope="col">${u(f, 'groups.people')}</th><th scope="col">${u(f, 'groups.groups')}</th></tr></thead><tbody>${rows}</tbody></table>`
    : html`<p class="note">${u(f, 'groups.none')}</p>`
}
</section>`;
}

function answerText(f: Formatter, person: UnPerson): string {
  const { recorded, unreadable } = person.answer;
  const text =
    recorded === 'notAsked' ? u(f, 'consent.notAsked') : recorded === undefined ? f.t('report:notRecorded') : f.t(recorded ? 'report:yes' : 'report:no');
  return unreadable ? `${text}. ${u(f, 'consent.unreadable')}` : text;
}

function consentRow(f: Formatter, person: UnPerson): Html {
  const { answer } = person;
  const withdrawals = answer.withdrawals.map((withdrawal) =>
    u(f, 'consent.withdrawal', { date: formatTimestamp(f, withdrawal.at), method: label(f, 'consentMethod', withdrawal.method) }),
  );
  return html`<tr data-now="${answer.allowsNow ? 'yes' : 'no'}"><th scope="row">${personLabel(f, person)}${
    person.pseudonym ? html`<br><bdi>${person.pseudonym}</bdi>` : ''
  }</th><td>${answerText(f, person)}</td><td>${u(f, answer.allowsNow ? 'consent.allows' : 'consent.doesNotAllow')}</td><td>${answer.givenAt ? formatTimestamp(f, answer.givenAt) : f.t('report:notRecorded')}</td><td>${
    answer.askedIn ? languageName(f, answer.askedIn) : f.t('report:notRecorded')
  }</td><td>${withdrawals.length ? html`<ul class="plain">${withdrawals.map((line) => html`<li>${line}</li>`)}</ul>` : ''}</td></tr>`;
}

export function consentPart(f: Formatter, people: readonly UnPerson[]): Html {
  // SECURITY: never who asked. A communication is sent on to the government concerned, and the
  // person who asked is a defender; the report (data/report.html) gives the lawyer that name.
  const head = ['person', 'answer', 'now', 'askedAt', 'askedIn', 'withdrawals'].map((key) => html`<th scope="col">${u(f, `consent.${key}`)}</th>`);
  return html`<section id="consent" aria-labelledby="consent-title">
<h2 id="consent-title">${u(f, 'sections.consent')}</h2>
<p>${u(f, 'consent.intro')}</p>
${
  people.length
    ? html`<table class="consent"><thead><tr>${head}</tr></thead><tbody>${people.map((person) => consentRow(f, person))}</tbody></table>`
    : html`<p class="note">${u(f, 'people.none')}</p>`
}
<p class="note">${u(f, 'consent.askedByNote')}</p>
</section>`;
}
