/**
 * The numbers behind the overview, computed in one pass over the record
 * summaries: counts (ongoing apart from "end not recorded"), effects by
 * severity, category and area, a timeline of shutdowns per area and effects
 * per month or week, all limited to a range of days when one is asked. Pure: no DOM, no calls,
 * no translation (codes only), so the engine runs it and tests run it
 * alone. Every list it returns is capped (rows, areas, categories, spans per
 * row, buckets), so its answer stays small at 100k incidents; what a cap
 * leaves out is counted, never silently dropped. It keeps nothing between calls.
 */
import { shutdownGroups, type IncidentLink } from '../model/links';
import { severities } from '../model/taxonomy';
import { areaRowOf } from './areaRow';
import type { CountByCode, Overview, TimeBucket, TimelineRow } from './schema';

export type { CountByCode, Overview, TimeBucket, TimelineRow } from './schema';

/** What aggregation reads of a record summary (shared/ipc RecordSummary has it). */
export interface SummaryFields {
  /** An incident's id, by which other incidents link to it (shared/model/links.ts). */
  recordId?: string;
  retracted: boolean;
  data: Record<string, unknown> | null;
}

/**
 * Each live incident's shutdown: incidents linked as the same, a part or a
 * continuation count once (shared/model/links.ts). Keyed by record id; an
 * incident without an id is its own shutdown.
 */
function shutdownOf(incidents: readonly SummaryFields[]): Map<string, string> {
  const live = incidents.flatMap((record) =>
    !record.retracted && record.data && record.recordId
      ? [{ recordId: record.recordId, links: Array.isArray(record.data.links) ? (record.data.links as IncidentLink[]) : [] }]
      : [],
  );
  return new Map(shutdownGroups(live).flatMap((group) => group.map((id) => [id, group[0]!] as const)));
}

export interface OverviewOptions {
  now: number;
  /** Days (YYYY-MM-DD, inclusive, as written in the records) every number is limited to; either may be left open. */
  from?: string | undefined;
  to?: string | undefined;
  /** Rows of the timeline sent; the rest are counted in `moreRows`. */
  timelineRows?: number;
  /** Periods in one row are merged when closer than (whole range / this). */
  timelineSteps?: number;
  /** Areas and categories sent; the rest are counted. */
  areaRows?: number;
  categoryRows?: number;
}

interface Stamp {
  at: string;
}

const isStamp = (value: unknown): value is Stamp =>
  typeof value === 'object' && value !== null && typeof (value as Stamp).at === 'string';

/** The calendar day as written (witness's own zone, never converted). */
const dayOf = (stamp: Stamp) => stamp.at.slice(0, 10);

/** An area's row: its first-level region on the record's day, or a place not in the gazetteer as written (./areaRow.ts). */
const areaKey = areaRowOf;
const countryOf = (data: Record<string, unknown>) => (typeof data.country === 'string' && data.country.trim() ? data.country.trim().toUpperCase() : 'KZ');

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

const byCountThenCode = (a: CountByCode, b: CountByCode) => b.count - a.count || a.code.localeCompare(b.code);
const gravestFirst = [...severities].reverse();

/**
 * How an incident ends, as its record says: `ongoing` only when the record
 * says so (`ongoing: true`); no end (or one that cannot be read) and not
 * marked ongoing is "end not recorded", which is not the same fact.
 */
function endOf(data: Record<string, unknown>): { ongoing: boolean; end: number | null; lastDay: string } {
  if (data.ongoing === true) return { ongoing: true, end: null, lastDay: '' };
  const end = isStamp(data.endedAt) ? Date.parse(data.endedAt.at) : NaN;
  return Number.isNaN(end) ? { ongoing: false, end: null, lastDay: '' } : { ongoing: false, end, lastDay: dayOf(data.endedAt as Stamp) };
}

/** The earliest and latest instants a day (as written, in any zone from UTC+14 to UTC−12) can hold. */
const dayStart = (day: string) => Date.parse(`${day}T00:00:00+14:00`);
const dayEnd = (day: string) => Date.parse(`${day}T23:59:59.999-12:00`);

