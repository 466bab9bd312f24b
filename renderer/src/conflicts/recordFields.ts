/**
 * The fields of each record type in the order its form shows them, and where
 * their labels are: what the revision history and the conflict screen list,
 * so that both read a record the same way. Pure data.
 */
import type { SavableType } from '../../../shared/model';
import { effectFieldOrder } from '../evidence/effectDraft';
import { fieldOrder } from '../incidents/form/validation';
import { interventionFieldOrder } from '../interventions/interventionDraft';

export interface RecordFields {
  order: readonly string[];
  /** The namespace:prefix of the field labels. */
  labels: string;
}

export const recordFields: Record<SavableType, RecordFields> = {
  incident: { order: fieldOrder, labels: 'incidents:fields' },
  effect: { order: effectFieldOrder, labels: 'evidence:effect.fields' },
  source: {
    order: ['kind', 'title', 'content', 'translations', 'language', 'collectedAt', 'collectedBy', 'url', 'sensitive', 'person', 'consent'],
    labels: 'evidence:source.fields',
  },
  intervention: { order: interventionFieldOrder, labels: 'interventions:fields' },
};

/** The fields of a record of `type`; an unknown type (from a newer Dalel) has no fixed order, so its fields show by name. */
export function fieldsOfType(type: string): RecordFields {
  return type in recordFields ? recordFields[type as SavableType] : { order: [], labels: '' };
}
