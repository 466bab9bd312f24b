/**
 * Where the shutdown was: the country, its areas (gazetteer regions and
 * cities, named in the UI language, plus towns or places as free text) and
 * the scope.
 */
import { useTranslation } from 'react-i18next';
import { findArea, gazetteers, scopes } from '../../../../shared/model';
import { currentLanguage } from '../../i18n';
import { countryName } from '../format';
import { ChoiceGroup } from './ChoiceGroup';
import type { SectionProps } from './fieldProps';
import { ListField } from './ListField';
import { TextField } from './TextField';
import { fieldErrorId } from './validation';

export function PlaceSection({ draft, update, messagesFor }: SectionProps) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const country = draft.country.trim().toUpperCase();
  const known = gazetteers[country] ?? [];
  // A chosen area stays visible (and can be unticked) even if the country changed.
  const extra = draft.areaCodes.filter((code) => !known.some((area) => area.code === code));
  const areaOptions = [
    ...known.map((area) => ({ value: area.code, label: area.name[lng] })),
    ...extra.map((code) => ({ value: code, label: findArea(code)?.name[lng] ?? code })),
  ];
  const countryHint = /^[A-Z]{2}$/.test(country)
    ? t('incidents:form.hints.countryNamed', { name: countryName(country, lng) })
    : t('incidents:form.hints.country');

  return (
    <section className="form-section" aria-labelledby="section-place">
      <h2 id="section-place">{t('incidents:form.sections.place')}</h2>
      <TextField
        field="country"
        className="narrow"
        label={t('incidents:fields.country')}
        hint={countryHint}
        value={draft.country}
        maxLength={2}
        onChange={(value) => update('country', { country: value.toUpperCase() })}
        messages={messagesFor('country')}
      />
      <ChoiceGroup
        field="areas"
        type="checkbox"
        columns={3}
        legend={t('incidents:fields.areas')}
        hint={known.length > 0 ? t('incidents:form.hints.areas') : t('incidents:form.hints.areasNoGazetteer')}
        options={areaOptions}
        selected={draft.areaCodes}
        onChange={(areaCodes) => update('areas', { areaCodes })}
        messages={messagesFor('areas')}
      >
        <ListField
          id="incident-places"
          label={t('incidents:form.places')}
          hint={t('incidents:form.hints.places')}
          items={draft.places}
          pending={draft.pending.places}
          onItemsChange={(places) => update('areas', { places })}
          onPendingChange={(places) => update('areas', { pending: { ...draft.pending, places } })}
          errorId={messagesFor('areas').length > 0 ? fieldErrorId('areas') : undefined}
        />
      </ChoiceGroup>
      <ChoiceGroup
        field="scope"
        type="radio"
        columns={3}
        required
        legend={t('incidents:fields.scope')}
        options={scopes.map((scope) => ({ value: scope, label: t(`taxonomy:scope.${scope}`) }))}
        selected={draft.scope}
        onChange={(scope) => update('scope', { scope })}
        messages={messagesFor('scope')}
      />
    </section>
  );
}