export function aggregateOverview(incidents: Iterable<SummaryFields>, effects: Iterable<SummaryFields>, options: OverviewOptions): Overview {
  const { now, from, to, timelineRows = 12, timelineSteps = 600, areaRows = 15, categoryRows = 40 } = options;
  const ranged = Boolean(from || to);
  const inRange = (first: string, last: string) => (!to || first <= to) && (!from || last >= from);
  const incidentList = [...incidents];
  const shutdowns = shutdownOf(incidentList);
  /** Shutdowns counted, overall and per row: a linked incident adds its period, not another shutdown. */
  const counted = new Set<string>();
  const countedInRow = new Set<string>();
  const ongoingShutdowns = new Set<string>();
  const openShutdowns = new Set<string>();
  let incidentCount = 0;
  let recordCount = 0;
  let ongoingCount = 0;
  let openCount = 0;
  const rows = new Map<string, TimelineRow>();
  let earliest = Infinity;
  let latest = -Infinity;
  let firstDay = '';
  let lastDay = '';
  const extend = (first: string, last: string) => {
    if (!firstDay || first < firstDay) firstDay = first;
    if (!lastDay || last > lastDay) lastDay = last;
  };

  for (const record of incidentList) {
    const data = record.data;
    if (record.retracted || !data || !isStamp(data.startedAt)) continue;
    const start = Date.parse(data.startedAt.at);
    if (Number.isNaN(start)) continue;
    const startDay = dayOf(data.startedAt);
    const { ongoing, end: recordedEnd, lastDay: endDay } = endOf(data);
    const endNotRecorded = !ongoing && recordedEnd === null;
    extend(startDay, endDay > startDay ? endDay : startDay);
    // An ongoing period reaches every later day; one whose end was not recorded is known only on its first day.
    if (!inRange(startDay, ongoing ? '9999-12-31' : endDay || startDay)) continue;
    recordCount += 1;
    const shutdown = (record.recordId && shutdowns.get(record.recordId)) ?? Symbol();
    const first = typeof shutdown === 'string' ? !counted.has(shutdown) : true;
    if (typeof shutdown === 'string') counted.add(shutdown);
    if (first) incidentCount += 1;
    const once = (flag: boolean, seen: Set<string>) => {
      if (!flag) return 0;
      if (typeof shutdown !== 'string') return 1;
      if (seen.has(shutdown)) return 0;
      seen.add(shutdown);
      return 1;
    };
    ongoingCount += once(ongoing, ongoingShutdowns);
    openCount += once(endNotRecorded, openShutdowns);
    const end = ongoing ? Math.max(now, start) : (recordedEnd ?? start);
    // The axis follows the records: from the first start to the last recorded end, within the range asked for.
    earliest = Math.min(earliest, from ? Math.max(start, dayStart(from)) : start);
    const reach = ongoing ? (to ? Math.min(end, dayEnd(to)) : start) : end;
    latest = Math.max(latest, to ? Math.min(reach, dayEnd(to)) : reach);

    const keys = new Map<string, TimelineRow['kind']>();
    for (const area of Array.isArray(data.areas) ? data.areas : []) {
      const found = areaKey(area, data.startedAt.at, countryOf(data));
      if (found) keys.set(found.key, found.kind);
    }
    if (keys.size === 0) keys.set(data.scope === 'national' ? countryOf(data) : 'unspecified', data.scope === 'national' ? 'national' : 'unspecified');
    for (const [key, kind] of keys) {
      let row = rows.get(key);
      if (!row) {
        row = { key, kind, incidents: 0, ongoing: 0, endNotRecorded: 0, first: startDay, last: '', spans: [] };
        rows.set(key, row);
      }
      const inRow = typeof shutdown === 'string' ? `${key}\u0000${shutdown}` : null;
      const onceInRow = (flag: boolean, mark: string) => {
        if (!flag) return 0;
        if (!inRow) return 1;
        if (countedInRow.has(`${inRow}${mark}`)) return 0;
        countedInRow.add(`${inRow}${mark}`);
        return 1;
      };
      row.incidents += onceInRow(true, '');
      row.ongoing += onceInRow(ongoing, '\u0000ongoing');
      row.endNotRecorded += onceInRow(endNotRecorded, '\u0000open');
      if (startDay < row.first) row.first = startDay;
      if (endDay > row.last) row.last = endDay;
      row.spans.push({ start, end, ongoing, endNotRecorded });
    }
  }

  const sortedRows = [...rows.values()].sort((a, b) => b.incidents - a.incidents || a.key.localeCompare(b.key));
  const shown = sortedRows.slice(0, timelineRows);
  const step = Number.isFinite(earliest) ? Math.max(0, latest - earliest) / timelineSteps : 0;
  for (const row of shown) row.spans = mergeSpans(row.spans, step);

  let effectCount = 0;
  let people = 0;
  let withCount = 0;
  const categories = new Map<string, number>();
  const severityCounts = new Map<string, number>();
  const areas = new Map<string, number>();
  const areaKinds = new Map<string, 'code' | 'place' | 'unspecified'>();
  const days: string[] = [];
  let undated = 0;
  for (const record of effects) {
    const data = record.data;
    if (record.retracted || !data) continue;
    const day = isStamp(data.occurredAt) ? dayOf(data.occurredAt) : null;
    if (day) extend(day, day);
    else undated += 1;
    // An effect without a date lies in no range: with one asked for, it is left out (and counted in `undated`).
    if (ranged && (!day || !inRange(day, day))) continue;
    effectCount += 1;
    if (typeof data.category === 'string') increment(categories, data.category);
    if (typeof data.severity === 'string') increment(severityCounts, data.severity);
    const area = areaKey(data.area, isStamp(data.occurredAt) ? data.occurredAt.at : new Date(now).toISOString()) ?? { key: 'unspecified', kind: 'unspecified' as const };
    increment(areas, area.key);
    areaKinds.set(area.key, area.kind);
    const counted = data.peopleAffected as { count?: unknown } | undefined;
    if (counted && typeof counted.count === 'number') {
      people += counted.count;
      withCount += 1;
    }
    if (day) days.push(day);
  }

  const sortedCategories = [...categories].map(([code, count]) => ({ code, count })).sort(byCountThenCode);
  const sortedAreas = [...areas].map(([code, count]) => ({ code, count, kind: areaKinds.get(code) ?? 'unspecified' })).sort(byCountThenCode);
  const extent = firstDay ? { from: firstDay, to: lastDay } : null;
  return {
    incidents: incidentCount,
    linkedRecords: recordCount - incidentCount,
    ongoing: ongoingCount,
    endNotRecorded: openCount,
    range: ranged ? { from: from ?? extent?.from ?? '', to: to ?? extent?.to ?? '' } : extent,
    extent,
    effects: effectCount,
    peopleAffected: people,
    effectsWithCount: withCount,
    bySeverity: effectCount ? gravestFirst.map((code) => ({ code, count: severityCounts.get(code) ?? 0 })) : [],
    byCategory: sortedCategories.slice(0, categoryRows),
    moreCategories: Math.max(0, sortedCategories.length - categoryRows),
    byArea: sortedAreas.slice(0, areaRows),
    moreAreas: Math.max(0, sortedAreas.length - areaRows),
    timeline: {
      rows: shown,
      moreRows: sortedRows.length - shown.length,
      start: Number.isFinite(earliest) ? earliest : now,
      end: Number.isFinite(latest) ? Math.max(latest, earliest) : now,
      mergeStep: step,
    },
    overTime: { ...bucketDays(days), undated },
  };
}

