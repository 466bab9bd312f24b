/**
 * A source's grade on its page: the source's reliability (A–F), the
 * information's credibility (1–6), first-hand or hearsay, and how it was
 * checked; "Not graded" for a source graded in no way.
 */
import { useTranslation } from 'react-i18next';
import type { SourceGrade } from '../../../shared/model';

export function SourceGradeDetails({ grade }: { grade: SourceGrade | undefined }) {
  const { t } = useTranslation();
  const graded = grade && (grade.reliability || grade.credibility || grade.access !== 'unknown' || grade.verification.trim());
  return (
    <section className="detail-group source-grade" aria-labelledby="source-grade-title">
      <h2 id="source-grade-title">{t('evidence:grade.title')}</h2>
      {!graded ? (
        <p className="not-recorded">{t('evidence:grade.notGraded')}</p>
      ) : (
        <dl>
          <div className="detail">
            <dt>{t('evidence:grade.reliability')}</dt>
            <dd>{grade.reliability ? t(`taxonomy:reliability.${grade.reliability}`) : t('evidence:grade.notGraded')}</dd>
          </div>
          <div className="detail">
            <dt>{t('evidence:grade.credibility')}</dt>
            <dd>{grade.credibility ? t(`taxonomy:credibility.${grade.credibility}`) : t('evidence:grade.notGraded')}</dd>
          </div>
          <div className="detail">
            <dt>{t('evidence:grade.access')}</dt>
            <dd>{t(`taxonomy:access.${grade.access}`)}</dd>
          </div>
          {grade.verification.trim() && (
            <div className="detail">
              <dt>{t('evidence:grade.verification')}</dt>
              <dd className="prose">{grade.verification}</dd>
            </div>
          )}
        </dl>
      )}
    </section>
  );
}
