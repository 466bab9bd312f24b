/**
 * An incident's computed duration in words: the hours it was off (the
 * intervals' total, or the span when there are none) and, for cut-offs
 * repeated at the same hours on several days, "curfew style". Computed by
 * shared/model/interval.ts, never typed; shows nothing while unknown.
 */
import { useTranslation } from 'react-i18next';
import type { Duration } from '../../../shared/model';
import { currentLanguage } from '../i18n';

export function formatHours(hours: number, lng: string): string {
  return new Intl.NumberFormat(lng, { maximumFractionDigits: 1 }).format(hours);
}

export function DurationNote({ duration, id }: { duration: Duration; id?: string }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  if (duration.hours === null && !duration.curfewStyle) return null;
  return (
    <p className="duration-note" id={id}>
      {duration.hours === null
        ? t('incidents:intervals.durationUnknown')
        : t(duration.approximate ? 'incidents:intervals.durationAbout' : 'incidents:intervals.duration', { hours: formatHours(duration.hours, lng) })}
      {duration.curfewStyle && (
        <>
          {' '}
          <strong className="curfew-style">{t('incidents:intervals.curfewStyle')}</strong>
        </>
      )}
    </p>
  );
}
