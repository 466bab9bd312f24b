/**
 * Offers a gazetteer place for a place typed as text: "Жанаозен" typed by
 * one defender and "Zhanaozen" ticked by another are one town only once
 * both are the code. It offers, never decides: the text stays as typed until
 * the person chooses the place, and a text that matches nothing, or a place
 * already chosen or not on the map of the record's date, offers nothing.
 */
import { useTranslation } from 'react-i18next';
import { findArea, isValidOn, matchPlace } from '../../../../shared/model';
import { currentLanguage } from '../../i18n';
import { placeLabel } from './placeChoices';

interface Props {
  id: string;
  country: string;
  /** The day whose map is offered (./placeChoices.ts mapDay). */
  day: string;
  /** The texts typed so far: the entries and what is still in the box. */
  texts: readonly string[];
  chosen: readonly string[];
  onChoose: (text: string, code: string) => void;
}

export function PlaceSuggestions({ id, country, day, texts, chosen, onChoose }: Props) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const offers = texts.flatMap((text) => {
    const code = matchPlace(text, country);
    const area = code ? findArea(code) : undefined;
    if (!area || chosen.includes(area.code) || !isValidOn(area, day)) return [];
    return [{ text, code: area.code, name: placeLabel(area, day, lng, t) }];
  });
  // Two spellings of one place are offered once.
  const distinct = offers.filter((offer, index) => offers.findIndex((other) => other.code === offer.code) === index);

  return (
    <div className="place-suggestions" id={id} role="status">
      {distinct.map((offer) => (
        <p key={offer.code} className="hint">
          {t('incidents:form.placeMatch', { text: offer.text, name: offer.name })}{' '}
          <button type="button" className="small" onClick={() => onChoose(offer.text, offer.code)}>
            {t('incidents:form.placeMatchUse', { name: offer.name })}
          </button>
        </p>
      ))}
    </div>
  );
}
