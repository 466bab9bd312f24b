/**
 * The overview of the open archive: how many incidents, effects and people,
 * effects by category and by area, the shutdowns on a time line per area and
 * effects over time. Every chart leads to the list filtered by what was
 * clicked and has a table with the same numbers for screen readers. The
 * engine computes the numbers (`records:overview`, shared/overview), so only
 * what is drawn crosses IPC, whatever the archive's size; the screen keeps
 * nothing after it is closed.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../../shared/overview';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageTitle } from '../components/PageTitle';
import { dalel, type DalelError } from '../dalel';
import { currentLanguage } from '../i18n';
import { hrefOf } from '../router';
import { BarChart, type BarItem } from './BarChart';
import { ChartFigure } from './ChartFigure';
import { areaName, formatDay, formatMonth, formatNumber } from './format';
import { effectsHref, incidentsHref } from './listLinks';
import { OverTimeChart } from './OverTimeChart';
import { TimelineChart } from './TimelineChart';
import './overview.css';

async function loadOverview(): Promise<{ overview: Overview } | { error: DalelError }> {
  const answer = await dalel().records.overview({});
  return answer.ok ? { overview: answer.value } : { error: answer.error };
}

export function OverviewScreen() {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Awaited<ReturnType<typeof loadOverview>> | null>(null);
  useEffect(() => {
    void loadOverview().then(setLoaded);
  }, []);

  return (
    <div className="overview">
      <PageTitle text={t('overview:title')} />
      {!loaded && <p className="loading">{t('common:loading')}</p>}
      {loaded && 'error' in loaded && <ErrorMessage error={loaded.error} />}
      {loaded && 'overview' in loaded && <OverviewCharts overview={loaded.overview} />}
    </div>
  );
}

function OverviewCharts({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const number = (value: number) => formatNumber(value, lng);

  const categories: BarItem[] = overview.byCategory.map(({ code, count }) => {
    const label = t(`taxonomy:category.${code}`);
    return { key: code, label, count, countText: number(count), href: effectsHref({ category: code }), description: t('overview:byCategory.bar', { name: label, count }) };
  });
  const areas: BarItem[] = overview.byArea.map(({ code, count, kind }) => {
    const label = areaName(code, kind, lng, t);
    const href = kind === 'code' ? effectsHref({ area: code }) : undefined;
    return { key: code, label, count, countText: number(count), href, description: t('overview:byArea.bar', { name: label, count }) };
  });

  return (
    <>
      <section className="overview-counts" aria-labelledby="overview-counts-title">
        <h2 id="overview-counts-title" className="visually-hidden">
          {t('overview:counts.title')}
        </h2>
        <ul>
          <li>
            <a href={incidentsHref()}>
              <span className="count-value">{number(overview.incidents)}</span>{' '}
              <span className="count-label">{t('overview:counts.incidents', { count: overview.incidents })}</span>
            </a>
            {overview.ongoing > 0 && <span className="count-detail">{t('overview:counts.ongoing', { count: overview.ongoing })}</span>}
            {overview.linkedRecords > 0 && <span className="count-detail">{t('overview:counts.linked', { count: overview.linkedRecords })}</span>}
          </li>
          <li>
            <a href={effectsHref()}>
              <span className="count-value">{number(overview.effects)}</span>{' '}
              <span className="count-label">{t('overview:counts.effects', { count: overview.effects })}</span>
            </a>
          </li>
          {overview.effectsWithCount > 0 && (
            <li>
              <span className="count-value">{number(overview.peopleAffected)}</span>{' '}
              <span className="count-label">{t('overview:counts.people', { count: overview.peopleAffected })}</span>
              <span className="count-detail">{t('overview:counts.peopleWhereCounted', { count: overview.effectsWithCount })}</span>
            </li>
          )}
        </ul>
      </section>

      {overview.incidents === 0 && overview.effects === 0 && (
        <div className="empty-state">
          <h2>{t('overview:empty.title')}</h2>
          <p>{t('overview:empty.text')}</p>
          <a className="button primary" href={hrefOf({ screen: 'new' })}>
            {t('overview:empty.action')}
          </a>
        </div>
      )}

      <div className="overview-charts">
        {categories.length > 0 && (
          <ChartFigure
            id="chart-by-category"
            caption={t('overview:byCategory.caption')}
            columns={[t('overview:byCategory.column'), t('overview:columns.effects')]}
            rows={categories.map((item) => ({ key: item.key, cells: [item.label, item.countText] }))}
            note={overview.moreCategories > 0 ? t('overview:byCategory.more', { count: overview.moreCategories }) : undefined}
          >
            <BarChart items={categories} labelledBy="chart-by-category-caption" />
          </ChartFigure>
        )}
        {areas.length > 0 && (
          <ChartFigure
            id="chart-by-area"
            caption={t('overview:byArea.caption')}
            columns={[t('overview:columns.area'), t('overview:columns.effects')]}
            rows={areas.map((item) => ({ key: item.key, cells: [item.label, item.countText] }))}
            note={overview.moreAreas > 0 ? t('overview:byArea.more', { count: overview.moreAreas }) : undefined}
          >
            <BarChart items={areas} labelledBy="chart-by-area-caption" />
          </ChartFigure>
        )}
        {overview.timeline.rows.length > 0 && <Timeline overview={overview} />}
        {overview.overTime.buckets.length > 0 && <EffectsOverTime overview={overview} />}
      </div>
    </>
  );
}

function Timeline({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const { timeline } = overview;
  const rows = timeline.rows.map((row) => {
    const label = areaName(row.key, row.kind, lng, t);
    return {
      row,
      label,
      href: row.kind === 'code' ? incidentsHref({ area: row.key }) : undefined,
      description: t('overview:timeline.row', { name: label, count: row.incidents }),
    };
  });
  return (
    <ChartFigure
      id="chart-timeline"
      caption={t('overview:timeline.caption')}
      columns={[t('overview:columns.area'), t('overview:columns.incidents'), t('overview:columns.first'), t('overview:columns.last')]}
      rows={rows.map(({ row, label }) => ({
        key: row.key,
        cells: [label, formatNumber(row.incidents, lng), formatDay(row.first, lng), row.last ? formatDay(row.last, lng) : t('overview:timeline.ongoing')],
      }))}
      note={joined(
        timeline.moreRows > 0 && t('overview:timeline.more', { count: timeline.moreRows }),
        // Closer periods are joined so that a row stays a few hundred bars; a gap under a day is not worth a note.
        timeline.mergeStep >= dayMs && t('overview:timeline.merged', { count: Math.ceil(timeline.mergeStep / dayMs) }),
      )}
    >
      <TimelineChart rows={rows} start={timeline.start} end={timeline.end} lng={lng} labelledBy="chart-timeline-caption" />
    </ChartFigure>
  );
}

function EffectsOverTime({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const { unit, buckets, undated, earlier } = overview.overTime;
  const columns = buckets.map((bucket) => {
    const label = unit === 'month' ? formatMonth(bucket.from, lng) : formatDay(bucket.from, lng);
    const period = unit === 'month' ? label : t('overview:overTime.week', { date: label });
    return { bucket, label, period, href: effectsHref({ from: bucket.from, to: bucket.to }), description: t('overview:overTime.column', { period, count: bucket.count }) };
  });
  return (
    <ChartFigure
      id="chart-over-time"
      caption={t(unit === 'month' ? 'overview:overTime.captionMonth' : 'overview:overTime.captionWeek')}
      columns={[t('overview:columns.period'), t('overview:columns.effects')]}
      rows={columns.map((column) => ({ key: column.bucket.from, cells: [column.period, formatNumber(column.bucket.count, lng)] }))}
      note={joined(earlier > 0 && t('overview:overTime.earlier', { count: earlier }), undated > 0 && t('overview:overTime.undated', { count: undated }))}
    >
      <OverTimeChart columns={columns} labelledBy="chart-over-time-caption" />
    </ChartFigure>
  );
}

/** The notes under a chart, joined; undefined when there is none. */
const joined = (...notes: (string | false)[]): string | undefined => notes.filter(Boolean).join(' ') || undefined;

const dayMs = 86_400_000;
