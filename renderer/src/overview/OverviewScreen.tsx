/**
 * The overview of the open archive: how many incidents, effects and people,
 * effects by severity, category and area, the shutdowns on a time line per
 * area and effects over time, all within the dates chosen above them. Every
 * chart writes its numbers, leads to the list filtered by what was clicked
 * (and by the dates) and has a table with the same numbers for screen
 * readers. The engine computes the numbers (`records:overview`,
 * shared/overview), so only what is drawn crosses IPC, whatever the
 * archive's size; the screen keeps nothing after it is closed.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../../shared/overview';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageTitle } from '../components/PageTitle';
import { dalel, type DalelError } from '../dalel';
import { currentLanguage } from '../i18n';
import { hrefOf } from '../router';
import { BarChart, type BarItem } from './BarChart';
import { ChartFigure } from './ChartFigure';
import { areaName, formatNumber } from './format';
import { effectsHref, type ListFilter } from './listLinks';
import { OverviewCounts } from './OverviewCounts';
import { RangeControl, type DayRange } from './RangeControl';
import { EffectsOverTime, Timeline } from './TimeFigures';
import './overview.css';

type Loaded = { overview: Overview } | { error: DalelError };

async function loadOverview(range: DayRange): Promise<Loaded> {
  const answer = await dalel().records.overview({ ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) });
  return answer.ok ? { overview: answer.value } : { error: answer.error };
}

export function OverviewScreen() {
  const { t } = useTranslation();
  const [range, setRange] = useState<DayRange>({});
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // Only the answer to the latest range is shown, however the answers arrive.
  const asked = useRef(0);
  const load = useCallback((next: DayRange) => {
    const ask = ++asked.current;
    void loadOverview(next).then((answer) => {
      if (ask === asked.current) setLoaded(answer);
    });
  }, []);
  useEffect(() => load(range), [load, range]);

  return (
    <div className="overview">
      <PageTitle text={t('overview:title')} />
      {!loaded && <p className="loading">{t('common:loading')}</p>}
      {loaded && 'error' in loaded && <ErrorMessage error={loaded.error} />}
      {loaded && 'overview' in loaded && <OverviewCharts overview={loaded.overview} ranged={Boolean(range.from || range.to)} onRange={setRange} />}
    </div>
  );
}

function OverviewCharts({ overview, ranged, onRange }: { overview: Overview; ranged: boolean; onRange: (range: DayRange) => void }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const number = (value: number) => formatNumber(value, lng);
  // Links carry the dates only when some were chosen: the lists then show what the charts count.
  const dates: ListFilter = ranged && overview.range ? { from: overview.range.from, to: overview.range.to } : {};
  const bar = (code: string, label: string, count: number, href: string | undefined, description: string): BarItem => ({
    key: code,
    label,
    count,
    countText: number(count),
    href,
    description: t(description, { name: label, count, number: number(count) }),
  });

  const severities = overview.bySeverity.map(({ code, count }) =>
    bar(code, t(`taxonomy:severity.${code}`), count, effectsHref({ severity: code, ...dates }), 'overview:bySeverity.bar'),
  );
  const categories = overview.byCategory.map(({ code, count }) =>
    bar(code, t(`taxonomy:category.${code}`), count, effectsHref({ category: code, ...dates }), 'overview:byCategory.bar'),
  );
  const areas = overview.byArea.map(({ code, count, kind }) =>
    bar(code, areaName(code, kind, lng, t), count, kind === 'code' ? effectsHref({ area: code, ...dates }) : undefined, 'overview:byArea.bar'),
  );
  const more = (key: string, count: number) => (count > 0 ? t(key, { count, number: number(count) }) : undefined);
  const nothing = overview.incidents === 0 && overview.effects === 0;

  return (
    <>
      {overview.extent && <RangeControl shown={overview.range} lng={lng} onChange={onRange} />}
      <OverviewCounts overview={overview} lng={lng} range={dates} />

      {nothing && !ranged && (
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
            note={more('overview:byCategory.more', overview.moreCategories)}
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
            note={more('overview:byArea.more', overview.moreAreas)}
          >
            <BarChart items={areas} labelledBy="chart-by-area-caption" />
          </ChartFigure>
        )}
        {overview.timeline.rows.length > 0 && <Timeline overview={overview} dates={dates} />}
        {overview.overTime.buckets.length > 0 && <EffectsOverTime overview={overview} dates={dates} />}
        {overview.effects > 0 && (
          <ChartFigure
            id="chart-by-severity"
            caption={t('overview:bySeverity.caption')}
            columns={[t('overview:bySeverity.column'), t('overview:columns.effects')]}
            rows={severities.map((item) => ({ key: item.key, cells: [item.label, item.countText] }))}
          >
            <BarChart items={severities} labelledBy="chart-by-severity-caption" />
          </ChartFigure>
        )}
      </div>
    </>
  );
}
