/**
 * The default UTC offset of every time a form asks: the offset the record's
 * area had on the date typed (shared/model/zones.ts), so that a 2022 Almaty
 * time defaults to +06:00 and a 2025 one to +05:00 whatever the viewer's own
 * zone. A time's offset follows its date and the areas as they change until
 * the person picks one (`offsetChosen`); from then on it is theirs, and so is
 * every offset loaded from a saved record. Pure.
 */
import { defaultOffset, type Area } from '../../../../shared/model';
import type { IncidentDraft, TimeDraft } from './draft';
import type { IntervalDraft } from './intervalDraft';

/** Today's date, for a time whose date is not typed yet. */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The offset in most of Kazakhstan today: a new form's times before any area or date is chosen. */
export function kazakhstanOffsetToday(now = new Date()): string {
  return defaultOffset([], todayIso(now)) ?? '+05:00';
}

export function areasOf(areaCodes: readonly string[], places: readonly string[] = []): Area[] {
  return [...areaCodes.map((code) => ({ code })), ...places.map((place) => ({ place }))];
}

/**
 * The time with its default offset for these areas, unless the person chose
 * one. An end whose date is not typed yet takes its start's offset (`along`).
 */
export function followOffset(time: TimeDraft, areas: readonly Area[], along?: TimeDraft): TimeDraft {
  if (time.offsetChosen) return time;
  const offset =
    !time.date && along
      ? along.offset
      : defaultOffset(areas, time.date || todayIso(), time.precision === 'day' || !time.time ? undefined : time.time);
  return offset && offset !== time.offset ? { ...time, offset } : time;
}

function followInterval(interval: IntervalDraft, incidentAreas: readonly Area[]): IntervalDraft {
  // An interval in named areas takes theirs; one that names none, the incident's.
  const own = areasOf(interval.areaCodes, interval.places);
  const areas = own.length > 0 ? own : incidentAreas;
  const start = followOffset(interval.start, areas);
  const end = followOffset(interval.end, areas, start);
  return start === interval.start && end === interval.end ? interval : { ...interval, start, end };
}

/** Every time of the incident form with its offset following the areas and dates; the same draft when nothing moved. */
export function followIncidentOffsets(draft: IncidentDraft): IncidentDraft {
  const areas = areasOf(draft.areaCodes, draft.places);
  const startedAt = followOffset(draft.startedAt, areas);
  const endedAt = followOffset(draft.endedAt, areas, startedAt);
  const intervals = draft.intervals.map((interval) => followInterval(interval, areas));
  const moved = startedAt !== draft.startedAt || endedAt !== draft.endedAt || intervals.some((interval, i) => interval !== draft.intervals[i]);
  return moved ? { ...draft, startedAt, endedAt, intervals } : draft;
}
