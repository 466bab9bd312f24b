/**
 * The incident page's part about each time the network was off: the
 * computed duration (with "curfew style" when the cut-offs repeat at the same
 * hours) and the intervals, each in its own offset with its areas and
 * operators. Rows of the page's "When" list; read-only.
 */
import { useTranslation } from 'react-i18next';
import { durationOf, type Incident } from '../../../shared/model';
import { currentLanguage } from '../i18n';
import { DurationNote } from './DurationNote';
import { intervalText } from './intervalText';

export function IntervalDetails({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const intervals = incident.intervals ?? [];
  const duration = durationOf(incident);

  return (
    <>
      {(duration.hours !== null || duration.curfewStyle) && (
        <div className="detail">
          <dt>{t('incidents:intervals.durationLabel')}</dt>
          <dd>
            <DurationNote id="incident-duration" duration={duration} />
          </dd>
        </div>
      )}
      {intervals.length > 0 && (
        <div className="detail">
          <dt>{t('incidents:intervals.listLabel')}</dt>
          <dd>
            <ol className="interval-list" aria-label={t('incidents:intervals.listLabel')}>
              {intervals.map((interval, index) => (
                <li key={index}>{intervalText(interval, lng, t)}</li>
              ))}
            </ol>
          </dd>
        </div>
      )}
    </>
  );
}
