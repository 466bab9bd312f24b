/**
 * The effects on people as a table: what happened (a link to the effect),
 * its category, severity, region and when it occurred in the UI language,
 * and its incident (a link). Headers of sortable columns sort. Only the
 * rows in view are rendered (VirtualTable). Shows rows; decides nothing.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { IllustrativeBadge } from '../components/IllustrativeBadge';
import { ConflictListMark } from '../conflicts/ConflictMark';
import { periodText } from '../evidence/EffectsSection';
import { currentLanguage } from '../i18n';
import { areaName } from '../incidents/format';
import { hrefOf } from '../router';
import type { EffectListRow, EffectSort } from '../../../shared/lists/effectQuery';
import type { Sorting } from './sorting';
import { VirtualTable, type Column, type TableRows } from './VirtualTable';

interface Props {
  rows: TableRows<EffectListRow>;
  sorting: Sorting<EffectSort>;
}

export function EffectTable({ rows, sorting }: Props) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const columns = useMemo(
    (): Column<EffectListRow>[] => [
      {
        id: 'description',
        header: t('evidence:effect.fields.description'),
        width: 'minmax(14rem, 3fr)',
        rowHeader: true,
        cell: ({ summary, effect }) => (
          <>
            <a href={hrefOf({ screen: 'effect', recordId: summary.recordId })}>{effect.description.split('\n')[0] || t('evidence:effect.untitled')}</a>
            <IllustrativeBadge data={effect} />
            <ConflictListMark summary={summary} />
          </>
        ),
      },
      { id: 'category', header: t('evidence:effect.fields.category'), width: 'minmax(8rem, 1.5fr)', sort: 'category', cell: ({ effect }) => t(`taxonomy:category.${effect.category}`) },
      { id: 'severity', header: t('evidence:effect.fields.severity'), width: 'minmax(6rem, 1fr)', sort: 'severity', cell: ({ effect }) => t(`taxonomy:severity.${effect.severity}`) },
      { id: 'area', header: t('evidence:effect.fields.area'), width: 'minmax(7rem, 1.2fr)', cell: ({ effect }) => (effect.area ? areaName(effect.area, lng, effect.occurredAt?.at) : '') },
      { id: 'occurred', header: t('evidence:effect.fields.occurredAt'), width: 'minmax(9rem, 1.5fr)', sort: 'occurred', cell: ({ effect }) => periodText(effect, lng) ?? '' },
      {
        id: 'incident',
        header: t('evidence:effect.fields.incident'),
        width: 'minmax(9rem, 1.5fr)',
        cell: ({ effect, incidentTitle }) => (
          <a href={hrefOf({ screen: 'incident', recordId: effect.incident })}>{incidentTitle ?? t('incidents:list.unreadable')}</a>
        ),
      },
    ],
    [t, lng],
  );
  return (
    <VirtualTable
      rows={rows}
      columns={columns}
      caption={t('evidence:lists.effects.tableCaption')}
      className="effect-table"
      sorting={sorting as Sorting<string>}
    />
  );
}
