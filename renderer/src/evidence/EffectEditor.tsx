/**
 * The "new effect" and "edit effect" screens. A new effect belongs to the
 * incident whose page opened it; an edit appends a revision whose parent is
 * the head it started from (a concurrent change is refused, not
 * overwritten), and saving without a change makes none. Either way the
 * defender returns to the incident's page. An effect in conflict is
 * resolved before it can be edited.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordSummary } from '../../../shared/ipc';
import type { Area, Effect } from '../../../shared/model';
import { ErrorMessage } from '../components/ErrorMessage';
import { EditBlocked } from '../components/EditBlocked';
import { PageTitle } from '../components/PageTitle';
import { ConflictEditBlocked } from '../conflicts/ConflictMark';
import { asDalelError, dalel, type DalelError } from '../dalel';
import { hrefOf, navigate } from '../router';
import { effectDraftOf, emptyEffectDraft, type EffectDraft } from './effectDraft';
import { EffectForm } from './EffectForm';
import { loadDetail, loadIncidentAreas, loadSources, readEffect, type SourceRow } from './evidenceRecords';

type Props = { incidentId: string; recordId?: undefined } | { recordId: string; incidentId?: undefined };

interface Loaded {
  sources: SourceRow[];
  draft: EffectDraft | null;
  effect: Effect | null;
  summary: RecordSummary | null;
  /** The incident's areas: an effect naming no area takes their offset. */
  incidentAreas: Area[];
}

async function load(props: Props): Promise<Loaded> {
  const sources = await loadSources();
  if (!props.recordId) return { sources, draft: emptyEffectDraft(props.incidentId ?? ''), effect: null, summary: null, incidentAreas: await loadIncidentAreas(props.incidentId ?? '') };
  const { detail, data } = await loadDetail(props.recordId);
  const effect = readEffect(data);
  return { sources, draft: effect && effectDraftOf(effect), effect, summary: detail.summary, incidentAreas: await loadIncidentAreas(effect?.incident ?? '') };
}

export function EffectEditor(props: Props) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<DalelError | null>(null);
  const { recordId, incidentId } = props;

  useEffect(() => {
    load(recordId ? { recordId } : { incidentId: incidentId ?? '' }).then(setLoaded, (thrown: unknown) => setError(asDalelError(thrown)));
  }, [recordId, incidentId]);

  const title = recordId ? t('evidence:effect.editTitle') : t('evidence:effect.newTitle');
  if (!loaded) {
    return (
      <div className="incident-editor">
        <PageTitle text={title} />
        {error ? <ErrorMessage error={error} /> : <p className="loading">{t('common:loading')}</p>}
      </div>
    );
  }
  const { draft, effect, summary, sources, incidentAreas } = loaded;
  const incident = draft?.incident ?? incidentId ?? '';
  const pageHref = hrefOf({ screen: 'incident', recordId: incident });
  return (
    <div className="incident-editor">
      <PageTitle id="effect-form-title" text={title} />
      <p className="lead">{t('evidence:effect.intro')}</p>
      {summary?.conflict ? (
        <ConflictEditBlocked summary={summary} backHref={hrefOf({ screen: 'effect', recordId: summary.recordId })} />
      ) : summary?.retracted || !draft ? (
        <EditBlocked retracted={Boolean(summary?.retracted)} unreadable={t('evidence:unreadable')} backHref={pageHref} />
      ) : (
        <EffectForm
          initial={draft}
          labelledBy="effect-form-title"
          cancelHref={pageHref}
          sources={sources}
          incidentAreas={incidentAreas}
          save={(data) => {
            if (!recordId || !summary) return dalel().records.save({ type: 'effect', data });
            // Nothing changed: no new revision.
            if (effect && JSON.stringify(effect) === JSON.stringify(data)) return Promise.resolve({ ok: true as const, value: { recordId } });
            return dalel().records.save({ type: 'effect', recordId, parent: summary.headId, data });
          }}
          onSaved={() => navigate({ screen: 'incident', recordId: incident })}
        />
      )}
    </div>
  );
}
