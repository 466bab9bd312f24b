/**
 * An older record's "ordered by" text and legal basis codes, shown as they
 * always were, with an offer to carry them into the order and the legal
 * citations (./authorityDraft.ts, `carryLegacy`): each value moves once,
 * nothing is dropped, and "none cited", "other" and the other text stay
 * here. The offer shows only while there is something to carry.
 */
import { useTranslation } from 'react-i18next';
import { legalBases } from '../../../../shared/model';
import { carryLegacy, hasLegacyAuthority } from './authorityDraft';
import { ChoiceGroup } from './ChoiceGroup';
import type { SectionProps } from './fieldProps';
import { TextField } from './TextField';

export function LegacyAuthority({ draft, update, messagesFor }: SectionProps) {
  const { t } = useTranslation();
  const canCarry = hasLegacyAuthority(draft.orderedBy, draft.legalBasisCodes);
  return (
    <div className="legacy-authority">
      <TextField
        field="orderedBy"
        label={t('incidents:fields.orderedBy')}
        hint={t('incidents:form.hints.orderedBy')}
        value={draft.orderedBy}
        onChange={(orderedBy) => update('orderedBy', { orderedBy })}
        messages={messagesFor('orderedBy')}
      />
      <ChoiceGroup
        field="legalBasis"
        type="checkbox"
        columns={1}
        legend={t('incidents:fields.legalBasis')}
        hint={t('incidents:form.hints.legalBasis')}
        options={legalBases.map((code) => ({ value: code, label: t(`taxonomy:legalBasis.${code}`) }))}
        selected={draft.legalBasisCodes}
        onChange={(legalBasisCodes) => update('legalBasis', { legalBasisCodes })}
        messages={messagesFor('legalBasis')}
      >
        <TextField
          field="legalBasis"
          id="incident-legal-basis-other"
          label={t('incidents:form.legalBasisOther')}
          value={draft.legalBasisOther}
          onChange={(legalBasisOther) => update('legalBasis', { legalBasisOther })}
          messages={[]}
        />
      </ChoiceGroup>
      {canCarry && (
        <div className="carry-legacy">
          <p className="hint" id="carry-legacy-hint">
            {t('incidents:form.authority.carryHint')}
          </p>
          <button
            type="button"
            aria-describedby="carry-legacy-hint"
            onClick={() => {
              const carried = carryLegacy(draft.authority, draft.orderedBy, draft.legalBasisCodes);
              update('order', carried);
            }}
          >
            {t('incidents:form.authority.carry')}
          </button>
        </div>
      )}
    </div>
  );
}