/** Sorted periods, those that overlap or lie closer than `step` merged: a row never draws more than ~1 bar per step. */
export function mergeSpans(spans: TimelineRow['spans'], step: number): TimelineRow['spans'] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: TimelineRow['spans'] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start <= last.end + step) {
      // The merged bar ends as the period that reaches furthest ends: open only if that one's end was not recorded.
      if (span.end > last.end) {
        last.end = span.end;
        last.endNotRecorded = span.endNotRecorded;
      } else if (span.end === last.end) last.endNotRecorded &&= span.endNotRecorded;
      last.ongoing ||= span.ongoing;
      if (last.ongoing) last.endNotRecorded = false;
    } else merged.push({ ...span });
  }
  return merged;
}

const maxBuckets = 240;

/** Counts per month, or per week (Monday to Sunday) when all days fall within about three months. */
export function bucketDays(days: readonly string[]): { unit: 'month' | 'week'; buckets: TimeBucket[]; earlier: number } {
  if (days.length === 0) return { unit: 'month', buckets: [], earlier: 0 };
  let first = days[0]!;
  let last = days[0]!;
  for (const day of days) {
    if (day < first) first = day;
    if (day > last) last = day;
  }
  const spanDays = (utc(last) - utc(first)) / dayMs;
  const unit = spanDays <= 92 ? 'week' : 'month';
  const startOf = unit === 'week' ? weekStart : (day: string) => `${day.slice(0, 7)}-01`;
  const next = unit === 'week' ? (day: string) => addDays(day, 7) : nextMonth;
  const counts = new Map<string, number>();
  for (const day of days) increment(counts, startOf(day));
  const buckets: TimeBucket[] = [];
  for (let from = startOf(first); from <= last; from = next(from)) {
    buckets.push({ from, to: addDays(next(from), -1), count: counts.get(from) ?? 0 });
  }
  // A range too long to draw keeps its most recent buckets; the effects before them are counted.
  const kept = buckets.slice(-maxBuckets);
  const earlier = buckets.slice(0, buckets.length - kept.length).reduce((sum, bucket) => sum + bucket.count, 0);
  return { unit, buckets: kept, earlier };
}

const dayMs = 86_400_000;
const utc = (day: string) => Date.parse(`${day}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => iso(utc(day) + n * dayMs);
const weekStart = (day: string) => addDays(day, -((new Date(utc(day)).getUTCDay() + 6) % 7));

function nextMonth(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}
