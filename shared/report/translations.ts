/**
 * A source's translations, shown under its content: into which language, by
 * whom, on which day, whether certified, then the text as the translator
 * wrote it (escaped, line breaks kept). A court weighs a certified
 * translation differently, so "not certified" is said, never left blank.
 * A public bundle carries no translator's name (shared/model/bundle.ts), so
 * the field is then simply absent. Pure.
 */
import type { Translation } from '../model';
import { formatDate, languageName, type Formatter } from './format';
import { html, type Html } from './html';
import { bdi, fieldList, userText } from './parts';

/** "2022-01-14" read as a calendar day, in the report's language. */
function dayText(f: Formatter, day: string | undefined): string | null {
  const m = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  return m ? formatDate(f, { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }) : null;
}

export function translationList(f: Formatter, translations: readonly Partial<Translation>[] | undefined): Html | null {
  if (!translations?.length) return null;
  return html`<div class="translations">${translations.map(
    (translation) => html`<div class="translation">
<h5>${f.t('report:translation.heading', { language: translation.language ? languageName(f, translation.language) : f.t('report:notRecorded') })}</h5>
${fieldList([
  [f.t('report:translation.translator'), bdi(translation.translator)],
  [f.t('report:translation.translatedAt'), dayText(f, translation.translatedAt)],
  [f.t('report:translation.certified'), translation.certified === undefined ? null : f.t(translation.certified ? 'report:translation.isCertified' : 'report:translation.notCertified')],
])}
${translation.text?.trim() ? html`<blockquote${translation.language ? html` lang="${translation.language}"` : ''}>${userText(translation.text)}</blockquote>` : ''}
</div>`,
  )}</div>`;
}
