/**
 * The overview's count tiles: shutdowns (those the records mark ongoing and
 * those whose end was not recorded said apart, never one for the other),
 * effects on people and the people counted. Numbers as the language writes
 * them; the tiles for incidents and effects link to their lists.
 */
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../../shared/overview';
import type { Language } from '../../../shared/ipc';
import { formatNumber } from './format';
import { effectsHref, incidentsHref, type ListFilter } from './listLinks';

export function OverviewCounts({ overview, lng, range }: { overview: Overview; lng: Language; range: ListFilter }) {
  const { t } = useTranslation();
  const number = (value: number) => formatNumber(value, lng);
  const detail = (key: string, count: number) => t(key, { count, number: number(count) });
  return (
    <section className="overview-counts" aria-labelledby="overview-counts-title">
      <h2 id="overview-counts-title" className="visually-hidden">
        {t('overview:counts.title')}
      </h2>
      <ul>
        <li>
          <a href={incidentsHref(range)}>
            <span className="count-value">{number(overview.incidents)}</span>{' '}
            <span className="count-label">{t('overview:counts.incidents', { count: overview.incidents })}</span>
          </a>
          {overview.ongoing > 0 && <span className="count-detail">{detail('overview:counts.ongoing', overview.ongoing)}</span>}
          {overview.endNotRecorded > 0 && <span className="count-detail">{detail('overview:counts.endNotRecorded', overview.endNotRecorded)}</span>}
          {overview.linkedRecords > 0 && <span className="count-detail">{detail('overview:counts.linked', overview.linkedRecords)}</span>}
        </li>
        <li>
          <a href={effectsHref(range)}>
            <span className="count-value">{number(overview.effects)}</span>{' '}
            <span className="count-label">{t('overview:counts.effects', { count: overview.effects })}</span>
          </a>
        </li>
        {overview.effectsWithCount > 0 && (
          <li>
            <span className="count-value">{number(overview.peopleAffected)}</span>{' '}
            <span className="count-label">{t('overview:counts.people', { count: overview.peopleAffected })}</span>
            <span className="count-detail">{detail('overview:counts.peopleWhereCounted', overview.effectsWithCount)}</span>
          </li>
        )}
      </ul>
    </section>
  );
}
