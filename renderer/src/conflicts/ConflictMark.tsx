/**
 * The marks of a record in conflict, in words (never colour alone): a badge
 * "In conflict: N versions" beside its name, and on its pages a note saying
 * that what they show is only the version made last, with the way to
 * resolve. They show what the summary says and decide nothing.
 */
import { useTranslation } from 'react-i18next';
import type { RecordSummary } from '../../../shared/ipc';
import { hrefOf } from '../router';
import './conflicts.css';

type Conflicted = Pick<RecordSummary, 'recordId' | 'conflict' | 'heads'>;

export function ConflictBadge({ summary }: { summary: Conflicted }) {
  const { t } = useTranslation();
  if (!summary.conflict) return null;
  // The space keeps the badge a word of its own in the heading's or link's accessible name.
  return (
    <>
      {' '}
      <span className="badge badge-conflict">{t('conflicts:mark.badge', { count: summary.heads.length })}</span>
    </>
  );
}

/** The badge and a link to resolve, for a row of a list. */
export function ConflictListMark({ summary }: { summary: Conflicted }) {
  const { t } = useTranslation();
  if (!summary.conflict) return null;
  return (
    <>
      <ConflictBadge summary={summary} />{' '}
      <a className="conflict-link" href={hrefOf({ screen: 'resolveConflict', recordId: summary.recordId })}>
        {t('conflicts:mark.resolve')}
      </a>
    </>
  );
}

/** On a record's page: why it shows only one version, and the way to resolve. */
export function ConflictNotice({ summary }: { summary: Conflicted }) {
  const { t } = useTranslation();
  if (!summary.conflict) return null;
  return (
    <div className="conflict-notice" role="note">
      <p>{t('conflicts:mark.notice', { count: summary.heads.length })}</p>
    </div>
  );
}

/** Replaces Edit and Retract while the record is in conflict: an ordinary edit would be refused. */
export function ResolveAction({ recordId }: { recordId: string }) {
  const { t } = useTranslation();
  return (
    <div className="page-actions">
      <a className="button primary" href={hrefOf({ screen: 'resolveConflict', recordId })}>
        {t('conflicts:mark.resolve')}
      </a>
    </div>
  );
}

/** What an edit screen shows instead of its form for a record in conflict. */
export function ConflictEditBlocked({ summary, backHref }: { summary: Conflicted; backHref: string }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="error-message">{t('conflicts:mark.editBlocked')}</p>
      <p>
        <a className="button primary" href={hrefOf({ screen: 'resolveConflict', recordId: summary.recordId })}>
          {t('conflicts:mark.resolve')}
        </a>{' '}
        <a href={backHref}>{t('common:actions.back')}</a>
      </p>
    </>
  );
}
