/**
 * The revision history of a record, oldest first: when each revision was
 * made, by which key (short fingerprint; the archive's own key is named as
 * such), where it came from (made here, imported from a bundle, merged from
 * an archive, a resolution of a conflict: the chain of custody says), and
 * what it changed compared with the one it was made from: for each changed
 * field, its value before and after in words (codes translated, times in
 * their own offset, lists with what they gained and lost), never as JSON.
 * "Before" and "After" are written out, so colour is never the only signal.
 * A changed text also shows its changed words marked (trace/WordChanges).
 */
import { useEffect, useState } from 'react';
import { holdsIdentity, IdentityToggle } from '../evidence/IdentityToggle';
import { useTranslation } from 'react-i18next';
import type { SignedRevision } from '../../../shared/model';
import { RevisionOrigin } from '../conflicts/RevisionOrigin';
import { useProvenance } from '../conflicts/useProvenance';
import { currentLanguage } from '../i18n';
import { formatInstant, formatList } from './format';
import { describeHistory, keyFingerprint, listDelta, shortFingerprint, type FieldChange, type RevisionChange } from './history';
import { valueFormatter } from './revisionValues';
import { wordDiff, worthMarking } from '../trace/wordDiff';
import { WordChanges } from '../trace/WordChanges';

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
  const origins = useProvenance(history[0]?.revision.recordId, ownFingerprint, history.length);
  const [showIdentity, setShowIdentity] = useState(false);
  const personValues = changes.flatMap((described) =>
    described && (described.kind === 'changed' || described.kind === 'resolved') ? described.changes.filter(({ field }) => field === 'person').flatMap(({ before, after }) => [before, after]) : [],
  );

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
        return described.changes.length === 0
          ? t('incidents:history.noChange')
          : t('incidents:history.changed', { fields: formatList(described.changes.map(({ field }) => t(`${labels}.${field}`)), t) });
      case 'resolved': {
        const kept = described.kept && history.find((signed) => signed.id === described.kept);
        const count = described.versions;
        if (kept) return t('conflicts:history.resolvedKept', { count, date: formatInstant(kept.revision.createdAt, lng) });
        if (described.changes.length === 0) return t('conflicts:history.resolved', { count });
        return t('conflicts:history.resolvedChanged', { count, fields: formatList(described.changes.map(({ field }) => t(`${labels}.${field}`)), t) });
      }
    }
  }

  return (
    <section className="revision-history" aria-labelledby="history-title">
      <h2 id="history-title">{t('incidents:history.title')}</h2>
      <p>{t('incidents:history.count', { count: history.length })}</p>
      {holdsIdentity(personValues) && <IdentityToggle shown={showIdentity} onToggle={() => setShowIdentity((was) => !was)} controls="revision-list" />}
      <ol className="revisions" id="revision-list">
        {history.map((signed, index) => {
          const described = changes[index];
          return (
            <li key={signed.id} className="revision">
              <p className="revision-head">
                <time dateTime={signed.revision.createdAt}>{formatInstant(signed.revision.createdAt, lng)}</time>
                <span className="revision-author">{author(signed.revision.author)}</span>
              </p>
              <RevisionOrigin revisionId={signed.id} origins={origins} />
              <p className="revision-change">{described && change(described)}</p>
              {(described?.kind === 'changed' || described?.kind === 'resolved') && described.changes.length > 0 && (
                <FieldChanges changes={described.changes} labels={labels} showIdentity={showIdentity} />
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** One revision's changes: each field's label, then its value before and after. */
function FieldChanges({ changes, labels, showIdentity }: { changes: readonly FieldChange[]; labels: string; showIdentity: boolean }) {
  const { t } = useTranslation();
  const valueText = valueFormatter(t, currentLanguage(), { showIdentity });
  const empty = (value: unknown) => (
    <span className="change-empty">{t(Array.isArray(value) ? 'incidents:history.none' : 'incidents:history.empty')}</span>
  );

  return (
    <dl className="revision-diff">
      {changes.map(({ field, before, after }) => {
        const was = valueText(field, before);
        const is = valueText(field, after);
        const delta = listDelta(before, after);
        // Only worth saying when both lists have items; otherwise "before" and "after" already say it all.
        const added = delta && was && is && delta.added.length > 0 ? valueText(field, delta.added) : null;
        const removed = delta && was && is && delta.removed.length > 0 ? valueText(field, delta.removed) : null;
        // A text edited in place: its changed words, marked, beside the whole of it before and after.
        const words = typeof before === 'string' && typeof after === 'string' ? wordDiff(before, after) : null;
        return (
          <div key={field} className="field-change">
            <dt>{t(`${labels}.${field}`)}</dt>
            <dd className="change-before">
              <span className="change-label">{t('incidents:history.before')}</span> {was ? <del className="change-value">{was}</del> : empty(before)}
            </dd>
            <dd className="change-after">
              <span className="change-label">{t('incidents:history.after')}</span> {is ? <ins className="change-value">{is}</ins> : empty(after)}
            </dd>
            {words && worthMarking(words) && (
              <dd className="change-words">
                <span className="change-label">{t('incidents:history.changedWords')}</span> <WordChanges parts={words} />
              </dd>
            )}
            {(added || removed) && (
              <dd className="change-delta">
                {added && <span>{t('incidents:history.added', { items: added })}</span>}
                {added && removed && ' '}
                {removed && <span>{t('incidents:history.removed', { items: removed })}</span>}
              </dd>
            )}
          </div>
        );
      })}
    </dl>
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
