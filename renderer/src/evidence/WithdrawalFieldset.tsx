/**
 * Consent taken back: the withdrawals saved before, in words, and a
 * fieldset to record a new one (which uses, when, how). Saving records it
 * as a new revision with those answers turned to "no"; every later export
 * honours it. Offered only while something is allowed that could be taken back.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { sharingUses, type Withdrawal } from '../../../shared/model';
import { emptyTime } from '../incidents/form/draft';
import { TimestampField } from '../incidents/form/TimestampField';
import { anchorOf, errorIdOf } from './draftParts';
import { Choices, ConsentMethodSelect } from './EvidenceControls';
import { withdrawnUses, type ConsentDraft } from './sourceDraft';

interface Props {
  form: string;
  consent: ConsentDraft;
  onChange: (field: string, change: Partial<ConsentDraft>) => void;
  messagesFor: (field: string) => string[];
}

export function WithdrawalFieldset({ form, consent, onChange, messagesFor }: Props) {
  const { t } = useTranslation();
  const { withdrawal } = consent;
  const allowed = sharingUses.filter((use) => consent[use] === 'yes');
  const set = (field: string, change: Partial<NonNullable<ConsentDraft['withdrawal']>>) =>
    onChange(`consent.withdrawal.${field}`, { withdrawal: { ...(withdrawal ?? { uses: [], at: emptyTime(), method: '' }), ...change } });
  return (
    <>
      {consent.withdrawals.length > 0 && (
        <ul className="plain withdrawals">
          {consent.withdrawals.map((earlier, index) => (
            <li key={index}>{withdrawalText(t, earlier)}</li>
          ))}
        </ul>
      )}
      {!withdrawal && allowed.length > 0 && (
        <button type="button" className="secondary" onClick={() => set('uses', {})}>
          {t('evidence:consent.withdrawal.open')}
        </button>
      )}
      {withdrawal && (
        <fieldset className="form-section withdrawal-fieldset" id={anchorOf(form, 'consent.withdrawal')}>
          <legend>{t('evidence:consent.withdrawal.legend')}</legend>
          <p className="hint">{t('evidence:consent.withdrawal.intro')}</p>
          {allowed.length === 0 && withdrawal.uses.length === 0 && <p className="notice">{t('evidence:consent.withdrawal.nothing')}</p>}
          <Choices
            form={form}
            field="consent.withdrawal.uses"
            type="checkbox"
            label={t('evidence:consent.withdrawal.uses')}
            required
            options={sharingUses.filter((use) => allowed.includes(use) || withdrawal.uses.includes(use)).map((use) => ({ value: use, label: t(`evidence:consent.use.${use}`) }))}
            selected={withdrawnUses(withdrawal.uses, consent)}
            onChange={(values) => set('uses', { uses: withdrawnUses(sharingUses.filter((use) => values.includes(use)), consent) })}
            messages={messagesFor('consent.withdrawal.uses')}
          />
          <TimestampField
            field="consent.withdrawal.at"
            ids={{ base: `${form}-consent-withdrawal-at`, anchor: anchorOf(form, 'consent.withdrawal.at'), error: errorIdOf(form, 'consent.withdrawal.at') }}
            legend={t('evidence:consent.withdrawal.at')}
            required
            value={withdrawal.at}
            onChange={(at) => set('at', { at })}
            messages={messagesFor('consent.withdrawal.at')}
          />
          <ConsentMethodSelect
            form={form}
            field="consent.withdrawal.method"
            label={t('evidence:consent.withdrawal.method')}
            required
            value={withdrawal.method}
            onChange={(method) => set('method', { method })}
            messages={messagesFor('consent.withdrawal.method')}
          />
          <button type="button" className="secondary" onClick={() => onChange('consent.withdrawal', { withdrawal: null })}>
            {t('evidence:consent.withdrawal.cancel')}
          </button>
        </fieldset>
      )}
    </>
  );
}

/** "Withdrawn 5 Jan 2022 (verbal): it may be published without the name". */
export function withdrawalText(t: TFunction, withdrawal: Withdrawal): string {
  return t('evidence:consent.withdrawal.earlier', {
    date: withdrawal.at.at.slice(0, 10),
    method: t(`taxonomy:consentMethod.${withdrawal.method}`),
    uses: withdrawal.uses.map((use) => t(`evidence:consent.use.${use}`)).join('; '),
  });
}
