/**
 * The report's two charts as inline SVG (no script, no fetched font or
 * image): an incident's timeline, and its effects counted by category with
 * the numbers written beside the bars. Positions come from instants; every
 * label is the recorded wall-clock text, never a converted time. Each chart
 * has a title and description for screen readers; the category chart is
 * followed by the same numbers as a table.
 */
import { effectCategories, instantOf, type Timestamp } from '../model';
import { formatDayMonth, formatNumber, formatTimestamp, label, wallClockOf, type Formatter } from './format';
import { html, type Html } from './html';
import type { EffectView, IncidentFields } from './records';

const chartWidth = 680;
const fontSize = 11;
const lineHeight = 14;

/** Splits a label into lines of about `max` characters at spaces, so long Kazakh or Russian labels fit. */
export function wrapLabel(text: string, max: number, maxLines = 3): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
    return kept;
  }
  return lines.length ? lines : [''];
}

function textLines(lines: readonly string[], x: number, y: number, anchor: 'start' | 'end' = 'start'): Html {
  return html`<text x="${x}" y="${y}" text-anchor="${anchor}">${lines.map(
    (line, index) => html`<tspan x="${x}" dy="${index === 0 ? 0 : lineHeight}">${line}</tspan>`,
  )}</text>`;
}

const instant = (timestamp: Timestamp | undefined): number | undefined => {
  if (!timestamp) return undefined;
  const value = instantOf(timestamp);
  return Number.isNaN(value) ? undefined : value;
};

interface TimelineRow {
  label: string;
  /** As recorded, for the description's text. */
  stamp: Timestamp;
  start: number;
  end?: number;
  ongoing: boolean;
  kind: 'incident' | 'effect';
}

const hour = 3_600_000;
const day = 24 * hour;

/** Tick instants and labels, at local midnights (or hours for short spans) in the incident's own offset. */
function ticks(f: Formatter, from: number, to: number, offsetMinutes: number): { at: number; text: string }[] {
  const shift = offsetMinutes * 60_000;
  const span = to - from;
  const out: { at: number; text: string }[] = [];
  if (span < 2 * day) {
    const step = [1, 2, 3, 6, 12].find((hours) => span / (hours * hour) <= 8)! * hour;
    for (let local = Math.ceil((from + shift) / step) * step; local - shift <= to; local += step) {
      const d = new Date(local);
      out.push({ at: local - shift, text: `${String(d.getUTCHours()).padStart(2, '0')}:00` });
    }
    return out;
  }
  const step = Math.max(1, Math.ceil(span / day / 7)) * day;
  for (let local = Math.ceil((from + shift) / day) * day; local - shift <= to; local += step) {
    const d = new Date(local);
    out.push({ at: local - shift, text: formatDayMonth(f, { month: d.getUTCMonth() + 1, day: d.getUTCDate() }) });
  }
  return out;
}

