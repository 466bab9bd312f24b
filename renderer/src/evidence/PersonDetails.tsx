/**
 * The person behind a source, on its page: their role, then each
 * identifying field (name, contact, address, age group, gender, disability)
 * masked as "••••" until "Show identifying details" is pressed, so that
 * nobody beside the screen reads them in passing. While masked, the values
 * are not in the page at all, not even hidden. Coded answers are shown in
 * the app's language; a value written before the choices, as it was.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { personChoiceKey, type PersonChoiceField, type Source } from '../../../shared/model';

const identifying = ['name', 'contact', 'address', 'ageGroup', 'gender', 'disability'] as const;
const choiceFields: readonly string[] = ['ageGroup', 'gender', 'disability'] satisfies PersonChoiceField[];

type Person = NonNullable<Source['person']>;

/** A field's value as shown: a coded answer translated, anything else as it was written. */
export function usePersonValue(): (field: (typeof identifying)[number], person: Person) => string {
  const { t } = useTranslation();
  return (field, person) => {
    const value = person[field] ?? '';
    const key = choiceFields.includes(field) ? personChoiceKey(field as PersonChoiceField, value) : null;
    return key ? t(key) : value;
  };
}

export function PersonDetails({ person }: { person: Person }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const valueOf = usePersonValue();
  const fields = identifying.filter((field) => person[field]);
  return (
    <section className="detail-group person-details" aria-labelledby="person-title">
      <h2 id="person-title">{t('evidence:source.sections.person')}</h2>
      {fields.length > 0 && (
        <p className="person-mask-toggle">
          <button type="button" aria-expanded={shown} aria-controls="person-fields" onClick={() => setShown((was) => !was)}>
            {t(shown ? 'evidence:source.identity.hide' : 'evidence:source.identity.show')}
          </button>{' '}
          {!shown && <span className="hint">{t('evidence:source.identity.maskedNote')}</span>}
        </p>
      )}
      <dl id="person-fields">
        {fields.map((field) => (
          <div key={field} className="detail">
            <dt>{t(`evidence:source.fields.${field}`)}</dt>
            {/* SECURITY: masked means absent from the page, not hidden by style. */}
            {shown ? (
              <dd>{valueOf(field, person)}</dd>
            ) : (
              <dd className="masked">
                <span aria-hidden="true">••••</span>
                <span className="visually-hidden">{t('evidence:source.identity.masked')}</span>
              </dd>
            )}
          </div>
        ))}
        <div className="detail">
          <dt>{t('evidence:source.fields.role')}</dt>
          <dd>{t(`taxonomy:personRole.${person.role}`)}</dd>
        </div>
      </dl>
    </section>
  );
}
