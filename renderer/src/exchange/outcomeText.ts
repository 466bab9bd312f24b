/**
 * What an import or a merge did, as one sentence in the person's language:
 * the same words the outcome panel shows, for the toast that follows the
 * task wherever the person has gone meanwhile.
 */
import type { TFunction } from 'i18next';
import type { Outcome } from './outcome';

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
