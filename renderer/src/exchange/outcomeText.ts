/**
 * What an import or a merge did, as one sentence in the person's language:
 * the same words the outcome panel shows, for the toast that follows the
 * task wherever the person has gone meanwhile.
 */
import type { TFunction } from 'i18next';
import type { SetAsideChange } from '../../../shared/model';
import type { Outcome } from './outcome';

/** Changes by keys the archive does not trust, not applied: how many, whose keys, and what the person can do. */
export function setAsideText(setAside: readonly SetAsideChange[], where: 'import' | 'merge', t: TFunction<'exchange'>): string {
  const keys = [...new Set(setAside.map((change) => change.author))].join(', ');
  return t(where === 'import' ? 'exchange:outcome.setAsideImport' : 'exchange:outcome.setAsideMerge', { count: setAside.length, keys });
}

export function outcomeText(outcome: Outcome, t: TFunction<'exchange'>): string {
  switch (outcome.kind) {
    case 'merged':
      return t('exchange:outcome.merged', {
        revisions: t('exchange:outcome.revisions', { count: outcome.revisions }),
        files: t('exchange:outcome.files', { count: outcome.files }),
      });
    case 'nothingNew':
      return t('exchange:outcome.nothingNew');
    case 'received':
      return t('exchange:outcome.received', { profile: t(`report:profile.${outcome.profile}.name`) });
  }
}
