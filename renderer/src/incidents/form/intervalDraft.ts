/**
 * The incident form's working copy of its intervals (each time the network
 * was off inside the incident): start and end as the time controls hold
 * them, and which of the incident's areas and operators it concerns. Pure
 * conversions to and from the Interval schema's data; the schema decides
 * what is valid.
 */
import { Incident, describeIssues, type FieldProblem, type Interval, type IntervalInput } from '../../../../shared/model';
import { emptyTime, incidentInputOf, timeDraftOf, timestampOf, type IncidentDraft, type TimeDraft } from './draft';

export interface IntervalDraft {
  start: TimeDraft;
  end: TimeDraft;
  /** Gazetteer codes and free-text places, each among the incident's own. */
  areaCodes: string[];
  places: string[];
  operators: string[];
}

/** A new interval: its times take the offset of the incident's start until the areas and date say otherwise. */
export function emptyInterval(offset: string): IntervalDraft {
  return { start: emptyTime(offset), end: emptyTime(offset), areaCodes: [], places: [], operators: [] };
}

export function intervalDraftOf(interval: Interval, fallbackOffset: string): IntervalDraft {
  const start = timeDraftOf(interval.start, fallbackOffset);
  return {
    start,
    end: timeDraftOf(interval.end, start.offset),
    areaCodes: interval.areas.flatMap((area) => ('code' in area ? [area.code] : [])),
    places: interval.areas.flatMap((area) => ('place' in area ? [area.place] : [])),
    operators: [...interval.operators],
  };
}

/** The data of one interval; a missing start stays missing so that the schema names it. */
export function intervalInputOf(draft: IntervalDraft): IntervalInput {
  const start = timestampOf(draft.start);
  const end = timestampOf(draft.end);
  return {
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    areas: [...draft.areaCodes.map((code) => ({ code })), ...draft.places.map((place) => ({ place }))],
    operators: [...draft.operators],
  } as IntervalInput;
}

/** Each interval's problems, by its index, from the one Incident schema (one per reason). */
export function intervalProblems(draft: IncidentDraft): Map<number, FieldProblem[]> {
  const input = incidentInputOf(draft);
  const parsed = Incident.safeParse(input);
  const byInterval = new Map<number, FieldProblem[]>();
  if (parsed.success) return byInterval;
  for (const problem of describeIssues(parsed.error, input)) {
    const [head, index] = problem.path.split('.');
    if (head !== 'intervals' || index === undefined || !/^\d+$/.test(index)) continue;
    const problems = byInterval.get(Number(index)) ?? [];
    if (!problems.some((known) => known.key === problem.key)) problems.push(problem);
    byInterval.set(Number(index), problems);
  }
  return byInterval;
}
