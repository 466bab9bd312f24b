/**
 * The list of records in conflict (`records:conflicts`): each with its type,
 * name, number of versions and a link to compare and resolve them. It only
 * lists; nothing is resolved from here.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordSummary } from '../../../shared/ipc';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageTitle } from '../components/PageTitle';
import { asDalelError, dalel, unwrap, type DalelError } from '../dalel';
import { currentLanguage } from '../i18n';
import { formatInstant } from '../incidents/format';
import { hrefOf } from '../router';
import { useRecordName } from './useRecordName';
import './conflicts.css';

export function ConflictsScreen() {
  const { t } = useTranslation();
  const [records, setRecords] = useState<RecordSummary[] | null>(null);
  const [error, setError] = useState<DalelError | null>(null);

  useEffect(() => {
    dalel()
      .records.conflicts({})
      .then(unwrap)
      .then((value) => setRecords(value.records), (thrown: unknown) => setError(asDalelError(thrown)));
  }, []);

  return (
    <div className="conflicts-screen">
      <PageTitle text={t('conflicts:list.title')} />
      <p className="lead">{t('conflicts:list.intro')}</p>
      <ErrorMessage error={error} />
      {!records && !error && <p className="loading">{t('common:loading')}</p>}
      {records && records.length === 0 && (
        <div className="empty-state">
          <h2>{t('conflicts:list.emptyTitle')}</h2>
          <p>{t('conflicts:list.emptyText')}</p>
          <p>
            <a className="button" href={hrefOf({ screen: 'import' })}>
              {t('conflicts:list.emptyAction')}
            </a>
          </p>
        </div>
      )}
      {records && records.length > 0 && (
        <>
          <p>{t('conflicts:list.count', { count: records.length })}</p>
          <ConflictTable records={records} />
        </>
      )}
    </div>
  );
}

function ConflictTable({ records }: { records: readonly RecordSummary[] }) {
  const { t } = useTranslation();
  return (
    <table className="incident-table conflict-table">
      <caption className="visually-hidden">{t('conflicts:list.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('conflicts:list.record')}</th>
          <th scope="col">{t('conflicts:list.type')}</th>
          <th scope="col">{t('conflicts:list.versions')}</th>
          <th scope="col">{t('conflicts:list.lastMade')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('conflicts:list.resolve')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {records.map((summary) => (
          <ConflictRow key={summary.recordId} summary={summary} />
        ))}
      </tbody>
    </table>
  );
}

function ConflictRow({ summary }: { summary: RecordSummary }) {
  const { t } = useTranslation();
  const name = useRecordName(summary);
  const nameId = `conflict-${summary.recordId}`;
  const page = summary.type === 'effect' || summary.type === 'source' || summary.type === 'intervention' ? summary.type : 'incident';
  return (
    <tr data-record-id={summary.recordId}>
      <th scope="row" id={nameId}>
        <a href={hrefOf({ screen: page, recordId: summary.recordId })}>{name}</a>
      </th>
      <td>{t(`conflicts:list.types.${page}`)}</td>
      <td>{t('conflicts:list.versionCount', { count: summary.heads.length })}</td>
      <td>
        <time dateTime={summary.updatedAt}>{formatInstant(summary.updatedAt, currentLanguage())}</time>
      </td>
      <td>
        <a className="button primary" href={hrefOf({ screen: 'resolveConflict', recordId: summary.recordId })} aria-describedby={nameId}>
          {t('conflicts:list.resolve')}
        </a>
      </td>
    </tr>
  );
}
