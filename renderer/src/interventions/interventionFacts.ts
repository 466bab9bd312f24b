/**
 * The facts of one intervention as label/value pairs, for its page and the
 * incident page's list alike: kind, body, reference, dates and outcome.
 * Absent values are left out. Pure.
 */
import type { TFunction } from 'i18next';
import type { Intervention } from '../../../shared/model';
import type { Language } from '../../../shared/ipc';
import { formatTimestamp } from '../incidents/format';

export function interventionFacts(intervention: Intervention, t: TFunction, lng: Language): [string, string][] {
  const facts: [string, string | null][] = [
    [t('interventions:fields.kind'), t(`taxonomy:interventionKind.${intervention.kind}`)],
    [t('interventions:fields.body'), intervention.body],
    [t('interventions:fields.reference'), intervention.reference || null],
    [t('interventions:fields.filedAt'), intervention.filedAt ? formatTimestamp(intervention.filedAt, lng) : null],
    [t('interventions:fields.decidedAt'), intervention.decidedAt ? formatTimestamp(intervention.decidedAt, lng) : null],
    [t('interventions:fields.outcome'), t(`taxonomy:outcome.${intervention.outcome}`)],
  ];
  return facts.filter((fact): fact is [string, string] => fact[1] !== null);
}
