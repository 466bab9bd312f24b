/**
 * How a stored field value reads in the revision history: the same words
 * the record pages use (their helpers, their taxonomy keys), never JSON.
 */
import i18next, { type TFunction } from 'i18next';
import type { Language } from '../../../shared/ipc';
import { Area, Consent, EconomicLoss, Interval, PeopleAffected, Person, personChoiceKey, personRoles, Timestamp, Translation } from '../../../shared/model';
import { moneyText, peopleText } from '../evidence/EffectsSection';
import { consentQuestions } from '../evidence/sourceDraft';
import { withdrawalText } from '../evidence/WithdrawalFieldset';
import { areaName, countryName, formatList, formatTimestamp, formatTimestampInFull, serviceName } from './format';
import { intervalText } from './intervalText';
import { orderFormats } from './orderRevisionValues';

type Format = (value: unknown) => string | null;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * How each field's stored value reads, or null when it holds nothing. The
 * same words the record pages use (their helpers, their keys); a value of an
 * unexpected shape (say, from a newer Dalel) still reads as plain text.
 */
export function valueFormatter(t: TFunction, lng: Language, options: { showIdentity?: boolean } = {}): (field: string, value: unknown) => string | null {
  const yesNo = (value: boolean) => t(value ? 'incidents:page.yes' : 'incidents:page.no');
  const plain: Format = (value) => {
    if (value === undefined || value === null) return null;
    if (typeof value === 'string') return value.trim() ? value : null;
    if (typeof value === 'number') return new Intl.NumberFormat(lng).format(value);
    if (typeof value === 'boolean') return yesNo(value);
    if (Array.isArray(value)) return list(plain)(value);
    if (!isObject(value)) return null;
    // An unknown object: its own keys as labels, one "key: value" after another.
    return Object.entries(value).map(([key, inner]) => labelled(key, plain(inner))).filter(Boolean).join('; ') || null;
  };
  const list =
    (item: Format): Format =>
    (value) => {
      if (!Array.isArray(value)) return plain(value);
      const items = value.map(item).filter((text): text is string => !!text);
      return items.length > 0 ? formatList(items, t) : null;
    };
  const code =
    (prefix: string): Format =>
    (value) => {
      if (typeof value !== 'string' || !value) return plain(value);
      const key = `taxonomy:${prefix}.${value}`;
      return i18next.exists(key) ? t(key) : value;
    };
  const parsed =
    <T,>(schema: { safeParse: (value: unknown) => { success: true; data: T } | { success: false } }, format: (value: T) => string | null): Format =>
    (value) => {
      if (value === undefined || value === null) return null;
      const result = schema.safeParse(value);
      return result.success ? format(result.data) : plain(value);
    };
  const labelled = (label: string, text: string | null) => text && `${label}: ${text}`;
  const lines = (parts: (string | null)[]) => parts.filter(Boolean).join('\n') || null;
  const time = parsed(Timestamp, (timestamp) => formatTimestampInFull(timestamp, lng, t));
  const area = parsed(Area, (value) => areaName(value, lng));
  const bool: Format = (value) => (typeof value === 'boolean' ? yesNo(value) : plain(value));
  const sources: Format = (value) =>
    Array.isArray(value) ? (value.length > 0 ? t('incidents:page.sourceCount', { count: value.length }) : null) : plain(value);

  const personText: Format = parsed(Person, (person) =>
    lines([
      ...(['name', 'contact', 'address'] as const).map((key) => labelled(t(`evidence:source.fields.${key}`), plain(person[key]))),
      labelled(t('evidence:source.fields.role'), code('personRole')(person.role)),
      // A coded answer in the app's language; text written before the choices, as it was.
      ...(['ageGroup', 'gender', 'disability'] as const).map((key) => {
        const coded = personChoiceKey(key, person[key]);
        return labelled(t(`evidence:source.fields.${key}`), coded ? t(coded) : plain(person[key]));
      }),
    ]),
  );
  const maskedPerson: Format = (value) => {
    if (!isObject(value)) return value === undefined || value === null ? null : t('evidence:source.identity.masked');
    const role = (personRoles as readonly unknown[]).includes(value.role) ? t(`taxonomy:personRole.${String(value.role)}`) : null;
    return lines([
      ...(['name', 'contact', 'address'] as const).map((key) => (value[key] ? labelled(t(`evidence:source.fields.${key}`), t('evidence:source.identity.masked')) : null)),
      labelled(t('evidence:source.fields.role'), role ?? (value.role ? t('evidence:source.identity.masked') : null)),
      ...(['ageGroup', 'gender', 'disability'] as const).map((key) => (value[key] ? labelled(t(`evidence:source.fields.${key}`), t('evidence:source.identity.masked')) : null)),
    ]);
  };

  const formats: Record<string, Format> = {
    country: (value) => (typeof value === 'string' && value ? countryName(value, lng) : plain(value)),
    areas: list(area),
    scope: code('scope'),
    kinds: list(code('kind')),
    services: list((value) => (typeof value === 'string' ? serviceName(value, t) : plain(value))),
    startedAt: time,
    endedAt: time,
    ongoing: bool,
    intervals: list(parsed(Interval, (interval) => intervalText(interval, lng, t))),
    pattern: (value) => (isObject(value) ? [code('pattern')(value.kind), plain(value.description)].filter(Boolean).join(': ') || null : plain(value)),
    justification: (value) =>
      isObject(value) ? lines([list(code('justification'))(value.codes), labelled(t('incidents:form.statement'), plain(value.statement))]) : plain(value),
    context: list(code('context')),
    acknowledged: code('acknowledged'),
    legalBasis: (value) =>
      isObject(value) ? list(plain)([...(Array.isArray(value.codes) ? value.codes.map(code('legalBasis')) : []), value.other]) : plain(value),
    ...orderFormats(t, lng, plain),
    rights: list(code('right')),
    confidential: bool,
    sources,
    category: code('category'),
    severity: code('severity'),
    area,
    occurredAt: time,
    peopleAffected: parsed(PeopleAffected, (peopleAffected) => peopleText({ peopleAffected }, t, lng)),
    groups: list(code('group')),
    economicLoss: parsed(EconomicLoss, (loss) => moneyText(loss, lng)),
    kind: code('sourceKind'),
    collectedAt: time,
    sensitive: bool,
    // Each translation with its translator, day and certification, so that two versions of it can be told apart.
    translations: list(
      parsed(Translation, (translation) =>
        lines([
          t('evidence:source.translation.heading', { language: translation.language }),
          labelled(t('evidence:source.translation.fields.translator'), plain(translation.translator)),
          labelled(t('evidence:source.translation.fields.translatedAt'), formatTimestamp({ at: `${translation.translatedAt}T00:00Z`, precision: 'day' }, lng)),
          t(translation.certified ? 'evidence:source.translation.certified' : 'evidence:source.translation.notCertified'),
          plain(translation.text),
        ]),
      ),
    ),
    // SECURITY: until "Show" is pressed (evidence/IdentityMask), a person reads as their role and which fields are filled, never what they say.
    person: options.showIdentity ? personText : maskedPerson,
    consent: parsed(Consent, (consent) =>
      lines([
        consentQuestions
          .map((question) => t(`evidence:consent.badge.${question}`, { answer: t(consent[question] ? 'evidence:consent.yes' : 'evidence:consent.no') }))
          .join(' · '),
        labelled(t('evidence:consent.askedBy'), plain(consent.askedBy)),
        labelled(t('evidence:consent.askedIn'), plain(consent.askedIn)),
        labelled(t('evidence:consent.method'), code('consentMethod')(consent.method)),
        labelled(t('evidence:consent.givenAt'), time(consent.givenAt)),
        ...(consent.withdrawals ?? []).map((withdrawal) => withdrawalText(t, withdrawal)),
        ...(consent.migrated ? [t('evidence:consent.migrated')] : []),
      ]),
    ),
  };
  return (field, value) => (formats[field] ?? plain)(value);
}
