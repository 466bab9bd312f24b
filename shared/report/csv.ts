/**
 * `data/incidents.csv` and `data/effects.csv`: one row per incident and per
 * effect on people, for spreadsheets and for merging with the Access Now
 * #KeepItOn STOP dataset (column meanings in README.md). Column names are
 * stable English snake_case; stored codes stay codes, with a `_label` column
 * in the bundle's language beside those a reader needs to read. Pure and
 * deterministic, like the report.
 *
 * Format: RFC 4180 (comma-separated, CRLF line ends, a cell with a comma,
 * quote or line break in double quotes, quotes doubled), UTF-8 preceded by a
 * byte order mark. The BOM is a deliberate choice: without it Excel opens a
 * UTF-8 file in the system's legacy code page and turns every Cyrillic
 * letter, Kazakh or Russian, into mojibake; with it Excel, LibreOffice and
 * every RFC 4180 reader that strips a BOM read the text as written.
 */
import { durationOf, type Bundle } from '../model';
import { areaName, countryName, formatterFor, label, serviceName, type Formatter, type ReportLanguage } from './format';
import { arrange, type EffectFields, type IncidentFields } from './records';

type Row = Record<string, string>;

/**
 * One cell. SECURITY: a cell that starts with "=", "+", "-", "@", a tab or a
 * carriage return would be run as a formula by a spreadsheet; it is prefixed
 * with "'" so that it stays text (OWASP, "CSV injection"). So is each part
 * after a ";" or a line break that would start so (after spaces or quotes):
 * Excel in a Russian or Kazakh locale opens a .csv split at ";" and at every
 * line end, whatever the quotes, and "Almaty;=WEBSERVICE(…)" would be a
 * formula there.
 */
