/**
 * Where the shutdown was (the country is asked in the quick record): its areas (gazetteer regions, cities
 * and districts as the map stood on the start date, named in the UI language
 * with the names of that date, plus towns or places as free text, for which
 * a matching gazetteer place is offered). The scope is in the quick record.
 */
import { useTranslation } from 'react-i18next';
import { gazetteers } from '../../../../shared/model';
import { currentLanguage } from '../../i18n';
import { formatTimestamp } from '../format';
import { ChoiceGroup } from './ChoiceGroup';
import type { SectionProps } from './fieldProps';
import { FormDetails } from './FormDetails';
import { ListField } from './ListField';
import { mapDay, placeChoices } from './placeChoices';
import { PlaceSuggestions } from './PlaceSuggestions';
import { fieldErrorId } from './validation';

export function PlaceSection({ draft, update, messagesFor }: SectionProps) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const country = draft.country.trim().toUpperCase();
  const known = gazetteers[country] ?? [];
  // The map of the start date; a chosen area stays visible (and can be unticked) even if the country or the date changed.
  const day = mapDay(draft.startedAt.date);
  const choices = placeChoices(country, draft.startedAt.date, draft.areaCodes, lng, t);
  const chosenRegions = draft.areaCodes.filter((code) => choices.regions.some((option) => option.value === code));
  const chosenTowns = draft.areaCodes.filter((code) => !chosenRegions.includes(code));
  const areasHint =
    known.length === 0
      ? t('incidents:form.hints.areasNoGazetteer')
      : day === draft.startedAt.date
        ? t('incidents:form.hints.areasOnDate', { date: formatTimestamp({ at: `${day}T00:00+00:00`, precision: 'day' }, lng) })
        : t('incidents:form.hints.areas');
  const choosePlace = (text: string, code: string) =>
    update('areas', {
      areaCodes: [...draft.areaCodes, code],
      places: draft.places.filter((place) => place !== text),
      pending: draft.pending.places === text ? { ...draft.pending, places: '' } : draft.pending,
    });

  return (
    <FormDetails titleId="section-place" title={t('incidents:form.sections.place')} fields={['areas']}>
      <ChoiceGroup
        field="areas"
        type="checkbox"
        columns={3}
        legend={t('incidents:fields.areas')}
        hint={areasHint}
        options={choices.regions}
        selected={chosenRegions}
        onChange={(codes) => update('areas', { areaCodes: [...codes, ...chosenTowns] })}
        messages={messagesFor('areas')}
      >
        {choices.towns.length > 0 && (
          <ChoiceGroup
            field="areas"
            idSuffix="towns"
            type="checkbox"
            columns={3}
            legend={t('incidents:form.towns')}
            hint={t('incidents:form.hints.towns')}
            options={choices.towns}
            selected={chosenTowns}
            onChange={(codes) => update('areas', { areaCodes: [...chosenRegions, ...codes] })}
            messages={[]}
          />
        )}
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
        <PlaceSuggestions id="incident-place-suggestions" country={country} day={day} texts={[...draft.places, draft.pending.places]} chosen={draft.areaCodes} onChoose={choosePlace} />
      </ChoiceGroup>
    </FormDetails>
  );
}
