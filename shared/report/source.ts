/**
 * One source as the bundle carries it: what it is, what it says, and the
 * person behind a testimony showing only the fields the profile kept (a
 * pseudonym where the person is not named), with their consent and its withdrawals. A
 * source's address is printed as text, never as a link: the report fetches
 * nothing and lets a reader fetch nothing by accident.
 */
import { consentUses, type BundleAttachment } from '../model';
import { gradeText } from './citationsPart';
import { formatTimestamp, label, languageName, list, type Formatter } from './format';
import { html, type Html } from './html';
import { bdi, fieldList, mono, userText } from './parts';
import { personAnswer } from './personAnswer';
import type { PersonFields, SourceFields, SourceView } from './records';
import { signedHeadField } from './signedHead';
import { translationList } from './translations';

const yesNo = (f: Formatter, value: boolean | undefined) => (value === undefined ? null : f.t(value ? 'report:yes' : 'report:no'));

function personBlock(f: Formatter, person: PersonFields | undefined): Html | null {
  if (!person) return null;
  const fields = fieldList([
    [f.t('report:source.pseudonym'), bdi(person.pseudonym)],
    [f.t('report:source.name'), bdi(person.name)],
    [f.t('report:source.contact'), bdi(person.contact)],
    [f.t('report:source.address'), userText(person.address)],
    [f.t('report:source.role'), person.role ? label(f, 'personRole', person.role) : null],
    [f.t('report:source.ageGroup'), personAnswer(f, 'ageGroup', person.ageGroup)],
    [f.t('report:source.gender'), personAnswer(f, 'gender', person.gender)],
    [f.t('report:source.disability'), personAnswer(f, 'disability', person.disability)],
  ]);
  return html`<div class="person"><h5>${f.t('report:source.person')}</h5>${fields}${
    person.pseudonym ? html`<p class="note">${f.t('report:source.pseudonymNote')}</p>` : ''
  }</div>`;
}

const answerLabels = {
  keep: 'report:source.consentKeep',
  lawyersAnonymous: 'report:source.consentLawyersAnonymous',
  lawyersNamed: 'report:source.consentLawyersNamed',
  unNamed: 'report:source.consentUn',
  publishAnonymous: 'report:source.consentPublish',
} as const;

/**
 * The person's answers, who asked them, in which language, when and how,
 * and every withdrawal: a recipient must know what they may do with it.
 */
function consentBlock(f: Formatter, consent: SourceFields['consent']): Html | null {
  if (!consent) return null;
  const useText = (uses: readonly string[]) => list(f, consentUses.filter((use) => uses.includes(use)).map((use) => f.t(answerLabels[use])));
  const withdrawals = (consent.withdrawals ?? []).map((withdrawal) =>
    f.t('report:source.consentWithdrawal', {
      date: formatTimestamp(f, withdrawal.at),
      method: label(f, 'consentMethod', withdrawal.method),
      uses: useText(withdrawal.uses),
    }),
  );
  return html`<div class="person"><h5>${f.t('report:source.consent')}</h5>${fieldList([
    ...consentUses.map((use): [string, string | null] => [f.t(answerLabels[use]), yesNo(f, consent[use])]),
    [f.t('report:source.consentAskedBy'), bdi(consent.askedBy)],
    [f.t('report:source.consentAskedIn'), consent.askedIn ? languageName(f, consent.askedIn) : null],
    [f.t('report:source.consentGiven'), formatTimestamp(f, consent.givenAt)],
    [f.t('report:source.consentMethod'), label(f, 'consentMethod', consent.method)],
    [f.t('report:source.consentWithdrawn'), withdrawals.length ? html`<ul class="plain">${withdrawals.map((line) => html`<li>${line}</li>`)}</ul>` : null],
  ])}${consent.migrated ? html`<p class="note">${f.t('report:source.consentMigrated')}</p>` : ''}</div>`;
}

/** The evidence files of a record, by name and the start of their hash (the index has the rest). */
export function fileList(files: readonly BundleAttachment[] | undefined): Html | null {
  if (!files?.length) return null;
  return html`<ul class="plain">${files.map((file) => html`<li><bdi>${file.originalName}</bdi> <span class="mono hash">${file.sha256.slice(0, 16)}…</span></li>`)}</ul>`;
}

export function sourceBlock(f: Formatter, view: SourceView, number: number | undefined, files: readonly BundleAttachment[] | undefined): Html {
  const ref = number === undefined ? '' : `[S${number}] `;
  const anchor = number === undefined ? '' : html` id="source-${number}"`;
  if (!view.data) {
    return html`<article class="source"${anchor}><h4>${ref}${f.t('taxonomy:recordType.source')}</h4><p class="notice">${f.t('report:incident.retracted')}</p><p class="note mono">${view.record.recordId}</p></article>`;
  }
  const source = view.data;
  return html`<article class="source"${anchor}>
<p class="kicker">${source.kind ? label(f, 'sourceKind', source.kind) : f.t('taxonomy:recordType.source')}</p>
<h4>${ref}<bdi>${source.title?.trim() || f.t('report:untitled')}</bdi></h4>
${source.sensitive ? html`<p class="note">${f.t('report:source.sensitive')}</p>` : ''}
${fieldList([
  [f.t('report:source.language'), source.language ? languageName(f, source.language) : null],
  [f.t('report:source.collectedAt'), source.collectedAt ? formatTimestamp(f, source.collectedAt) : null],
  [f.t('report:source.collectedBy'), mono(source.collectedBy)],
  // SECURITY: a URL is user text; printed, never an href or src.
  [f.t('report:source.url'), mono(source.url)],
  [f.t('report:source.content'), source.content?.trim() ? html`<blockquote>${userText(source.content)}</blockquote>` : null],
  [f.t('report:translation.translations'), translationList(f, source.translations)],
  [f.t('evidence:grade.title'), gradeText(f, source.grade)],
  [f.t('report:source.files'), fileList(files)],
  [f.t('report:incident.recordId'), mono(view.record.recordId)],
  [f.t('report:signedHead.label'), signedHeadField(f, view.record)],
])}
${personBlock(f, source.person)}
${consentBlock(f, source.consent)}
</article>`;
}
