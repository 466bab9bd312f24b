/**
 * A claim's name as the record's own form names the field: "Acknowledged by
 * the authorities", and for an entry of a list "Legal basis 2". A field the
 * form does not label yet falls back to the citations' own labels.
 */
import { useTranslation } from 'react-i18next';
import { citedField } from '../../../shared/model';
import type { CitingForm } from './citationRows';

const formLabels: Record<CitingForm, string> = { incident: 'incidents:fields', effect: 'evidence:effect.fields' };

export function useClaimLabel(form: CitingForm): (claim: string) => string {
  const { t } = useTranslation();
  return (claim) => {
    const { field, index } = citedField({ field: claim });
    const label = t([`${formLabels[form]}.${field}`, `evidence:citations.claims.${field}`], { defaultValue: field });
    return index === undefined ? label : t('evidence:citations.entry', { field: label, number: index + 1 });
  };
}
