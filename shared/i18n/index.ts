/**
 * The translations of every screen, message and code, for i18next. Adding a
 * locale is adding a folder under locales/ and one line in `resources`
 * below; adding a namespace is one JSON file per locale and one line in
 * `namespaces`. A test checks that every key exists in every locale with the
 * same placeholders.
 */
import type { Language } from '../ipc/contract';
import enCli from './locales/en/cli.json';
import enCsv from './locales/en/csv.json';
import enCommon from './locales/en/common.json';
import enConflicts from './locales/en/conflicts.json';
import enErrors from './locales/en/errors.json';
import enEvidence from './locales/en/evidence.json';
import enExchange from './locales/en/exchange.json';
import enIncidents from './locales/en/incidents.json';
import enOverview from './locales/en/overview.json';
import enReport from './locales/en/report.json';
import enSecurity from './locales/en/security.json';
import enTaxonomy from './locales/en/taxonomy.json';
import enValidation from './locales/en/validation.json';
import enVerify from './locales/en/verify.json';
import enWelcome from './locales/en/welcome.json';
import enUnCommunication from './locales/en/unCommunication.json';
import enInterventions from './locales/en/interventions.json';
import kkCli from './locales/kk/cli.json';
import kkCsv from './locales/kk/csv.json';
import kkCommon from './locales/kk/common.json';
import kkConflicts from './locales/kk/conflicts.json';
import kkErrors from './locales/kk/errors.json';
import kkEvidence from './locales/kk/evidence.json';
import kkExchange from './locales/kk/exchange.json';
import kkIncidents from './locales/kk/incidents.json';
import kkOverview from './locales/kk/overview.json';
import kkReport from './locales/kk/report.json';
import kkSecurity from './locales/kk/security.json';
import kkTaxonomy from './locales/kk/taxonomy.json';
import kkValidation from './locales/kk/validation.json';
import kkVerify from './locales/kk/verify.json';
import kkWelcome from './locales/kk/welcome.json';
import kkUnCommunication from './locales/kk/unCommunication.json';
import kkInterventions from './locales/kk/interventions.json';
import ruCli from './locales/ru/cli.json';
import ruCsv from './locales/ru/csv.json';
import ruCommon from './locales/ru/common.json';
import ruConflicts from './locales/ru/conflicts.json';
import ruErrors from './locales/ru/errors.json';
import ruEvidence from './locales/ru/evidence.json';
import ruExchange from './locales/ru/exchange.json';
import ruIncidents from './locales/ru/incidents.json';
import ruOverview from './locales/ru/overview.json';
import ruReport from './locales/ru/report.json';
import ruSecurity from './locales/ru/security.json';
import ruTaxonomy from './locales/ru/taxonomy.json';
import ruValidation from './locales/ru/validation.json';
import ruVerify from './locales/ru/verify.json';
import ruWelcome from './locales/ru/welcome.json';
import ruUnCommunication from './locales/ru/unCommunication.json';
import ruInterventions from './locales/ru/interventions.json';

export const namespaces = ['csv', 'common', 'incidents', 'security', 'taxonomy', 'validation', 'errors', 'cli', 'evidence', 'report', 'verify', 'exchange', 'conflicts', 'overview', 'welcome', 'unCommunication', 'interventions'] as const;
export type Namespace = (typeof namespaces)[number];

export const resources = {
  en: { csv: enCsv, common: enCommon, incidents: enIncidents, security: enSecurity, taxonomy: enTaxonomy, validation: enValidation, errors: enErrors, cli: enCli, evidence: enEvidence, report: enReport, verify: enVerify, exchange: enExchange, conflicts: enConflicts, overview: enOverview, welcome: enWelcome, unCommunication: enUnCommunication, interventions: enInterventions },
  ru: { csv: ruCsv, common: ruCommon, incidents: ruIncidents, security: ruSecurity, taxonomy: ruTaxonomy, validation: ruValidation, errors: ruErrors, cli: ruCli, evidence: ruEvidence, report: ruReport, verify: ruVerify, exchange: ruExchange, conflicts: ruConflicts, overview: ruOverview, welcome: ruWelcome, unCommunication: ruUnCommunication, interventions: ruInterventions },
  kk: { csv: kkCsv, common: kkCommon, incidents: kkIncidents, security: kkSecurity, taxonomy: kkTaxonomy, validation: kkValidation, errors: kkErrors, cli: kkCli, evidence: kkEvidence, report: kkReport, verify: kkVerify, exchange: kkExchange, conflicts: kkConflicts, overview: kkOverview, welcome: kkWelcome, unCommunication: kkUnCommunication, interventions: kkInterventions },
} as const satisfies Record<Language, Record<Namespace, object>>;

/** The supported language closest to an OS or environment locale ("kk-KZ", "ru_RU.UTF-8"). */
export function pickLanguage(locale: string | undefined | null): Language {
  const primary = (locale ?? '').toLowerCase().split(/[-_.@]/)[0];
  return primary === 'kk' || primary === 'ru' ? primary : 'en';
}

/** The options every caller passes to i18next.init, so all three speak alike. */
export function i18nOptions(lng: Language) {
  return {
    lng,
    fallbackLng: 'en',
    supportedLngs: ['en', 'ru', 'kk'],
    ns: [...namespaces],
    defaultNS: 'common',
    resources,
    interpolation: { escapeValue: false },
    returnNull: false,
  } as const;
}
