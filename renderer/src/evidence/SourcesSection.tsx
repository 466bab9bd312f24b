/**
 * The "Sources" section of an incident page: the sources that the incident
 * or its effects reference (a source added from this page is referenced by
 * the incident), each with its kind, title, the person's role and what their
 * consent allows, and the "Add source" action. Loads nothing.
 */
import { useTranslation } from 'react-i18next';
import { ConflictListMark } from '../conflicts/ConflictMark';
import { hrefOf } from '../router';
import { ConsentBadges } from './ConsentBadges';
import type { SourceRow } from './evidenceRecords';

export function SourcesSection({ incidentId, sources, canAdd }: { incidentId: string; sources: readonly SourceRow[]; canAdd: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="evidence-section" aria-labelledby="sources-title">
      <h2 id="sources-title">{t('evidence:sources.title')}</h2>
      {sources.length === 0 && <p>{t('evidence:sources.empty')}</p>}
      <ul className="evidence-list">
        {sources.map(({ summary, source }) => (
          <li key={summary.recordId} className="evidence-item">
            <p>
              <a href={hrefOf({ screen: 'source', recordId: summary.recordId })}>{source.title}</a>{' '}
              <span className="badge">{t(`taxonomy:sourceKind.${source.kind}`)}</span>
              <ConflictListMark summary={summary} />
            </p>
            {source.person && <p>{t('evidence:sources.personRole', { role: t(`taxonomy:personRole.${source.person.role}`) })}</p>}
            {(source.person || source.consent) && <ConsentBadges consent={source.consent} />}
          </li>
        ))}
      </ul>
      {canAdd && (
        <p>
          <a className="button" href={hrefOf({ screen: 'newSource', incidentId })}>
            {t('evidence:sources.add')}
          </a>
        </p>
      )}
    </section>
  );
}
