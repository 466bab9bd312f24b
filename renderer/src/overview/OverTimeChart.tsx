/**
 * Effects per month or week as columns, each a link to the effects of that
 * period. Only a few period names are written under the axis; every period
 * is named in its link and in the figure's table.
 */
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import type { TimeBucket } from '../../../shared/overview';

export interface OverTimeColumn {
  bucket: TimeBucket;
  label: string;
  href: string;
  description: string;
}

const width = 800;
const plotHeight = 160;
const axisHeight = 24;

export function OverTimeChart({ columns, labelledBy }: { columns: OverTimeColumn[]; labelledBy: string }) {
  const x = scaleBand<string>({ domain: columns.map((column) => column.bucket.from), range: [10, width - 10], padding: 0.2 });
  const max = Math.max(1, ...columns.map((column) => column.bucket.count));
  const y = scaleLinear<number>({ domain: [0, max], range: [plotHeight, 8] });
  const labelled = new Set([0, Math.floor((columns.length - 1) / 2), columns.length - 1]);
  return (
    <svg className="chart-svg" viewBox={`0 0 ${width} ${plotHeight + axisHeight}`} width="100%" role="group" aria-labelledby={labelledBy}>
      <line className="axis-line" x1={10} x2={width - 10} y1={plotHeight} y2={plotHeight} />
      {columns.map((column) => {
        const left = x(column.bucket.from) ?? 0;
        return (
          <a key={column.bucket.from} href={column.href} aria-label={column.description} className="chart-link">
            {/* The whole height is the target, so that a small column is as easy to reach as a tall one. */}
            <rect className="column-target" x={left} y={0} width={x.bandwidth()} height={plotHeight} />
            <Bar className="bar" x={left} y={y(column.bucket.count)} width={x.bandwidth()} height={plotHeight - y(column.bucket.count)} />
          </a>
        );
      })}
      <Group top={plotHeight} aria-hidden="true">
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
