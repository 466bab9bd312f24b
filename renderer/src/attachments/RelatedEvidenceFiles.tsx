/**
 * On an incident's page, the evidence files of its effects and of the
 * sources that the incident or its effects reference, grouped by record with
 * a link to each record's page (where files are added): so the incident page
 * brings all its evidence together, with hashes. Read only; it loads the
 * records through records:list and records:get.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../shared/model';
import { ErrorMessage } from '../components/ErrorMessage';
import { asDalelError, dalel, unwrap, type DalelError } from '../dalel';
import { loadEffects, loadSources } from '../evidence/evidenceRecords';
import { hrefOf } from '../router';
import { AttachmentList } from './AttachmentList';

interface Props {
  incidentId: string;
  /** The sources the incident itself references. */
  incidentSources: readonly string[];
  ownFingerprint: string;
}

interface FileGroup {
  type: 'effect' | 'source';
  recordId: string;
  /** The key of the record's kind ("Medical care", "Testimony"), translated when shown. */
  kindKey: string;
  /** The record's own title; null for an effect without a description. */
  title: string | null;
  attachments: Attachment[];
}

async function loadGroups(incidentId: string, incidentSources: readonly string[]): Promise<FileGroup[]> {
  const [effects, sources] = await Promise.all([loadEffects(incidentId), loadSources()]);
  const referenced = new Set([...incidentSources, ...effects.flatMap((row) => row.effect.sources)]);
  const records: Omit<FileGroup, 'attachments'>[] = [
    ...effects.map(({ summary, effect }) => ({
      type: 'effect' as const,
      recordId: summary.recordId,
      kindKey: `taxonomy:category.${effect.category}`,
      title: effect.description.split('\n')[0] || null,
    })),
    ...sources
      .filter(({ summary }) => referenced.has(summary.recordId))
      .map(({ summary, source }) => ({
        type: 'source' as const,
        recordId: summary.recordId,
        kindKey: `taxonomy:sourceKind.${source.kind}`,
        title: source.title,
      })),
  ];
  const details = await Promise.all(records.map(async ({ recordId }) => unwrap(await dalel().records.get({ recordId }))));
  return records.map((record, index) => ({ ...record, attachments: details[index]?.attachments ?? [] })).filter((group) => group.attachments.length > 0);
}

export function RelatedEvidenceFiles({ incidentId, incidentSources, ownFingerprint }: Props) {
  const { t } = useTranslation();
  const [groups, setGroups] = useState<FileGroup[] | null>(null);
  const [error, setError] = useState<DalelError | null>(null);
  const sourcesKey = incidentSources.join(',');

  useEffect(() => {
    let current = true;
    loadGroups(incidentId, sourcesKey ? sourcesKey.split(',') : []).then(
      (loaded) => current && setGroups(loaded),
      (thrown: unknown) => current && setError(asDalelError(thrown)),
    );
    return () => {
      current = false;
    };
  }, [incidentId, sourcesKey]);

  return (
    <section className="evidence-files related-files" aria-labelledby="related-files-title">
      <h2 id="related-files-title">{t('evidence:files.related.title')}</h2>
      <ErrorMessage error={error} />
      {!groups && !error && <p className="loading">{t('common:loading')}</p>}
      {groups?.length === 0 && <p>{t('evidence:files.related.empty')}</p>}
      {groups?.map((group) => (
        <section key={group.recordId} className="file-group" aria-labelledby={`files-of-${group.recordId}`}>
          <h3 id={`files-of-${group.recordId}`}>
            <span className="record-kind">{t(group.type === 'effect' ? 'evidence:effect.pageTitle' : 'evidence:source.pageTitle')}</span>{' '}
            <a href={hrefOf({ screen: group.type, recordId: group.recordId })}>{t('evidence:files.related.recordLink', { kind: t(group.kindKey), title: group.title ?? t('evidence:effect.untitled') })}</a>
          </h3>
          <AttachmentList attachments={group.attachments} ownFingerprint={ownFingerprint} />
        </section>
      ))}
    </section>
  );
}
