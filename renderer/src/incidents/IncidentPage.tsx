/**
 * One incident: its details, its evidence files (and those of its effects
 * and sources), its revision history and chain of custody, and the Edit and
 * Retract actions. A retracted incident shows its last content
 * marked as retracted, with the reason and the whole history, and offers no
 * edit. An incident in conflict is marked so, shows the version made last
 * (never a winner), and offers "Resolve" instead of Edit and Retract.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordDetail } from '../../../shared/ipc';
import type { Incident } from '../../../shared/model';
import { EvidenceFiles } from '../attachments/EvidenceFiles';
import { RelatedEvidenceFiles } from '../attachments/RelatedEvidenceFiles';
import { CustodyChain } from '../components/CustodyChain';
import { ErrorMessage } from '../components/ErrorMessage';
import { IllustrativeBadge } from '../components/IllustrativeBadge';
import { PageTitle } from '../components/PageTitle';
import { ConflictBadge, ConflictNotice, ResolveAction } from '../conflicts/ConflictMark';
import { asDalelError, type DalelError } from '../dalel';
import { currentLanguage } from '../i18n';
import { EvidenceSections } from '../evidence/EvidenceSections';
import { InterventionsSection } from '../interventions/InterventionsSection';
import { hrefOf } from '../router';
import { formatInstant } from './format';
import { IncidentDetails } from './IncidentDetails';
import { LinkedIncidents } from './LinkedIncidents';
import { loadIncidentDetail } from './incidentRecords';
import { RetractDialog } from './RetractDialog';
import { RevisionHistory } from './RevisionHistory';
import { RecordIdentity } from '../trace/RecordIdentity';

export function IncidentPage({ recordId, ownFingerprint }: { recordId: string; ownFingerprint: string }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<{ detail: RecordDetail; incident: Incident | null } | null>(null);
  const [error, setError] = useState<DalelError | null>(null);

  const load = useCallback(() => {
    loadIncidentDetail(recordId).then(setLoaded, (thrown: unknown) => setError(asDalelError(thrown)));
  }, [recordId]);
  useEffect(load, [load]);

  if (!loaded) {
    return (
      <div className="incident-page">
        <PageTitle text={t('incidents:page.loadingTitle')} />
        {error ? <ErrorMessage error={error} /> : <p className="loading">{t('common:loading')}</p>}
        <a href={hrefOf({ screen: 'list' })}>{t('incidents:page.backToList')}</a>
      </div>
    );
  }

  const { detail, incident } = loaded;
  const { summary, history } = detail;
  const tombstone = summary.retracted ? history.findLast((signed) => signed.revision.data === null) : undefined;
  return (
    <article className={`incident-page${summary.retracted ? ' retracted' : ''}`}>
      <div className="page-header">
        {/* Keyed by head: after a retraction the title takes focus again (the Retract button is gone). */}
        <PageTitle key={summary.headId} text={incident?.title ?? t('incidents:list.unreadable')}>
          {incident?.title ?? t('incidents:list.unreadable')}
          {summary.retracted && <span className="badge badge-retracted">{t('incidents:status.retracted')}</span>}
          {incident?.confidential && <span className="badge badge-confidential">{t('incidents:status.confidential')}</span>}
          <IllustrativeBadge data={incident} />
          <ConflictBadge summary={summary} />
        </PageTitle>
        {summary.conflict && <ResolveAction recordId={recordId} />}
        {!summary.retracted && !summary.conflict && (
          <div className="page-actions">
            <a className="button primary" href={hrefOf({ screen: 'edit', recordId })}>
              {t('common:actions.edit')}
            </a>
            <RetractDialog type="incident" recordId={recordId} headId={summary.headId} onRetracted={load} />
          </div>
        )}
      </div>
      <ConflictNotice summary={summary} />
      {tombstone && (
        <div className="retracted-notice" role="note">
          <p>{t('incidents:page.retractedOn', { date: formatInstant(tombstone.revision.createdAt, currentLanguage()) })}</p>
          {tombstone.revision.retraction?.reason && (
            <p>{t('incidents:page.retractedReason', { reason: tombstone.revision.retraction.reason })}</p>
          )}
          <p>{t('incidents:page.retractedKept')}</p>
        </div>
      )}
      <p className="record-meta">
        {t('incidents:page.meta', {
          created: formatInstant(summary.createdAt, currentLanguage()),
          updated: formatInstant(summary.updatedAt, currentLanguage()),
        })}
      </p>
      {incident ? <IncidentDetails incident={incident} /> : <p className="error-message">{t('incidents:page.unreadable')}</p>}
      {incident && <LinkedIncidents recordId={recordId} links={incident.links ?? []} />}
      {/* Adding a source lists it on the incident: a new revision, refused while the incident is in conflict. */}
      {incident && <EvidenceSections incidentId={recordId} incident={incident} canAdd={!summary.retracted && !summary.conflict} />}
      {incident && <InterventionsSection incidentId={recordId} canAdd={!summary.retracted} />}
      <EvidenceFiles
        recordId={recordId}
        attachments={detail.attachments}
        ownFingerprint={ownFingerprint}
        canAdd={!summary.retracted}
        onAdded={load}
      />
      {incident && <RelatedEvidenceFiles incidentId={recordId} incidentSources={incident.sources} ownFingerprint={ownFingerprint} />}
      <RecordIdentity recordId={recordId} headId={summary.headId} />
      <RevisionHistory history={history} ownFingerprint={ownFingerprint} />
      {/* Keyed by the file count too: adding files appends custody events without a new revision. */}
      <CustodyChain
        key={detail.attachments.length}
        recordId={recordId}
        headId={summary.headId}
        ownFingerprint={ownFingerprint}
        attachments={detail.attachments}
      />
      <p>
        <a href={hrefOf({ screen: 'list' })}>{t('incidents:page.backToList')}</a>
      </p>
    </article>
  );
}
