/**
 * One complaint, court case or UN communication: its facts (kind, body,
 * reference, dates, outcome), its summary, the incidents it is about, its
 * evidence files, its revision history and chain of custody, and the Edit
 * and Retract actions. A retracted one shows its last content, marked, and
 * offers no edit; one in conflict shows the version made last (never a
 * winner) and offers "Resolve" instead.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordDetail } from '../../../shared/ipc';
import { EvidenceFiles } from '../attachments/EvidenceFiles';
import { CustodyChain } from '../components/CustodyChain';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageTitle } from '../components/PageTitle';
import { ConflictBadge, ConflictNotice, ResolveAction } from '../conflicts/ConflictMark';
import { recordFields } from '../conflicts/recordFields';
import { asDalelError, type DalelError } from '../dalel';
import { loadDetail } from '../evidence/evidenceRecords';
import { currentLanguage } from '../i18n';
import { RetractDialog } from '../incidents/RetractDialog';
import { RevisionHistory } from '../incidents/RevisionHistory';
import { hrefOf } from '../router';
import { RecordIdentity } from '../trace/RecordIdentity';
import { interventionFacts } from './interventionFacts';
import { loadIncidentChoices, readIntervention } from './interventionRecords';

interface Loaded {
  detail: RecordDetail;
  data: unknown;
  titles: Map<string, string>;
}

async function load(recordId: string): Promise<Loaded> {
  const [{ detail, data }, incidents] = await Promise.all([loadDetail(recordId), loadIncidentChoices()]);
  return { detail, data, titles: new Map(incidents.map((row) => [row.recordId, row.title])) };
}

export function InterventionPage({ recordId, ownFingerprint }: { recordId: string; ownFingerprint: string }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<DalelError | null>(null);
  const reload = useCallback(() => {
    load(recordId).then(setLoaded, (thrown: unknown) => setError(asDalelError(thrown)));
  }, [recordId]);
  useEffect(reload, [reload]);

  if (!loaded) {
    return (
      <div className="incident-page">
        <PageTitle text={t('interventions:pageTitle')} />
        {error ? <ErrorMessage error={error} /> : <p className="loading">{t('common:loading')}</p>}
      </div>
    );
  }
  const { summary, history, attachments } = loaded.detail;
  const intervention = readIntervention(loaded.data);
  const title = intervention?.title ?? t('evidence:unreadable');
  return (
    <article className={`incident-page${summary.retracted ? ' retracted' : ''}`}>
      <div className="page-header">
        <PageTitle key={summary.headId} text={title}>
          {title}
          {summary.retracted && <span className="badge badge-retracted">{t('incidents:status.retracted')}</span>}
          {intervention?.confidential && <span className="badge badge-confidential">{t('incidents:status.confidential')}</span>}
          <ConflictBadge summary={summary} />
        </PageTitle>
        {summary.conflict && <ResolveAction recordId={recordId} />}
        {!summary.retracted && !summary.conflict && (
          <div className="page-actions">
            <a className="button primary" href={hrefOf({ screen: 'editIntervention', recordId })}>
              {t('common:actions.edit')}
            </a>
            <RetractDialog type="intervention" recordId={recordId} headId={summary.headId} onRetracted={reload} />
          </div>
        )}
      </div>
      <ConflictNotice summary={summary} />
      {intervention && (
        <>
          <dl className="evidence-facts">
            {interventionFacts(intervention, t, currentLanguage()).map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
            {intervention.sources.length > 0 && (
              <div>
                <dt>{t('interventions:fields.sources')}</dt>
                <dd>{t('interventions:sourceCount', { count: intervention.sources.length })}</dd>
              </div>
            )}
          </dl>
          {intervention.summary && <p className="prose">{intervention.summary}</p>}
          <section className="detail-group" aria-labelledby="intervention-incidents">
            <h2 id="intervention-incidents">{t('interventions:fields.incidents')}</h2>
            <ul>
              {intervention.incidents.map((incident) => (
                <li key={incident}>
                  <a href={hrefOf({ screen: 'incident', recordId: incident })}>{loaded.titles.get(incident) ?? incident}</a>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
      <EvidenceFiles recordId={recordId} attachments={attachments} ownFingerprint={ownFingerprint} canAdd={!summary.retracted} onAdded={reload} />
      <RecordIdentity recordId={recordId} headId={summary.headId} />
      <RevisionHistory history={history} ownFingerprint={ownFingerprint} fields={recordFields.intervention} />
      {/* Keyed by the file count too: adding files appends custody events without a new revision. */}
      <CustodyChain key={attachments.length} recordId={recordId} headId={summary.headId} ownFingerprint={ownFingerprint} attachments={attachments} />
    </article>
  );
}
