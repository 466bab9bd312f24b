/**
 * Effects per month or week as columns, each a link to the effects of that
 * period, its count written above it where the column is wide enough to
 * hold it (always above the tallest). Only a few period names are written
 * under the axis; every period is named in its link and in the figure's
 * table.
 */
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import type { TimeBucket } from '../../../shared/overview';

export interface OverTimeColumn {
  bucket: TimeBucket;
  label: string;
  /** The count as the language writes numbers. */
  countText: string;
  href: string;
  /** The accessible name: the period and the count as shown, then what the link does. */
  description: string;
}

const width = 800;
const valueHeight = 18;
const plotHeight = 160;
const axisHeight = 24;
/** Narrower columns leave their number to the table, as numbers would run into each other. */
const minValueWidth = 18;

export function OverTimeChart({ columns, labelledBy }: { columns: OverTimeColumn[]; labelledBy: string }) {
  const x = scaleBand<string>({ domain: columns.map((column) => column.bucket.from), range: [10, width - 10], padding: 0.2 });
  const max = Math.max(1, ...columns.map((column) => column.bucket.count));
  const y = scaleLinear<number>({ domain: [0, max], range: [valueHeight + plotHeight, valueHeight + 8] });
  const bottom = valueHeight + plotHeight;
  const labelled = new Set([0, Math.floor((columns.length - 1) / 2), columns.length - 1]);
  const tallest = columns.findIndex((column) => column.bucket.count === max);
  return (
    <svg className="chart-svg" viewBox={`0 0 ${width} ${bottom + axisHeight}`} width="100%" role="group" aria-labelledby={labelledBy}>
      <line className="axis-line" x1={10} x2={width - 10} y1={bottom} y2={bottom} />
      {columns.map((column, index) => {
        const left = x(column.bucket.from) ?? 0;
        const top = y(column.bucket.count);
        const showValue = x.bandwidth() >= minValueWidth || index === tallest;
        return (
          <a key={column.bucket.from} href={column.href} aria-label={column.description} className="chart-link">
            {/* The whole height is the target, so that a small column is as easy to reach as a tall one. */}
            <rect className="column-target" x={left} y={0} width={x.bandwidth()} height={bottom} />
            <Bar className="bar" x={left} y={top} width={x.bandwidth()} height={bottom - top} />
            {showValue && (
              <text className="bar-count" x={left + x.bandwidth() / 2} y={top - 5} textAnchor="middle">
                {column.countText}
              </text>
            )}
          </a>
        );
      })}
      <Group top={bottom} aria-hidden="true">
        {columns.map((column, index) =>
          labelled.has(index) ? (
            <text key={column.bucket.from} className="axis-label" x={(x(column.bucket.from) ?? 0) + x.bandwidth() / 2} y={axisHeight - 6} textAnchor="middle">
              {column.label}
            </text>
          ) : null,
        )}
      </Group>
    </svg>
  );
}