export function csvCell(value: string): string {
  const text = formulaSafe(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The text of a cell with each "'" that `csvCell` adds against formulas. */
export const formulaSafe = (value: string): string =>
  (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value).replace(/(;|\r\n|\r|\n)(?=[ "]*[=+\-@\t\r])/g, "$1'");

/** A cell's text with those "'" taken out again: what an import of Dalel's own CSV reads back. */
export const withoutFormulaGuard = (value: string): string =>
  value.replace(/^'(?=[=+\-@\t\r])/, '').replace(/(;|\r\n|\r|\n)'(?=[ "]*[=+\-@\t\r])/g, '$1');

export function toCsv(columns: readonly string[], rows: readonly Row[]): string {
  const lines = [columns, ...rows.map((row) => columns.map((column) => row[column] ?? ''))];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Several values in one cell. */
const many = (values: readonly string[] | undefined) => (values ?? []).join('; ');
const yesNo = (value: boolean | undefined) => (value === undefined ? '' : value ? 'yes' : 'no');
const labels = (f: Formatter, group: string, codes: readonly string[] | undefined) => many(codes?.map((code) => label(f, group, code)));
/** The local calendar day as recorded: "2022-01-05" from "2022-01-05T16:00+06:00". */
const dayOf = (at: string | undefined) => at?.slice(0, 10) ?? '';

/**
 * The networks a shutdown's kinds cut, in STOP's sense of "affected network".
 * Service blocking and throttling name no network by themselves.
 */
export function affectedNetworks(kinds: readonly string[] | undefined): string[] {
  const networks = new Set<string>();
  for (const kind of kinds ?? []) {
    if (kind === 'full_network' || kind === 'mobile_data' || kind === 'sms_voice') networks.add('mobile');
    if (kind === 'full_network' || kind === 'fixed_broadband') networks.add('broadband');
  }
  return ['mobile', 'broadband'].filter((network) => networks.has(network));
}

export const incidentColumns = [
  'record_id',
  'title',
  'retracted',
  'country',
  'country_name',
  'areas',
  'area_names',
  'start_date',
  'start_day',
  'start_precision',
  'end_date',
  'end_day',
  'end_precision',
  'ongoing',
  'duration_hours',
  'curfew_style',
  'scope',
  'scope_label',
  'shutdown_types',
  'shutdown_types_label',
  'affected_networks',
  'services_affected',
  'services_affected_label',
  'pattern',
  'pattern_description',
  'stated_justification',
  'stated_justification_label',
  'official_statement',
  'actual_cause',
  'actual_cause_label',
  'legal_basis',
  'legal_basis_label',
  'legal_basis_other',
  'ordered_by',
  'telcos_involved',
  'government_acknowledged',
  'rights_engaged',
  'summary',
  'effects',
  'source_ids',
  'updated_at',
] as const;

/** Hours off (the intervals' total, else the span; "." decimals whatever the language) and the curfew pattern; empty when unknown or known only to the day. */
function durationCells(incident: IncidentFields): Row {
  if (!incident.startedAt) return {};
  const duration = durationOf({ startedAt: incident.startedAt, endedAt: incident.endedAt, intervals: incident.intervals });
  return { duration_hours: duration.hours === null || duration.approximate ? '' : String(duration.hours), curfew_style: yesNo(duration.curfewStyle) };
}

function incidentRow(f: Formatter, recordId: string, updatedAt: string, incident: IncidentFields | null, effects: number): Row {
  const row: Row = { record_id: recordId, retracted: yesNo(incident === null), updated_at: updatedAt };
  if (!incident) return row;
  const areas = incident.areas ?? [];
  return {
    ...row,
    title: incident.title ?? '',
    country: incident.country ?? '',
    country_name: incident.country ? countryName(f, incident.country) : '',
    areas: many(areas.map((area) => ('code' in area ? area.code : area.place))),
    area_names: many(areas.map((area) => areaName(f, area, incident.startedAt?.at))),
    start_date: incident.startedAt?.at ?? '',
    start_day: dayOf(incident.startedAt?.at),
    start_precision: incident.startedAt?.precision ?? '',
    end_date: incident.endedAt?.at ?? '',
    end_day: dayOf(incident.endedAt?.at),
    end_precision: incident.endedAt?.precision ?? '',
    ongoing: yesNo(incident.ongoing),
    ...durationCells(incident),
    scope: incident.scope ?? '',
    scope_label: incident.scope ? label(f, 'scope', incident.scope) : '',
    shutdown_types: many(incident.kinds),
    shutdown_types_label: labels(f, 'kind', incident.kinds),
    affected_networks: many(affectedNetworks(incident.kinds)),
    services_affected: many(incident.services),
    services_affected_label: many(incident.services?.map((service) => serviceName(f, service))),
    pattern: incident.pattern?.kind ?? '',
    pattern_description: incident.pattern?.description ?? '',
    stated_justification: many(incident.justification?.codes),
    stated_justification_label: labels(f, 'justification', incident.justification?.codes),
    official_statement: incident.justification?.statement ?? '',
    actual_cause: many(incident.context),
    actual_cause_label: labels(f, 'context', incident.context),
    legal_basis: many(incident.legalBasis?.codes),
    legal_basis_label: labels(f, 'legalBasis', incident.legalBasis?.codes),
    legal_basis_other: incident.legalBasis?.other ?? '',
    ordered_by: incident.orderedBy ?? '',
    telcos_involved: many(incident.operators),
    government_acknowledged: incident.acknowledged ?? '',
    rights_engaged: many(incident.rights),
    summary: incident.summary ?? '',
    effects: String(effects),
    source_ids: many(incident.sources),
  };
}

/** One row per incident in the bundle, retracted ones included (marked, without content). */
export function incidentsCsv(bundle: Bundle, language: ReportLanguage): string {
  const f = formatterFor(language);
  const data = arrange(bundle);
  const rows = data.incidents.map((view) =>
    incidentRow(f, view.record.recordId, view.record.updatedAt, view.data, data.effectsOf.get(view.record.recordId)?.length ?? 0),
  );
  return toCsv(incidentColumns, rows);
}

export const effectColumns = [
  'record_id',
  'incident_id',
  'incident_title',
  'retracted',
  'category',
  'category_label',
  'severity',
  'severity_label',
  'people_affected',
  'people_affected_precision',
  'groups',
  'groups_label',
  'area',
  'area_name',
  'occurred_at',
  'occurred_precision',
  'ended_at',
  'ended_precision',
  'economic_loss_amount',
  'economic_loss_currency',
  'description',
  'source_ids',
  'updated_at',
] as const;

function effectRow(f: Formatter, recordId: string, updatedAt: string, effect: EffectFields | null, incidentTitle: string): Row {
  const row: Row = { record_id: recordId, retracted: yesNo(effect === null), updated_at: updatedAt };
  if (!effect) return row;
  const people = effect.peopleAffected;
  return {
    ...row,
    incident_id: effect.incident ?? '',
    incident_title: incidentTitle,
    category: effect.category ?? '',
    category_label: effect.category ? label(f, 'category', effect.category) : '',
    severity: effect.severity ?? '',
    severity_label: effect.severity ? label(f, 'severity', effect.severity) : '',
    people_affected: people && 'count' in people ? String(people.count) : '',
    people_affected_precision: people ? ('count' in people ? people.precision : 'unknown') : '',
    groups: many(effect.groups),
    groups_label: labels(f, 'group', effect.groups),
    area: effect.area ? ('code' in effect.area ? effect.area.code : effect.area.place) : '',
    area_name: effect.area ? areaName(f, effect.area, effect.occurredAt?.at) : '',
    occurred_at: effect.occurredAt?.at ?? '',
    occurred_precision: effect.occurredAt?.precision ?? '',
    ended_at: effect.endedAt?.at ?? '',
    ended_precision: effect.endedAt?.precision ?? '',
    economic_loss_amount: effect.economicLoss ? String(effect.economicLoss.amount) : '',
    economic_loss_currency: effect.economicLoss?.currency ?? '',
    description: effect.description ?? '',
    source_ids: many(effect.sources),
  };
}

/** One row per effect on people in the bundle, in the report's order. */
export function effectsCsv(bundle: Bundle, language: ReportLanguage): string {
  const f = formatterFor(language);
  const data = arrange(bundle);
  const titles = new Map(data.incidents.map((view) => [view.record.recordId, view.data?.title ?? '']));
  const effects = [...data.incidents.flatMap((view) => data.effectsOf.get(view.record.recordId) ?? []), ...data.otherEffects];
  const rows = effects.map((view) =>
    effectRow(f, view.record.recordId, view.record.updatedAt, view.data, titles.get(view.data?.incident ?? '') ?? ''),
  );
  return toCsv(effectColumns, rows);
}
