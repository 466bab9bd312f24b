/**
 * A source's translations on its page, under the statement: each one's
 * language, translator, day and whether it is certified, then the text as
 * written (line breaks kept by the prose style). Shows nothing for a source
 * without translations.
 */
import { useTranslation } from 'react-i18next';
import type { Translation } from '../../../shared/model';
import { currentLanguage } from '../i18n';
import { formatTimestamp } from '../incidents/format';

/** "ағылшын тілі (en)": a language code's name in the interface's language, or the code alone. */
function languageName(code: string, language: string): string {
  try {
    const name = new Intl.DisplayNames([language], { type: 'language', fallback: 'none' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

export function SourceTranslations({ translations }: { translations: readonly Translation[] | undefined }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  if (!translations?.length) return null;
  return (
    <section className="detail-group translations" aria-labelledby="translations-title">
      <h2 id="translations-title">{t('evidence:source.translation.title')}</h2>
      {translations.map((translation, index) => (
        <article key={index} className="translation" aria-labelledby={`translation-${index}-title`}>
          <h3 id={`translation-${index}-title`}>{t('evidence:source.translation.heading', { language: languageName(translation.language, lng) })}</h3>
          <dl>
            {translation.translator && (
              <div className="detail">
                <dt>{t('evidence:source.translation.fields.translator')}</dt>
                <dd>{translation.translator}</dd>
              </div>
            )}
            <div className="detail">
              <dt>{t('evidence:source.translation.fields.translatedAt')}</dt>
              <dd>{formatTimestamp({ at: `${translation.translatedAt}T00:00Z`, precision: 'day' }, lng)}</dd>
            </div>
            <div className="detail">
              <dt>{t('evidence:source.translation.certifiedLegend')}</dt>
              <dd>{t(translation.certified ? 'evidence:source.translation.certified' : 'evidence:source.translation.notCertified')}</dd>
            </div>
          </dl>
          {translation.text && (
            <blockquote className="prose" lang={translation.language}>
              {translation.text}
            </blockquote>
          )}
        </article>
      ))}
    </section>
  );
}
