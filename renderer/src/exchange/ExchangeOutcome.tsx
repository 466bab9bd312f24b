/**
 * What an import or a merge did, in plain words: how many new revisions and
 * evidence files joined the records, or that the archive already had
 * everything, or that a redacted bundle was kept whole as received evidence
 * apart from the records. When records now have two versions (edited on
 * both sides), it links to the conflicts screen: nothing is resolved
 * automatically. Its heading takes focus when it appears.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { announceConflictsChanged } from '../conflicts/useConflictCount';
import { dalel } from '../dalel';
import { hrefOf } from '../router';
import type { Outcome } from './outcome';

interface Props {
  id: string;
  /** "Imported" or "Merged". */
  title: string;
  outcome: Outcome;
}

export function ExchangeOutcome({ id, title, outcome }: Props) {
  const { t } = useTranslation('exchange');
  const heading = useRef<HTMLHeadingElement>(null);
  const [conflicts, setConflicts] = useState(0);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    // The nav's count of records in conflict is read again at once.
    announceConflictsChanged();
    let current = true;
    void dalel()
      .records.conflicts({})
      .then((result) => current && result.ok && setConflicts(result.value.records.length));
    return () => {
      current = false;
    };
  }, []);

  return (
    <section className="exchange-outcome" aria-labelledby={`${id}-title`} data-outcome={outcome.kind}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        <span className="verdict-icon" aria-hidden="true">
          ✓
        </span>{' '}
        {title}
      </h2>
      <p className="outcome-text" role="status">
        {outcome.kind === 'merged' &&
          t('outcome.merged', {
            revisions: t('outcome.revisions', { count: outcome.revisions }),
            files: t('outcome.files', { count: outcome.files }),
          })}
        {outcome.kind === 'nothingNew' && t('outcome.nothingNew')}
        {outcome.kind === 'received' && t('outcome.received', { profile: t(`report:profile.${outcome.profile}.name`) })}
      </p>
      {outcome.kind === 'received' && (
        <p>
          <a href={hrefOf({ screen: 'received' })}>{t('outcome.toReceived')}</a>
        </p>
      )}
      {conflicts > 0 && (
        <p className="outcome-conflicts">
          <span className="verdict-icon" aria-hidden="true">
            !
          </span>{' '}
          <a href={hrefOf({ screen: 'conflicts' })}>{t('outcome.conflicts', { count: conflicts })}</a>
        </p>
      )}
    </section>
  );
}
