/**
 * One effect or source: its fields, its evidence files, its revision history
 * and chain of custody, and the Edit and Retract actions. A source shows the statement
 * apart from the person's identifying fields (masked until "Show" is
 * pressed, ./PersonDetails.tsx), and what the person's consent allows. A retracted record shows its last content, marked, and offers no
 * edit. A record in conflict is marked so, shows the version made last
 * (never a winner), and offers "Resolve" instead of Edit and Retract.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordDetail } from '../../../shared/ipc';
import type { Source } from '../../../shared/model';
import { EvidenceFiles } from '../attachments/EvidenceFiles';
import { CitedClaimsProvider, CitedClaimsSection } from '../citations/CitedClaims';
import { CitedFor } from '../citations/CitedFor';
import { SourceGradeDetails } from '../citations/SourceGradeDetails';
import { CustodyChain } from '../components/CustodyChain';
import { ErrorMessage } from '../components/ErrorMessage';
import { IllustrativeBadge } from '../components/IllustrativeBadge';
import { PageTitle } from '../components/PageTitle';
import { ConflictBadge, ConflictNotice, ResolveAction } from '../conflicts/ConflictMark';
import { recordFields } from '../conflicts/recordFields';
import { asDalelError, type DalelError } from '../dalel';
import { RetractDialog } from '../incidents/RetractDialog';
import { RevisionHistory } from '../incidents/RevisionHistory';
import { hrefOf } from '../router';
import { EffectSources } from '../trace/EffectSources';
import { RecordIdentity } from '../trace/RecordIdentity';
import { ConsentBadges } from './ConsentBadges';
import { effectFacts } from './EffectsSection';
import { loadDetail, readEffect, readSource } from './evidenceRecords';
import { PersonDetails } from './PersonDetails';
import { SourceTranslations } from './SourceTranslations';

interface Props {
  type: 'effect' | 'source';
  recordId: string;
  ownFingerprint: string;
}

export function EvidencePage({ type, recordId, ownFingerprint }: Props) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<{ detail: RecordDetail; data: unknown } | null>(null);
  const [error, setError] = useState<DalelError | null>(null);
  const load = useCallback(() => {
    loadDetail(recordId).then(setLoaded, (thrown: unknown) => setError(asDalelError(thrown)));
  }, [recordId]);
  useEffect(load, [load]);

  if (!loaded) {
    return (
      <div className="incident-page">
        <PageTitle text={t(`evidence:${type}.pageTitle`)} />
        {error ? <ErrorMessage error={error} /> : <p className="loading">{t('common:loading')}</p>}
      </div>
    );
  }
  const { summary, history } = loaded.detail;
  const effect = type === 'effect' ? readEffect(loaded.data) : null;
  const source = type === 'source' ? readSource(loaded.data) : null;
  const title = effect ? t(`taxonomy:category.${effect.category}`) : (source?.title ?? t('evidence:unreadable'));
  const editScreen = type === 'effect' ? 'editEffect' : 'editSource';
  return (
    <article className={`incident-page${summary.retracted ? ' retracted' : ''}`}>
      <div className="page-header">
        <PageTitle key={summary.headId} text={title}>
          {title}
          {summary.retracted && <span className="badge badge-retracted">{t('incidents:status.retracted')}</span>}
          <IllustrativeBadge data={loaded.data} />
          <ConflictBadge summary={summary} />
        </PageTitle>
        {summary.conflict && <ResolveAction recordId={recordId} />}
        {!summary.retracted && !summary.conflict && (
          <div className="page-actions">
            <a className="button primary" href={hrefOf({ screen: editScreen, recordId })}>
              {t('common:actions.edit')}
            </a>
            <RetractDialog type={type} recordId={recordId} headId={summary.headId} onRetracted={load} />
          </div>
        )}
      </div>
      <ConflictNotice summary={summary} />
      {effect && (
        <>
          {effect.description && <p className="prose">{effect.description}</p>}
          <dl className="evidence-facts">
            {effectFacts(effect, t).map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <EffectSources effect={effect} />
          <CitedClaimsProvider citations={effect.citations}>
            <CitedClaimsSection form="effect" />
          </CitedClaimsProvider>
          <p>
            <a href={hrefOf({ screen: 'incident', recordId: effect.incident })}>{t('evidence:effect.backToIncident')}</a>
          </p>
        </>
      )}
      {source && <SourceDetails source={source} />}
      {source && <SourceGradeDetails grade={source.grade} />}
      {source && <CitedFor sourceId={recordId} />}
      <EvidenceFiles
        recordId={recordId}
        attachments={loaded.detail.attachments}
        ownFingerprint={ownFingerprint}
        canAdd={!summary.retracted}
        onAdded={load}
      />
      <RecordIdentity recordId={recordId} headId={summary.headId} />
      <RevisionHistory history={history} ownFingerprint={ownFingerprint} fields={recordFields[type]} />
      {/* Keyed by the file count too: adding files appends custody events without a new revision. */}
      <CustodyChain
        key={loaded.detail.attachments.length}
        recordId={recordId}
        headId={summary.headId}
        ownFingerprint={ownFingerprint}
        attachments={loaded.detail.attachments}
      />
    </article>
  );
}

function SourceDetails({ source }: { source: Source }) {
  const { t } = useTranslation();
  const person = source.person;
  return (
    <>
      <section className="detail-group" aria-labelledby="statement-title">
        <h2 id="statement-title">{t('evidence:source.sections.statement')}</h2>
        <p>{t(`taxonomy:sourceKind.${source.kind}`)}</p>
        {source.content && <blockquote className="prose">{source.content}</blockquote>}
        {source.url && (
          <p>
            {t('evidence:source.fields.url')}: <code>{source.url}</code>
          </p>
        )}
      </section>
      <SourceTranslations translations={source.translations} />
      <section className="detail-group" aria-labelledby="consent-title">
        <h2 id="consent-title">{t('evidence:consent.title')}</h2>
        <ConsentBadges consent={source.consent} />
        {source.consent && <p>{t('evidence:consent.how', { method: t(`taxonomy:consentMethod.${source.consent.method}`) })}</p>}
      </section>
      {person && <PersonDetails person={person} />}
    </>
  );
}
