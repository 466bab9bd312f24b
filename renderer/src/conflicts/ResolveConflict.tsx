/**
 * The screen that resolves one conflict: the record's versions side by side,
 * the person picks the one to keep and confirms, and `records:resolve` makes
 * a new revision whose parents are every version shown and whose fields are
 * the kept version's. Or "Edit a merge" (MergeEditor): the person writes or
 * chooses each differing field, and the same call saves that merged record
 * with every version as a parent. Nothing is chosen for them. Afterwards it
 * says, from the record as the engine then gives it, that one version is left.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordDetail } from '../../../shared/ipc';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageTitle } from '../components/PageTitle';
import { asDalelError, dalel, unwrap, type DalelError } from '../dalel';
import { currentLanguage } from '../i18n';
import { formatInstant } from '../incidents/format';
import { hrefOf, type Route } from '../router';
import { describeAuthor } from './authors';
import { ConfirmKeep } from './ConfirmKeep';
import { conflictVersions } from './conflictVersions';
import { MergeEditor } from './MergeEditor';
import type { Data } from './mergeDraft';
import { announceConflictsChanged } from './useConflictCount';
import { useKnownKeys } from './useKnownKeys';
import { useProvenance } from './useProvenance';
import { useRecordName } from './useRecordName';
import { VersionGrid } from './VersionGrid';
import './conflicts.css';

export function ResolveConflict({ recordId, ownFingerprint }: { recordId: string; ownFingerprint: string }) {
  const { t } = useTranslation();
  const [detail, setDetail] = useState<RecordDetail | null>(null);
  const [loadError, setLoadError] = useState<DalelError | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<DalelError | null>(null);
  const [resolved, setResolved] = useState(false);
  const [merging, setMerging] = useState(false);

  const load = useCallback(
    () =>
      dalel()
        .records.get({ recordId })
        .then(unwrap)
        .then(setDetail, (thrown: unknown) => setLoadError(asDalelError(thrown))),
    [recordId],
  );
  useEffect(() => void load(), [load]);

  const versions = detail ? conflictVersions(detail) : [];
  const keys = useKnownKeys(versions.map((signed) => signed.revision.author));
  const origins = useProvenance(recordId, ownFingerprint, detail?.summary.headId);
  const name = useRecordName(detail?.summary ?? { type: 'incident', data: null });

  if (!detail) {
    return (
      <div className="resolve-conflict">
        <PageTitle text={t('conflicts:resolve.loadingTitle')} />
        {loadError ? <ErrorMessage error={loadError} /> : <p className="loading">{t('common:loading')}</p>}
        <BackLinks recordId={null} type={null} />
      </div>
    );
  }

  const { summary } = detail;
  const chosenIndex = versions.findIndex((signed) => signed.id === chosen);
  const chosenVersion = versions[chosenIndex];

  async function resolve() {
    if (!chosenVersion) return;
    const { data, retraction } = chosenVersion.revision;
    await resolveWith(data, retraction);
  }

  /** Resolves with `data` (a kept version's, or an edited merge); with a retraction, a tombstone: the record stays retracted. */
  async function resolveWith(data: Data | null, retraction?: { reason: string }) {
    setSaving(true);
    setSaveError(null);
    const result = await dalel().records.resolve({
      recordId,
      heads: summary.heads,
      data,
      ...(data === null ? { retraction: { reason: retraction?.reason ?? '' } } : {}),
    });
    setSaving(false);
    if (!result.ok) {
      setSaveError(result.error);
      // The versions changed meanwhile (another import): show them as they are now, and let the person choose again.
      if (result.error.code === 'staleRevision' || result.error.code === 'notInConflict') await load();
      return;
    }
    // The notice reads the record as the engine now gives it, so it is shown only once that is loaded.
    await load();
    setChosen(null);
    setMerging(false);
    setResolved(true);
    announceConflictsChanged();
  }

  return (
    <div className="resolve-conflict">
      <PageTitle text={t('conflicts:resolve.title', { name })} />
      {resolved ? (
        <ResolvedNotice stillInConflict={summary.conflict} />
      ) : !summary.conflict ? (
        <p>{t('conflicts:resolve.notInConflict')}</p>
      ) : (
        <>
          <p className="lead">{t('conflicts:resolve.intro', { count: versions.length, type: t(`conflicts:resolve.typeName.${pageOf(summary.type)}`) })}</p>
          {!chosenVersion && !merging && <ErrorMessage error={saveError} />}
          {merging ? (
            <MergeEditor
              // Versions that changed meanwhile (another import) start the merge again from them.
              key={summary.heads.join(' ')}
              versions={versions}
              saving={saving}
              error={saveError}
              onSave={(data) => void resolveWith(data)}
              onCancel={() => {
                setMerging(false);
                setSaveError(null);
              }}
            />
          ) : (
            <>
              {!chosenVersion && versions.every((signed) => signed.revision.data !== null) && (
                <p className="edit-merge">
                  {t('conflicts:merge.offer')}{' '}
                  <button type="button" disabled={saving} onClick={() => setMerging(true)}>
                    {t('conflicts:merge.open')}
                  </button>
                </p>
              )}
              <VersionGrid versions={versions} keys={keys} origins={origins} chosen={chosen} onKeep={saving ? null : setChosen} />
            </>
          )}
          {chosenVersion && !merging && (
            <ConfirmKeep
              number={chosenIndex + 1}
              author={keys ? describeAuthor(keys.authorOf(chosenVersion.revision.author), t) : '…'}
              date={formatInstant(chosenVersion.revision.createdAt, currentLanguage())}
              saving={saving}
              error={saveError}
              onConfirm={() => void resolve()}
              onCancel={() => {
                setChosen(null);
                setSaveError(null);
                document.getElementById('versions-title')?.focus();
              }}
            />
          )}
        </>
      )}
      <BackLinks recordId={recordId} type={summary.type} />
    </div>
  );
}

const pageOf = (type: string) => (type === 'effect' || type === 'source' || type === 'intervention' ? type : 'incident');

function ResolvedNotice({ stillInConflict }: { stillInConflict: boolean }) {
  const { t } = useTranslation();
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  return (
    <section className="resolved-notice" aria-labelledby="resolved-title">
      <h2 id="resolved-title" ref={title} tabIndex={-1}>
        {t('conflicts:resolve.doneTitle')}
      </h2>
      <p>{t(stillInConflict ? 'conflicts:resolve.stillInConflict' : 'conflicts:resolve.doneOne')}</p>
    </section>
  );
}

function BackLinks({ recordId, type }: { recordId: string | null; type: string | null }) {
  const { t } = useTranslation();
  const page = (recordId && type && ({ screen: pageOf(type), recordId } as Route)) || null;
  return (
    <p className="back-links">
      {page && <a href={hrefOf(page)}>{t('conflicts:resolve.openRecord')}</a>}
      {page && ' · '}
      <a href={hrefOf({ screen: 'conflicts' })}>{t('conflicts:resolve.backToList')}</a>
    </p>
  );
}
