/**
 * The revision history of a record, oldest first: when each revision was
 * made, by which key (short fingerprint; the archive's own key is named as
 * such), and what it changed compared with the one before.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignedRevision } from '../../../shared/model';
import { currentLanguage } from '../i18n';
import { formatInstant, formatList } from './format';
import { describeHistory, keyFingerprint, shortFingerprint, type RevisionChange } from './history';

interface Props {
  history: readonly SignedRevision[];
  ownFingerprint: string;
  /** For another record type: its fields in form order and the namespace:prefix of their labels. */
  fields?: { order: readonly string[]; labels: string };
}

export function RevisionHistory({ history, ownFingerprint, fields }: Props) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const changes = describeHistory(history, fields?.order);
  const labels = fields?.labels ?? 'incidents:fields';
  const fingerprints = useFingerprints(history);

  function author(line: string) {
    const fingerprint = fingerprints.get(line);
    if (!fingerprint) return t('incidents:history.authorKey', { key: `…${line.slice(-8)}` });
    if (fingerprint === ownFingerprint) return t('incidents:history.authorOwn', { key: shortFingerprint(fingerprint) });
    return t('incidents:history.authorKey', { key: shortFingerprint(fingerprint) });
  }

  function change(described: RevisionChange) {
    switch (described.kind) {
      case 'created':
        return t('incidents:history.created');
      case 'retracted':
        return described.reason ? t('incidents:history.retractedBecause', { reason: described.reason }) : t('incidents:history.retracted');
      case 'changed':
        return described.fields.length === 0
          ? t('incidents:history.noChange')
          : t('incidents:history.changed', { fields: formatList(described.fields.map((field) => t(`${labels}.${field}`)), t) });
    }
  }

  return (
    <section className="revision-history" aria-labelledby="history-title">
      <h2 id="history-title">{t('incidents:history.title')}</h2>
      <p>{t('incidents:history.count', { count: history.length })}</p>
      <ol className="revisions">
        {history.map((signed, index) => (
          <li key={signed.id} className="revision">
            <p className="revision-head">
              <time dateTime={signed.revision.createdAt}>{formatInstant(signed.revision.createdAt, lng)}</time>
              <span className="revision-author">{author(signed.revision.author)}</span>
            </p>
            <p className="revision-change">{changes[index] && change(changes[index])}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

function useFingerprints(history: readonly SignedRevision[]): Map<string, string> {
  const [fingerprints, setFingerprints] = useState(new Map<string, string>());
  const authors = [...new Set(history.map((signed) => signed.revision.author))].join('\n');
  useEffect(() => {
    let current = true;
    const lines = authors.split('\n');
    void Promise.all(lines.map(async (line) => [line, await keyFingerprint(line)] as const)).then((pairs) => {
      if (current) setFingerprints(new Map(pairs.filter((pair): pair is [string, string] => pair[1] !== null)));
    });
    return () => {
      current = false;
    };
  }, [authors]);
  return fingerprints;
}
