/**
 * The "new source" and "edit source" screens. A source added from an
 * incident's page is then listed in that incident's sources (a new incident
 * revision), so the page finds it again after a reload. An edit appends a
 * revision whose parent is the head it started from. A source in conflict
 * is resolved before it can be edited.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordSummary } from '../../../shared/ipc';
import type { Source } from '../../../shared/model';
import { ErrorMessage } from '../components/ErrorMessage';
import { EditBlocked } from '../components/EditBlocked';
import { PageTitle } from '../components/PageTitle';
import { ConflictEditBlocked } from '../conflicts/ConflictMark';
import { asDalelError, dalel, type DalelError, type Result } from '../dalel';
import { loadIncidentDetail } from '../incidents/incidentRecords';
import { hrefOf, navigate } from '../router';
import { loadDetail, readSource } from './evidenceRecords';
import { emptySourceDraft, sourceDraftOf, type SourceDraft } from './sourceDraft';
import { SourceForm } from './SourceForm';

type Props = { incidentId: string; recordId?: undefined } | { recordId: string; incidentId?: undefined };

/** Saves a new source, then lists it on the incident it was added from. */
async function saveForIncident(incidentId: string, data: Source): Promise<Result<{ recordId: string }>> {
  const saved = await dalel().records.save({ type: 'source', data });
  if (!saved.ok) return saved;
  const { detail, incident } = await loadIncidentDetail(incidentId);
  if (!incident || detail.summary.retracted) return saved;
  const linked = await dalel().records.save({
    type: 'incident',
    recordId: incidentId,
    parent: detail.summary.headId,
    data: { ...incident, sources: [...incident.sources, saved.value.recordId] },
  });
  return linked.ok ? saved : linked;
}

export function SourceEditor(props: Props) {
  const { t } = useTranslation();
  const { recordId, incidentId } = props;
  const [loaded, setLoaded] = useState<{ draft: SourceDraft | null; summary: RecordSummary | null } | null>(
    recordId ? null : { draft: emptySourceDraft(), summary: null },
  );
  const [error, setError] = useState<DalelError | null>(null);

  useEffect(() => {
    if (!recordId) return;
    loadDetail(recordId).then(
      ({ detail, data }) => {
        const source = readSource(data);
        setLoaded({ draft: source && sourceDraftOf(source), summary: detail.summary });
      },
      (thrown: unknown) => setError(asDalelError(thrown)),
    );
  }, [recordId]);

  const title = recordId ? t('evidence:source.editTitle') : t('evidence:source.newTitle');
  const backHref = recordId ? hrefOf({ screen: 'source', recordId }) : hrefOf({ screen: 'incident', recordId: incidentId ?? '' });
  if (!loaded) {
    return (
      <div className="incident-editor">
        <PageTitle text={title} />
        {error ? <ErrorMessage error={error} /> : <p className="loading">{t('common:loading')}</p>}
      </div>
    );
  }
  const { draft, summary } = loaded;
  return (
    <div className="incident-editor">
      <PageTitle id="source-form-title" text={title} />
      <p className="lead">{t('evidence:source.intro')}</p>
      {summary?.conflict ? (
        <ConflictEditBlocked summary={summary} backHref={backHref} />
      ) : summary?.retracted || !draft ? (
        <EditBlocked retracted={Boolean(summary?.retracted)} unreadable={t('evidence:unreadable')} backHref={backHref} />
      ) : (
        <SourceForm
          initial={draft}
          labelledBy="source-form-title"
          cancelHref={backHref}
          save={(data) =>
            recordId && summary
              ? dalel().records.save({ type: 'source', recordId, parent: summary.headId, data })
              : saveForIncident(incidentId ?? '', data)
          }
          onSaved={(saved) => (incidentId ? navigate({ screen: 'incident', recordId: incidentId }) : navigate({ screen: 'source', recordId: saved }))}
        />
      )}
    </div>
  );
}
