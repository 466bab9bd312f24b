/**
 * The "new complaint or case" and "edit complaint or case" screens. A new
 * intervention starts about the incident whose page opened it; an edit
 * appends a revision whose parent is the head it started from (a concurrent
 * change is refused, not overwritten), and saving without a change makes
 * none. A new one returns to its incident's page, an edit to its own page.
 * One in conflict is resolved before it can be edited.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordSummary } from '../../../shared/ipc';
import type { Area, Intervention } from '../../../shared/model';
import { EditBlocked } from '../components/EditBlocked';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageTitle } from '../components/PageTitle';
import { ConflictEditBlocked } from '../conflicts/ConflictMark';
import { asDalelError, dalel, type DalelError } from '../dalel';
import { loadDetail, loadSources, type SourceRow } from '../evidence/evidenceRecords';
import { hrefOf, navigate, type Route } from '../router';
import { emptyInterventionDraft, interventionDraftOf, type InterventionDraft } from './interventionDraft';
import { InterventionForm } from './InterventionForm';
import { loadIncidentChoices, readIntervention } from './interventionRecords';

type Props = { incidentId: string; recordId?: undefined } | { recordId: string; incidentId?: undefined };

interface Loaded {
  incidents: { recordId: string; title: string; areas: Area[] }[];
  sources: SourceRow[];
  draft: InterventionDraft | null;
  intervention: Intervention | null;
  summary: RecordSummary | null;
}

async function load(props: Props): Promise<Loaded> {
  const [incidents, sources] = await Promise.all([loadIncidentChoices(), loadSources()]);
  if (!props.recordId) return { incidents, sources, draft: emptyInterventionDraft(props.incidentId ?? ''), intervention: null, summary: null };
  const { detail, data } = await loadDetail(props.recordId);
  const intervention = readIntervention(data);
  return { incidents, sources, draft: intervention && interventionDraftOf(intervention), intervention, summary: detail.summary };
}

export function InterventionEditor(props: Props) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<DalelError | null>(null);
  const { recordId, incidentId } = props;

  useEffect(() => {
    load(recordId ? { recordId } : { incidentId: incidentId ?? '' }).then(setLoaded, (thrown: unknown) => setError(asDalelError(thrown)));
  }, [recordId, incidentId]);

  const title = recordId ? t('interventions:editTitle') : t('interventions:newTitle');
  if (!loaded) {
    return (
      <div className="incident-editor">
        <PageTitle text={title} />
        {error ? <ErrorMessage error={error} /> : <p className="loading">{t('common:loading')}</p>}
      </div>
    );
  }
  const { draft, intervention, summary, incidents, sources } = loaded;
  const back: Route = recordId ? { screen: 'intervention', recordId } : { screen: 'incident', recordId: incidentId ?? '' };
  return (
    <div className="incident-editor">
      <PageTitle id="intervention-form-title" text={title} />
      <p className="lead">{t('interventions:intro')}</p>
      {summary?.conflict ? (
        <ConflictEditBlocked summary={summary} backHref={hrefOf(back)} />
      ) : summary?.retracted || !draft ? (
        <EditBlocked retracted={Boolean(summary?.retracted)} unreadable={t('evidence:unreadable')} backHref={hrefOf(back)} />
      ) : (
        <InterventionForm
          initial={draft}
          labelledBy="intervention-form-title"
          cancelHref={hrefOf(back)}
          incidents={incidents}
          sources={sources}
          save={(data) => {
            if (!recordId || !summary) return dalel().records.save({ type: 'intervention', data });
            // Nothing changed: no new revision.
            if (intervention && JSON.stringify(intervention) === JSON.stringify(data)) return Promise.resolve({ ok: true as const, value: { recordId } });
            return dalel().records.save({ type: 'intervention', recordId, parent: summary.headId, data });
          }}
          onSaved={() => navigate(back)}
        />
      )}
    </div>
  );
}
