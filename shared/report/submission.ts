/**
 * The parts of the report that make a `legal` bundle a submission rather
 * than an annex (shared/model/submission.ts): who submits it and how they
 * may be reached, on the cover; the declaration of the person who collected
 * the records; the methodology (collection, the definition of a shutdown
 * used, verification, limits); and the domestic remedies a UN procedure asks
 * about. Every value is user text and goes through the `html` template;
 * nothing here invents a value: an empty part reads "not stated", and a
 * legal bundle without a submission says so on its cover.
 */
import type { Bundle, Submission } from '../model';
import { formatDate, type Formatter } from './format';
import { html, type Html } from './html';
import { bdi, fieldList, userText } from './parts';

const methodologyParts = ['collection', 'definition', 'verification', 'limits'] as const;

/** The cover's lines on the submitter; for a legal bundle without a submission, that none was given. */
export function submitterOnCover(f: Formatter, bundle: Bundle): Html {
  const { submission } = bundle;
  if (!submission) {
    if (bundle.profile !== 'legal') return html``;
    return html`<p class="submission-none"><strong>${f.t('report:submission.noneGiven')}</strong></p>`;
  }
  const { kind, name, contact } = submission.submitter;
  return fieldList([
    [f.t('report:submission.submitter'), html`<strong>${bdi(name)}</strong> (${f.t(`report:submission.kind.${kind}`)})`],
    [f.t('report:submission.contact'), contact.trim() ? userText(contact) : html`<span class="note">${f.t('report:submission.noContact')}</span>`],
  ]);
}

/** The table of contents' lines for the submission's sections, in the order they follow the contents. */
export function submissionContents(f: Formatter, bundle: Bundle): Html {
  if (!bundle.submission) return html``;
  return html`<li><a href="#declaration">${f.t('report:submission.declaration.heading')}</a></li>
<li><a href="#methodology">${f.t('report:submission.methodology.heading')}</a></li>
<li><a href="#remedies">${f.t('report:submission.remedies.heading')}</a></li>`;
}

/** The declaration, the methodology and the domestic remedies, each a section of its own; nothing without a submission. */
export function submissionSections(f: Formatter, bundle: Bundle): Html {
  const { submission } = bundle;
  if (!submission) return html``;
  return html`${declarationSection(f, submission)}
${methodologySection(f, submission)}
${remediesSection(f, submission)}`;
}

function declarationSection(f: Formatter, { declaration }: Submission): Html {
  return html`<section class="submission" id="declaration" aria-labelledby="declaration-title">
<h2 id="declaration-title">${f.t('report:submission.declaration.heading')}</h2>
${fieldList([
  [f.t('report:submission.declaration.by'), bdi(declaration.by)],
  [f.t('report:submission.declaration.date'), dayOf(f, declaration.date)],
])}
<h3>${f.t('report:submission.declaration.text')}</h3>
${userText(declaration.text)}
</section>`;
}

function methodologySection(f: Formatter, { methodology }: Submission): Html {
  return html`<section class="submission" id="methodology" aria-labelledby="methodology-title">
<h2 id="methodology-title">${f.t('report:submission.methodology.heading')}</h2>
${methodologyParts.map(
  (part) => html`<h3>${f.t(`report:submission.methodology.${part}`)}</h3>
${statedText(f, methodology[part])}`,
)}
</section>`;
}

function remediesSection(f: Formatter, { remedies }: Submission): Html {
  return html`<section class="submission" id="remedies" aria-labelledby="remedies-title">
<h2 id="remedies-title">${f.t('report:submission.remedies.heading')}</h2>
<p class="note">${f.t('report:submission.remedies.intro')}</p>
${statedText(f, remedies)}
</section>`;
}

/** Text as written, or "not stated": an empty part must read as empty, never vanish. */
function statedText(f: Formatter, text: string): Html {
  return userText(text) ?? html`<p class="note">${f.t('report:submission.notStated')}</p>`;
}

/** A YYYY-MM-DD day in the report's words, or as written if it is not one. */
function dayOf(f: Formatter, day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? formatDate(f, { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }) : day;
}
