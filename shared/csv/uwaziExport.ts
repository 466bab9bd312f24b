/**
 * The archive's incidents as a CSV in Uwazi's conventions
 * (docs/guides/spreadsheets.md, `dalel export-csv`): one row per incident,
 * lists joined by `|`, and each choice in three `__en`/`__ru`/`__kk`
 * columns of its labels. Its header names Dalel's fields, so the importer
 * reads it back without a mapping and finds every record again by its
 * `externalId` (`dalel:<record id>` for a record made in Dalel).
 *
 * It never decides what may leave the archive: the caller hands it only
 * incidents that may (not confidential, not retracted), and it reads only
 * the incident's own fields, never a source.
 */
import { resources } from '../i18n';
import type { Incident } from '../model/incident';
import type { Timestamp } from '../model/time';
import { formulaSafe } from '../report/csv';
import { importFields, listSeparator, type Conversion, type ImportField } from './importFields';

export const exportedIdPrefix = 'dalel:';

const languages = ['en', 'ru', 'kk'] as const;
/** The offset a day written without one is read in (shared/csv/ownRows.ts). */
const defaultOffset = '+05:00';

const textColumns = ['externalId', 'title', 'summary', 'country', 'areas', 'startedAt', 'endedAt', 'ongoing', 'services', 'operators', 'orderedBy', 'tags'] as const;
const choiceColumns = ['scope', 'kinds', 'context', 'justification', 'acknowledged', 'legalBasis', 'rights'] as const satisfies readonly ImportField[];

export const uwaziHeader: string[] = [...textColumns, ...choiceColumns.flatMap((field) => languages.map((language) => `${field}__${language}`))];

/**
 * A cell as RFC 4180 writes it: quoted when it holds a comma, a quote, a line
 * break or edge spaces. SECURITY: guarded against formulas as every CSV of
 * Dalel's is (shared/report/csv.ts); the importer takes the guard out again.
 */
export function csvCell(value: string): string {
  const text = formulaSafe(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A day as the day alone (with its offset unless it is Kazakhstan's), any other time as written. */
function timeCell(time: Timestamp | undefined): string {
  if (!time) return '';
  const day = /^(\d{4}-\d{2}-\d{2})T00:00(?::00)?(Z|[+-]\d{2}:\d{2})$/.exec(time.at);
  if (time.precision === 'day' && day) return day[2] === defaultOffset ? day[1]! : `${day[1]}${day[2]}`;
  return time.at;
}

function labels(field: (typeof choiceColumns)[number], codes: readonly string[], language: (typeof languages)[number]): string {
  const conversion = importFields[field] as Extract<Conversion, { kind: 'code' }>;
  const group = (resources[language].taxonomy as Record<string, Record<string, string> | undefined>)[conversion.list.group] ?? {};
  return codes.map((code) => group[code] ?? code).join(listSeparator);
}

function rowOf(recordId: string, incident: Incident): string[] {
  const choices: Record<(typeof choiceColumns)[number], readonly string[]> = {
    scope: [incident.scope],
    kinds: incident.kinds,
    context: incident.context,
    justification: incident.justification.codes,
    acknowledged: incident.acknowledged === 'unknown' ? [] : [incident.acknowledged],
    legalBasis: incident.legalBasis.codes,
    rights: incident.rights,
  };
  const text: Record<(typeof textColumns)[number], string> = {
    externalId: incident.externalId ?? `${exportedIdPrefix}${recordId}`,
    title: incident.title,
    summary: incident.summary,
    country: incident.country,
    areas: incident.areas.map((area) => ('code' in area ? area.code : area.place)).join(listSeparator),
    startedAt: timeCell(incident.startedAt),
    endedAt: timeCell(incident.endedAt),
    ongoing: incident.ongoing ? 'yes' : 'no',
    services: incident.services.join(listSeparator),
    operators: incident.operators.join(listSeparator),
    orderedBy: incident.orderedBy,
    tags: incident.tags.join(listSeparator),
  };
  return [...textColumns.map((column) => text[column]), ...choiceColumns.flatMap((field) => languages.map((language) => labels(field, choices[field], language)))];
}

/** The whole file: a byte order mark (so that spreadsheets read it as UTF-8), the header, one line per incident, CRLF. */
export function uwaziCsvOf(incidents: readonly { recordId: string; incident: Incident }[]): string {
  const lines = [uwaziHeader, ...incidents.map(({ recordId, incident }) => rowOf(recordId, incident))];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
