/**
 * One fact of a record's page: its label, its value or "Not recorded", and,
 * when `cite` names the field, the sources cited for it beside the value.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CitedClaim } from '../citations/CitedClaims';

/** `cite`: the field whose citations show beside its value. */
export function Detail({ label, value, cite }: { label: string; value: ReactNode; cite?: string }) {
  const { t } = useTranslation();
  const empty = value === null || value === undefined || value === '' || value === false;
  return (
    <div className="detail">
      <dt>{label}</dt>
      <dd className={empty ? 'not-recorded' : undefined}>
        {empty ? t('incidents:page.notRecorded') : value}
        {cite && <CitedClaim field={cite} />}
      </dd>
    </div>
  );
}