/** The incident and each dated effect on one time axis; null when nothing is dated. */
export function timelineChart(f: Formatter, incident: IncidentFields, effects: readonly EffectView[], id: string): Html | null {
  const rows: TimelineRow[] = [];
  const incidentStart = instant(incident.startedAt);
  if (incidentStart !== undefined) {
    rows.push({
      label: f.t('report:incident.timelineShutdown'),
      stamp: incident.startedAt!,
      start: incidentStart,
      end: instant(incident.endedAt),
      ongoing: incident.ongoing === true,
      kind: 'incident',
    });
  }
  for (const effect of effects) {
    const start = instant(effect.data?.occurredAt);
    if (start === undefined || !effect.data) continue;
    const category = effect.data.category ? label(f, 'category', effect.data.category) : f.t('report:notRecorded');
    rows.push({ label: category, stamp: effect.data.occurredAt!, start, end: instant(effect.data.endedAt), ongoing: false, kind: 'effect' });
  }
  if (rows.length === 0) return null;

  const known = rows.flatMap((row) => (row.end === undefined ? [row.start] : [row.start, row.end]));
  // A loop, not Math.min(...known): spreading 100k stamps overflows the call stack.
  let from = Infinity;
  let to = -Infinity;
  for (const stamp of known) {
    if (stamp < from) from = stamp;
    if (stamp > to) to = stamp;
  }
  if (to - from < hour) {
    from -= 6 * hour;
    to += 6 * hour;
  } else {
    const pad = (to - from) * 0.03;
    from -= pad;
    to += pad;
  }
  const firstTimed = incident.startedAt ?? effects.find((effect) => effect.data?.occurredAt)?.data?.occurredAt;
  const wall = firstTimed ? wallClockOf(firstTimed.at) : null;
  const offsetMinutes = wall?.offsetMinutes ?? 0;

  const labelWidth = 200;
  const x0 = labelWidth + 16;
  const x1 = chartWidth - 16;
  const x = (at: number) => x0 + ((at - from) / (to - from)) * (x1 - x0);
  let y = 10;
  const drawn: Html[] = [];
  for (const row of rows) {
    const lines = wrapLabel(row.label, 30, 2);
    const height = Math.max(22, lines.length * lineHeight + 8);
    const mid = y + height / 2;
    drawn.push(textLines(lines, labelWidth, mid - ((lines.length - 1) * lineHeight) / 2 + 4, 'end'));
    const left = x(row.start);
    const cls = row.kind === 'incident' ? 'bar-incident' : 'bar-effect';
    if (row.end !== undefined || row.ongoing) {
      const right = row.end !== undefined ? x(row.end) : x1;
      drawn.push(html`<rect class="${cls}" x="${left.toFixed(1)}" y="${(mid - 6).toFixed(1)}" width="${Math.max(2, right - left).toFixed(1)}" height="12"></rect>`);
      if (row.ongoing && row.end === undefined) {
        drawn.push(html`<polygon class="${cls}" points="${x1},${mid - 9} ${x1 + 10},${mid} ${x1},${mid + 9}"></polygon>`);
        drawn.push(html`<text class="note" x="${x1 - 4}" y="${mid - 10}" text-anchor="end">${f.t('report:incident.timelineOngoing')}</text>`);
      }
    } else {
      drawn.push(html`<polygon class="${cls}" points="${left},${mid - 7} ${left + 7},${mid} ${left},${mid + 7} ${left - 7},${mid}"></polygon>`);
    }
    y += height + 4;
  }
  const axisY = y + 4;
  drawn.push(html`<line class="axis" x1="${x0}" y1="${axisY}" x2="${x1}" y2="${axisY}"></line>`);
  for (const tick of ticks(f, from, to, offsetMinutes)) {
    const tx = x(tick.at).toFixed(1);
    drawn.push(html`<line class="grid" x1="${tx}" y1="6" x2="${tx}" y2="${axisY + 4}"></line>`);
    drawn.push(html`<text x="${tx}" y="${axisY + 17}" text-anchor="middle">${tick.text}</text>`);
  }
  drawn.push(html`<text class="note" x="${labelWidth}" y="${axisY + 17}" text-anchor="end">${f.t('report:time.offset', { offset: wall?.offset ?? '+00:00' })}</text>`);
  const height = axisY + 28;

  const first = rows.reduce((a, b) => (b.start < a.start ? b : a));
  const startText = formatTimestamp(f, first.stamp);
  const endText = incident.endedAt ? formatTimestamp(f, incident.endedAt) : incident.ongoing ? f.t('report:incident.timelineOngoing') : f.t('report:notRecorded');
  return html`<svg class="chart timeline" viewBox="0 0 ${chartWidth} ${height}" width="${chartWidth}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-size="${fontSize}"><title id="${id}-title">${f.t('report:incident.timeline')}</title><desc id="${id}-desc">${f.t('report:incident.timelineDescription', { start: startText, end: endText })}</desc>${drawn}</svg>`;
}

export interface CategoryCount {
  /** A category code, or "" when a record's category could not be read. */
  category: string;
  label: string;
  effects: number;
  people: number;
  estimated: boolean;
  unknown: number;
}

/** The effects counted by category, in the taxonomy's order. */
export function countByCategory(f: Formatter, effects: readonly EffectView[]): CategoryCount[] {
  const counts = new Map<string, CategoryCount>();
  for (const effect of effects) {
    if (!effect.data) continue;
    const category = effect.data.category ?? '';
    const entry = counts.get(category) ?? {
      category,
      label: category ? label(f, 'category', category) : f.t('report:notRecorded'),
      effects: 0,
      people: 0,
      estimated: false,
      unknown: 0,
    };
    entry.effects += 1;
    const people = effect.data.peopleAffected;
    if (people && 'count' in people) {
      entry.people += people.count;
      if (people.precision === 'estimate') entry.estimated = true;
    } else entry.unknown += 1;
    counts.set(category, entry);
  }
  const order = (code: string) => {
    const index = (effectCategories as readonly string[]).indexOf(code);
    return index < 0 ? effectCategories.length : index;
  };
  return [...counts.values()].sort((a, b) => order(a.category) - order(b.category));
}

/** Horizontal bars, one per category, each with its number written at its end. */
export function categoryChart(f: Formatter, counts: readonly CategoryCount[], id: string): Html {
  const labelWidth = 250;
  const x0 = labelWidth + 12;
  const maxBar = chartWidth - x0 - 60;
  const most = Math.max(1, ...counts.map((count) => count.effects));
  let y = 8;
  const drawn: Html[] = [];
  for (const count of counts) {
    const lines = wrapLabel(count.label, 38, 2);
    const height = Math.max(24, lines.length * lineHeight + 10);
    const mid = y + height / 2;
    const width = Math.max(2, (count.effects / most) * maxBar);
    drawn.push(textLines(lines, labelWidth, mid - ((lines.length - 1) * lineHeight) / 2 + 4, 'end'));
    drawn.push(
      html`<rect class="bar" data-category="${count.category}" data-count="${count.effects}" x="${x0}" y="${(mid - 8).toFixed(1)}" width="${width.toFixed(1)}" height="16"></rect>`,
    );
    drawn.push(html`<text class="value" x="${(x0 + width + 6).toFixed(1)}" y="${(mid + 4).toFixed(1)}">${formatNumber(f, count.effects)}</text>`);
    y += height + 4;
  }
  const height = y + 4;
  return html`<svg class="chart categories" viewBox="0 0 ${chartWidth} ${height}" width="${chartWidth}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-size="${fontSize}"><title id="${id}-title">${f.t('report:effect.chart')}</title><desc id="${id}-desc">${f.t('report:effect.chartDescription')}</desc>${drawn}</svg>`;
}
