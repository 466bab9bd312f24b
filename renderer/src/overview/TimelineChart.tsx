/**
 * The shutdowns on a time axis, one row per area: each bar a period from
 * start to end as recorded. The axis follows the records (first start to
 * last recorded end), so nothing is stretched to today: a period the record
 * marks ongoing runs to the axis's end with an arrow, and one whose end was
 * not recorded is a short dashed stub at its start, labelled where there is
 * room (the legend says what each mark means). Periods that touch are merged
 * by the engine, so a row never draws more than a few hundred bars. The
 * area's name and its count link to the incidents of that area.
 */
import { Group } from '@visx/group';
import { scaleUtc } from '@visx/scale';
import { Bar } from '@visx/shape';
import type { Language } from '../../../shared/ipc';
import type { TimelineRow } from '../../../shared/overview';
import { formatDay, formatShortDay } from './format';

export interface TimelineChartRow {
  row: TimelineRow;
  label: string;
  /** The row's count of incidents as the language writes numbers. */
  countText: string;
  href?: string | undefined;
  /** The accessible name: the label and the count as shown, then what the link does. */
  description: string;
}

const width = 800;
const labelWidth = 220;
const right = width - 14;
const rowHeight = 26;
const axisHeight = 24;
const stubWidth = 14;
/** Room the words "end not recorded" need beside a stub, at the axis's font size. */
const stubLabelRoom = 130;
const dayMs = 86_400_000;

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

interface Props {
  rows: TimelineChartRow[];
  start: number;
  end: number;
  lng: Language;
  labelledBy: string;
  /** The words written beside a stub whose end was not recorded. */
  endNotRecorded: string;
}

export function TimelineChart({ rows, start, end, lng, labelledBy, endNotRecorded }: Props) {
  // A single day still gets a visible width; a period outside the axis is drawn to its edge.
  const last = Math.max(end, start + dayMs);
  const x = scaleUtc<number>({ domain: [new Date(start), new Date(last)], range: [labelWidth, right], clamp: true });
  const height = rows.length * rowHeight + axisHeight;
  const ticks = x.ticks(4);
  const oneYear = dayOf(new Date(start)).slice(0, 4) === dayOf(new Date(last)).slice(0, 4);
  const tickText = (tick: Date) => (oneYear ? formatShortDay(dayOf(tick), lng) : formatDay(dayOf(tick), lng));
  return (
    <svg className="chart-svg timeline" viewBox={`0 0 ${width} ${height}`} width="100%" role="group" aria-labelledby={labelledBy}>
      {rows.map(({ row, label, countText, href, description }, index) => {
        const name = (
          <text className="bar-label" x={labelWidth - 8} y={rowHeight / 2} dominantBaseline="middle" textAnchor="end">
            {`${label} `}
            <tspan className="row-count">{countText}</tspan>
          </text>
        );
        return (
          <Group key={row.key} top={index * rowHeight}>
            <line className="timeline-track" x1={labelWidth} x2={right} y1={rowHeight / 2} y2={rowHeight / 2} />
            {href ? (
              <a href={href} aria-label={description} className="chart-link">
                {name}
              </a>
            ) : (
              <g aria-label={description} role="img">
                {name}
              </g>
            )}
            {row.spans.map((span, spanIndex) => {
              const from = x(new Date(span.start));
              if (span.endNotRecorded) {
                const nextStart = spanIndex + 1 < row.spans.length ? x(new Date(row.spans[spanIndex + 1]!.start)) : right;
                return (
                  <g key={span.start} aria-hidden="true">
                    <rect className="timeline-span open" x={from} y={6} width={stubWidth} height={rowHeight - 12} />
                    {nextStart - from >= stubLabelRoom && (
                      <text className="axis-label stub-label" x={from + stubWidth + 4} y={rowHeight / 2} dominantBaseline="middle">
                        {endNotRecorded}
                      </text>
                    )}
                  </g>
                );
              }
              const to = x(new Date(span.end));
              const continues = span.ongoing && span.end > last;
              return (
                <g key={span.start} aria-hidden="true">
                  <Bar className={span.ongoing ? 'timeline-span ongoing' : 'timeline-span'} x={from} y={5} width={Math.max(2, to - from)} height={rowHeight - 10} />
                  {continues && <polygon className="timeline-span ongoing" points={`${right},${4} ${right + 8},${rowHeight / 2} ${right},${rowHeight - 4}`} />}
                </g>
              );
            })}
          </Group>
        );
      })}
      <Group top={rows.length * rowHeight} aria-hidden="true">
        {ticks.map((tick) => (
          <text key={tick.getTime()} className="axis-label" x={x(tick)} y={axisHeight - 6} textAnchor="middle">
            {tickText(tick)}
          </text>
        ))}
      </Group>
    </svg>
  );
}
