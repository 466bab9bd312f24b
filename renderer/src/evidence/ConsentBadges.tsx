/**
 * What a person's consent allows, wherever the person appears: one badge per
 * answer ("Store: yes · Lawyers: yes · Publish: no") in words, never colour
 * alone, and "no consent recorded" when there is none.
 */
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../shared/model';
import { consentQuestions } from './sourceDraft';

export function ConsentBadges({ consent }: { consent: Source['consent'] }) {
  const { t } = useTranslation();
  if (!consent) return <span className="badge">{t('evidence:consent.none')}</span>;
  return (
    <span className="consent-badges" aria-label={t('evidence:consent.badgesLabel')} role="group">
      {consentQuestions.map((question, index) => (
        <span key={question}>
          {index > 0 && ' · '}
          <span className={`badge consent-${consent[question] ? 'yes' : 'no'}`}>
            {t(`evidence:consent.badge.${question}`, { answer: consent[question] ? t('evidence:consent.yes') : t('evidence:consent.no') })}
          </span>
        </span>
      ))}
    </span>
  );
}
