/**
 * The report's lines about when an incident's network was off: the computed
 * duration (hours, and "curfew style" when the cut-offs repeat at the same
 * hours on several days) and each interval in its own offset, with its
 * areas and operators as written. Prints only what the bundle carries (a
 * public bundle leaves the intervals out); computes, never invents.
 */
import { durationOf, type Interval } from '../model';
import { areaName, formatNumber, formatPeriod, type Formatter } from './format';
import { html, type Html } from './html';
import type { Field } from './parts';
import type { IncidentFields } from './records';

function durationText(f: Formatter, incident: IncidentFields): string | null {
  if (!incident.startedAt) return null;
  const duration = durationOf({ startedAt: incident.startedAt, endedAt: incident.endedAt, intervals: incident.intervals });
  if (duration.hours === null && !duration.curfewStyle) return null;
  const hours =
    duration.hours === null
      ? f.t('report:incident.durationUnknown')
      : f.t(duration.approximate ? 'report:incident.durationHoursAbout' : 'report:incident.durationHours', { hours: formatNumber(f, duration.hours) });
  return duration.curfewStyle ? `${hours}; ${f.t('report:incident.curfewStyle')}` : hours;
}

function intervalItem(f: Formatter, interval: Interval): Html {
  const separator = f.t('report:listSeparator');
  const areas = interval.areas.map((area) => areaName(f, area, interval.start.at));
  const parts = [
    formatPeriod(f, interval.start, interval.end, false),
    ...(areas.length ? [f.t('report:incident.intervalWhere', { areas: areas.join(separator) })] : []),
    ...(interval.operators.length ? [f.t('report:incident.intervalBy', { operators: interval.operators.join(separator) })] : []),
  ];
  return html`<li><bdi>${parts.join('; ')}</bdi></li>`;
}

/** The duration and interval rows of an incident's field list, to follow its period. */
export function intervalFields(f: Formatter, incident: IncidentFields): Field[] {
  const intervals = incident.intervals ?? [];
  return [
    [f.t('report:incident.duration'), durationText(f, incident)],
    [f.t('report:incident.intervals'), intervals.length ? html`<ol class="intervals">${intervals.map((interval) => intervalItem(f, interval))}</ol>` : null],
  ];
}
