/**
 * The area filter of a list: any area, the gazetteer's regions and cities
 * by their names in the UI language, and the free-text places the records
 * name. Values are "code:KZ-75", "place:…" or "".
 */
import { useTranslation } from 'react-i18next';
import { gazetteers } from '../../../shared/model';
import { currentLanguage } from '../i18n';

interface Props {
  id: string;
  value: string;
  /** The free-text places the records name, sorted. */
  places: readonly string[];
  onChange: (area: string) => void;
}

export function AreaSelect({ id, value, places, onChange }: Props) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const collator = new Intl.Collator(lng);
  const regions = [...(gazetteers.KZ ?? [])].sort((a, b) => collator.compare(a.name[lng], b.name[lng]));
  return (
    <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">{t('incidents:list.anyArea')}</option>
      <optgroup label={t('incidents:list.regionsGroup')}>
        {regions.map((area) => (
          <option key={area.code} value={`code:${area.code}`}>
            {area.name[lng]}
          </option>
        ))}
      </optgroup>
      {places.length > 0 && (
        <optgroup label={t('incidents:list.placesGroup')}>
          {places.map((place) => (
            <option key={place} value={`place:${place}`}>
              {place}
            </option>
          ))}
        </optgroup>
      )}
    </select>
  );
}

/** The distinct free-text places among area keys, sorted for the UI language. */
export function placesOf(areaKeys: Iterable<string>, lng: string): string[] {
  const names = new Set<string>();
  for (const key of areaKeys) if (key.startsWith('place:')) names.add(key.slice('place:'.length));
  return [...names].sort(new Intl.Collator(lng).compare);
}
