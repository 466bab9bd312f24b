/**
 * What a person's consent allows now, wherever the person appears: one badge
 * per use ("Keep: Yes · Lawyers, no name: Yes · … · Publish, no name: No"),
 * a use taken back counted as "No", in words and with a mark (✓ for yes, ✕
 * for no, drawn by the stylesheet with empty alt text so a screen reader
 * hears only the words; a solid or a dashed outline), never colour alone; then what
 * was withdrawn, and "no consent recorded", in grey, when there is none.
 */
import { useTranslation } from 'react-i18next';
import { allows, type Source } from '../../../shared/model';
import { consentQuestions } from './sourceDraft';

export function ConsentBadges({ consent }: { consent: Source['consent'] }) {
  const { t } = useTranslation();
  if (!consent) return <span className="badge consent-none">{t('evidence:consent.none')}</span>;
  const withdrawn = [...new Set(consent.withdrawals?.flatMap((withdrawal) => withdrawal.uses) ?? [])];
  return (
    <span className="consent-badges" aria-label={t('evidence:consent.badgesLabel')} role="group">
      {consentQuestions.map((question, index) => {
        const yes = allows(consent, question);
        return (
          <span key={question}>
            {index > 0 && ' · '}
            <span className={`badge consent-${yes ? 'yes' : 'no'}`}>
              {t(`evidence:consent.badge.${question}`, { answer: yes ? t('evidence:consent.yes') : t('evidence:consent.no') })}
            </span>
          </span>
        );
      })}
      {withdrawn.length > 0 && (
        <span>
          {' · '}
          <span className="badge consent-no">
            {t('evidence:consent.withdrawnBadge', { uses: withdrawn.map((use) => t(`evidence:consent.use.${use}`)).join('; ') })}
          </span>
        </span>
      )}
    </span>
  );
}
