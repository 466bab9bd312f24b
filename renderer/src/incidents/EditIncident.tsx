/**
 * The "edit incident" screen: the form filled from the record's head; its
 * save appends a revision whose parent is that head (`records:save` with
 * recordId and parent), so a concurrent change is refused, not overwritten.
 * Saving without a change makes no revision. A retracted record cannot be
 * edited, nor one in conflict (it is resolved first).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordSummary } from '../../../shared/ipc';
import type { Incident } from '../../../shared/model';
import { ErrorMessage } from '../components/ErrorMessage';
import { EditBlocked } from '../components/EditBlocked';
import { PageTitle } from '../components/PageTitle';
import { ConflictEditBlocked } from '../conflicts/ConflictMark';
import { asDalelError, dalel, type DalelError } from '../dalel';
import { hrefOf, navigate } from '../router';
import { draftOf, type IncidentDraft } from './form/draft';
import { IncidentForm } from './form/IncidentForm';
import { changedFields } from './history';
import { loadIncidentDetail } from './incidentRecords';

export function EditIncident({ recordId }: { recordId: string }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<{ summary: RecordSummary; incident: Incident | null; draft: IncidentDraft | null } | null>(null);
  const [error, setError] = useState<DalelError | null>(null);

  useEffect(() => {
    loadIncidentDetail(recordId).then(
      ({ detail, incident }) => setLoaded({ summary: detail.summary, incident, draft: incident && draftOf(incident) }),
      (thrown: unknown) => setError(asDalelError(thrown)),
    );
  }, [recordId]);

  const pageHref = hrefOf({ screen: 'incident', recordId });
  const title = t('incidents:edit.title');
  if (!loaded) {
    return (
      <div className="incident-editor">
        <PageTitle text={title} />
        {error ? <ErrorMessage error={error} /> : <p className="loading">{t('common:loading')}</p>}
      </div>
    );
  }
  const { summary, incident, draft } = loaded;
  return (
    <div className="incident-editor">
      <PageTitle id="incident-form-title" text={draft ? t('incidents:edit.titleNamed', { title: draft.title }) : title} />
      {summary.conflict ? (
        <ConflictEditBlocked summary={summary} backHref={pageHref} />
      ) : summary.retracted || !draft ? (
        <EditBlocked retracted={Boolean(summary.retracted)} unreadable={t('incidents:page.unreadable')} backHref={pageHref} />
      ) : (
        <IncidentForm
          initial={draft}
          recordId={recordId}
          labelledBy="incident-form-title"
          cancelHref={pageHref}
          save={(data) =>
            // Nothing changed: no new revision, just back to the incident.
            incident && changedFields(incident, data).length === 0
              ? Promise.resolve({ ok: true as const, value: { recordId } })
              : dalel().records.save({ type: 'incident', recordId, parent: summary.headId, data })
          }
          onSaved={() => navigate({ screen: 'incident', recordId })}
        />
      )}
    </div>
  );
}
