/**
 * The shutdowns on a time axis, one row per area: each bar a period from
 * start to end (or to now when ongoing), periods that touch merged so that a
 * row never draws more than a few hundred bars whatever the archive's size.
 * The area's name links to the incidents of that area.
 */
import { Group } from '@visx/group';
import { scaleUtc } from '@visx/scale';
import { Bar } from '@visx/shape';
import type { Language } from '../../../shared/ipc';
import type { TimelineRow } from '../../../shared/overview';

export interface TimelineChartRow {
  row: TimelineRow;
  label: string;
  href?: string;
  description: string;
}

const width = 800;
const labelWidth = 170;
const rowHeight = 26;
const axisHeight = 24;

export function TimelineChart({ rows, start, end, lng, labelledBy }: { rows: TimelineChartRow[]; start: number; end: number; lng: Language; labelledBy: string }) {
  // A single day still gets a visible width.
  const x = scaleUtc<number>({ domain: [new Date(start), new Date(Math.max(end, start + 86_400_000))], range: [labelWidth, width - 10] });
  const height = rows.length * rowHeight + axisHeight;
  const dayFormat = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeZone: 'UTC' });
  const ticks = x.ticks(4);
  return (
    <svg className="chart-svg timeline" viewBox={`0 0 ${width} ${height}`} width="100%" role="group" aria-labelledby={labelledBy}>
      {rows.map(({ row, label, href, description }, index) => {
        const name = (
          <text className="bar-label" x={labelWidth - 8} y={rowHeight / 2} dominantBaseline="middle" textAnchor="end">
            {label}
          </text>
        );
        return (
          <Group key={row.key} top={index * rowHeight}>
            <line className="timeline-track" x1={labelWidth} x2={width - 10} y1={rowHeight / 2} y2={rowHeight / 2} />
            {href ? (
              <a href={href} aria-label={description} className="chart-link">
                {name}
              </a>
            ) : (
              <g aria-label={description} role="img">
                {name}
              </g>
            )}
            {row.spans.map((span) => (
              <Bar
                key={span.start}
                className={span.ongoing ? 'timeline-span ongoing' : 'timeline-span'}
                x={x(new Date(span.start))}
                y={5}
                width={Math.max(2, x(new Date(span.end)) - x(new Date(span.start)))}
                height={rowHeight - 10}
              />
            ))}
          </Group>
        );
      })}
      <Group top={rows.length * rowHeight} aria-hidden="true">
        {ticks.map((tick) => (
          <text key={tick.getTime()} className="axis-label" x={x(tick)} y={axisHeight - 6} textAnchor="middle">
            {dayFormat.format(tick)}
          </text>
        ))}
      </Group>
    </svg>
  );
}
