/**
 * The overview's two figures over time: the shutdowns per area on a time
 * line (with a legend saying what a recorded period, an ongoing one and one
 * whose end was not recorded look like) and the effects per month or week.
 * Each names its rows in the app's language and writes its numbers; the
 * tables hold the same numbers and say, per area, how many are ongoing and
 * how many have no recorded end.
 */
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../../shared/overview';
import { currentLanguage } from '../i18n';
import { ChartFigure } from './ChartFigure';
import { areaName, formatDay, formatMonth, formatNumber } from './format';
import { effectsHref, incidentsHref, type ListFilter } from './listLinks';
import { OverTimeChart } from './OverTimeChart';
import { TimelineChart } from './TimelineChart';

const dayMs = 86_400_000;

/** The notes under a chart, joined; undefined when there is none. */
const joined = (...notes: (string | false)[]): string | undefined => notes.filter(Boolean).join(' ') || undefined;

export function Timeline({ overview, dates }: { overview: Overview; dates: ListFilter }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const number = (value: number) => formatNumber(value, lng);
  const { timeline } = overview;
  const rows = timeline.rows.map((row) => {
    const label = areaName(row.key, row.kind, lng, t);
    return {
      row,
      label,
      countText: number(row.incidents),
      href: row.kind === 'code' ? incidentsHref({ area: row.key, ...dates }) : undefined,
      description: t('overview:timeline.row', { name: label, count: row.incidents, number: number(row.incidents) }),
    };
  });
  // The last recorded end, then what is still open: ongoing as recorded, or an end nobody recorded.
  const lastCell = (row: Overview['timeline']['rows'][number]) =>
    [
      row.last && formatDay(row.last, lng),
      row.ongoing > 0 && t('overview:timeline.ongoingCount', { number: number(row.ongoing) }),
      row.endNotRecorded > 0 && t('overview:timeline.endNotRecordedCount', { number: number(row.endNotRecorded) }),
    ]
      .filter(Boolean)
      .join('; ');
  const spans = timeline.rows.flatMap((row) => row.spans);
  const legend = [
    { key: 'recorded', shown: spans.some((span) => !span.ongoing && !span.endNotRecorded) },
    { key: 'ongoing', shown: spans.some((span) => span.ongoing) },
    { key: 'endNotRecorded', shown: spans.some((span) => span.endNotRecorded) },
  ].filter((item) => item.shown);
  return (
    <ChartFigure
      id="chart-timeline"
      caption={t('overview:timeline.caption')}
      columns={[t('overview:columns.area'), t('overview:columns.incidents'), t('overview:columns.first'), t('overview:columns.last')]}
      rows={rows.map(({ row, label, countText }) => ({ key: row.key, cells: [label, countText, formatDay(row.first, lng), lastCell(row)] }))}
      note={joined(
        timeline.moreRows > 0 && t('overview:timeline.more', { count: timeline.moreRows, number: number(timeline.moreRows) }),
        // Closer periods are joined so that a row stays a few hundred bars; a gap under a day is not worth a note.
        timeline.mergeStep >= dayMs && t('overview:timeline.merged', { count: Math.ceil(timeline.mergeStep / dayMs), number: number(Math.ceil(timeline.mergeStep / dayMs)) }),
      )}
    >
      <TimelineChart rows={rows} start={timeline.start} end={timeline.end} lng={lng} labelledBy="chart-timeline-caption" endNotRecorded={t('overview:timeline.endNotRecorded')} />
      <ul className="timeline-legend">
        {legend.map(({ key }) => (
          <li key={key}>
            <svg className="legend-swatch" viewBox="0 0 20 12" width="20" height="12" aria-hidden="true">
              <rect className={key === 'recorded' ? 'timeline-span' : key === 'ongoing' ? 'timeline-span ongoing' : 'timeline-span open'} x="1" y="1" width="18" height="10" />
            </svg>
            {t(`overview:timeline.legend.${key}`)}
          </li>
        ))}
      </ul>
    </ChartFigure>
  );
}

export function EffectsOverTime({ overview, dates }: { overview: Overview; dates: ListFilter }) {
  const ranged = Boolean(dates.from || dates.to);
  const { t } = useTranslation();
  const lng = currentLanguage();
  const number = (value: number) => formatNumber(value, lng);
  const { unit, buckets, undated, earlier } = overview.overTime;
  const columns = buckets.map((bucket) => {
    const label = unit === 'month' ? formatMonth(bucket.from, lng) : formatDay(bucket.from, lng);
    const period = unit === 'month' ? label : t('overview:overTime.week', { date: label });
    const countText = number(bucket.count);
    return {
      bucket,
      label,
      period,
      countText,
      // A period cut by the dates chosen leads to the effects within them, the ones its column counts.
      href: effectsHref({ from: dates.from && dates.from > bucket.from ? dates.from : bucket.from, to: dates.to && dates.to < bucket.to ? dates.to : bucket.to }),
      description: t('overview:overTime.column', { period, count: bucket.count, number: countText }),
    };
  });
  return (
    <ChartFigure
      id="chart-over-time"
      caption={t(unit === 'month' ? 'overview:overTime.captionMonth' : 'overview:overTime.captionWeek')}
      columns={[t('overview:columns.period'), t('overview:columns.effects')]}
      rows={columns.map((column) => ({ key: column.bucket.from, cells: [column.period, column.countText] }))}
      note={joined(
        earlier > 0 && t('overview:overTime.earlier', { count: earlier, number: number(earlier) }),
        undated > 0 && t(ranged ? 'overview:overTime.undatedRanged' : 'overview:overTime.undated', { count: undated, number: number(undated) }),
      )}
    >
      <OverTimeChart columns={columns} labelledBy="chart-over-time-caption" />
    </ChartFigure>
  );
}
