/**
 * What an import or a merge did, in plain words: how many new revisions and
 * evidence files joined the records, or that the archive already had
 * everything, or that a redacted bundle was kept whole as received evidence
 * apart from the records. When records now have two versions (edited on
 * both sides), it links to the conflicts screen: nothing is resolved
 * automatically. Changes set aside because a key the archive does not trust
 * made them are said apart, with those keys and what the person can do.
 * Its heading takes focus when it appears.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { announceConflictsChanged } from '../conflicts/useConflictCount';
import { dalel } from '../dalel';
import { hrefOf } from '../router';
import type { SetAsideChange } from '../../../shared/model';
import type { Outcome } from './outcome';
import { setAsideText } from './outcomeText';

interface Props {
  id: string;
  /** "Imported" or "Merged". */
  title: string;
  outcome: Outcome;
  /** Changes not applied, and whether they stay with the bundle (import) or in the other archive (merge). */
  setAside: { changes: readonly SetAsideChange[]; where: 'import' | 'merge' };
}

export function ExchangeOutcome({ id, title, outcome, setAside }: Props) {
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
      {setAside.changes.length > 0 && (
        <p className="outcome-set-aside">
          <span className="verdict-icon" aria-hidden="true">
            !
          </span>{' '}
          {setAsideText(setAside.changes, setAside.where, t)}
        </p>
      )}
      {(outcome.kind === 'received' || (setAside.where === 'import' && setAside.changes.length > 0)) && (
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
