/**
 * The chain of custody of one record, oldest first, as the archive's
 * append-only log holds it: when, what, by which key, and each line's own
 * hash (the log chains every line to the one before it, and the engine
 * verifies the chain when the archive opens). An added file is named with
 * its hash, looked up among the record's files by the hash the line holds
 * (a file this archive does not hold, say one a bundle withheld, shows by
 * its hash alone). It only reads and shows the log; it never checks or
 * repairs it. Below it, the whole log's proof of time (CustodyProofOfTime.tsx).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment, CustodyEvent } from '../../../shared/model';
import { asDalelError, dalel, unwrap, type DalelError } from '../dalel';
import { currentLanguage } from '../i18n';
import { formatInstant } from '../incidents/format';
import { shortFingerprint } from '../incidents/history';
import { hrefOf } from '../router';
import { ErrorMessage } from './ErrorMessage';
import { CustodyProofOfTime } from './CustodyProofOfTime';

interface Props {
  recordId: string;
  /** The record's head revision: a new one (an edit, a retraction) appends events, so the log is read again. */
  headId: string;
  ownFingerprint: string;
  /** The record's files, to name an added file by the hash its line holds. */
  attachments?: readonly Attachment[];
}

/** Enough of a line's hash to compare it with a printed or exported log at a glance. */
const shortHashLength = 12;

/** A file's hash as "ab12…ef90": enough to compare with the file list or `sha256sum` at a glance. */
const shortSha = (sha256: string) => `${sha256.slice(0, 4)}…${sha256.slice(-4)}`;

export function CustodyChain({ recordId, headId, ownFingerprint, attachments = [] }: Props) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const [events, setEvents] = useState<readonly CustodyEvent[] | null>(null);
  const [error, setError] = useState<DalelError | null>(null);

  useEffect(() => {
    let current = true;
    dalel()
      .custody.list({ recordId })
      .then(unwrap)
      .then(
        (value) => {
          if (!current) return;
          setEvents(value.events);
          setError(null);
        },
        (thrown: unknown) => {
          if (current) setError(asDalelError(thrown));
        },
      );
    return () => {
      current = false;
    };
  }, [recordId, headId]);

  function actor(fingerprint: string) {
    const key = shortFingerprint(fingerprint);
    return fingerprint === ownFingerprint ? t('common:custody.byOwn', { key }) : t('common:custody.byKey', { key });
  }

  function action(event: CustodyEvent) {
    const sha256 = event.action === 'attachment_added' ? event.hashes?.[0] : undefined;
    if (!sha256) return t(`taxonomy:custodyAction.${event.action}`);
    const file = attachments.find((attachment) => attachment.sha256 === sha256);
    const params = { action: t('taxonomy:custodyAction.attachment_added'), hash: shortSha(sha256) };
    const text = file ? t('common:custody.attachmentAdded', { ...params, name: file.originalName }) : t('common:custody.attachmentHashOnly', params);
    return <span title={sha256}>{text}</span>;
  }

  return (
    <section className="custody-chain" aria-labelledby="custody-title">
      <h2 id="custody-title">{t('common:custody.title')}</h2>
      <p>{t('common:custody.explanation')}</p>
      <ErrorMessage error={error} />
      {!events && !error && <p className="loading">{t('common:loading')}</p>}
      {events && events.length === 0 && (
        <div className="empty-state custody-empty">
          <p>{t('common:custody.empty')}</p>
          <p>{t('common:custody.emptyNext')}</p>
          <p>
            <a href={hrefOf({ screen: 'export' })}>{t('common:custody.emptyAction')}</a>
          </p>
        </div>
      )}
      {events && events.length > 0 && (
        <table className="custody-table">
          <caption className="visually-hidden">{t('common:custody.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common:custody.columns.seq')}</th>
              <th scope="col">{t('common:custody.columns.at')}</th>
              <th scope="col">{t('common:custody.columns.action')}</th>
              <th scope="col">{t('common:custody.columns.actor')}</th>
              <th scope="col">{t('common:custody.columns.hash')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.seq}>
                <th scope="row">{event.seq}</th>
                <td>
                  <time dateTime={event.at}>{formatInstant(event.at, lng)}</time>
                </td>
                <td>{action(event)}</td>
                <td>
                  <span className="fingerprint" title={event.actor}>
                    {actor(event.actor)}
                  </span>
                </td>
                <td>
                  <code className="fingerprint" title={event.hash}>
                    <span aria-hidden="true">{event.hash.slice(0, shortHashLength)}…</span>
                    <span className="visually-hidden">{event.hash}</span>
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CustodyProofOfTime lastSeq={events?.at(-1)?.seq ?? null} />
    </section>
  );
}
