/**
 * Horizontal bars, one per code (a category, an area), each a link to the
 * list filtered by it. Drawn with visx in SVG: attributes and CSS classes
 * only, no inline style, so it renders under the app's CSP.
 */
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';

export interface BarItem {
  key: string;
  label: string;
  count: number;
  /** The count as the language writes numbers. */
  countText: string;
  /** Where a click leads; none for a bar that has no filter (e.g. "no area given"). */
  href?: string;
  /** The accessible name of the link: the label and the count in words. */
  description: string;
}

const width = 800;
const labelWidth = 250;
const countWidth = 60;
const rowHeight = 30;
const barHeight = 20;

/** Long names (Kazakh and Russian ones can be) end in "…" in the drawing; the link and the table say them whole. */
const shorten = (label: string) => (label.length > 32 ? `${label.slice(0, 31).trimEnd()}…` : label);

export function BarChart({ items, labelledBy }: { items: BarItem[]; labelledBy: string }) {
  const max = Math.max(1, ...items.map((item) => item.count));
  const x = scaleLinear<number>({ domain: [0, max], range: [0, width - labelWidth - countWidth] });
  const height = items.length * rowHeight;
  return (
    <svg className="chart-svg" viewBox={`0 0 ${width} ${height}`} width="100%" role="group" aria-labelledby={labelledBy}>
      {items.map((item, index) => {
        const row = (
          <Group top={index * rowHeight} className="bar-row">
            <text className="bar-label" x={labelWidth - 8} y={rowHeight / 2} dominantBaseline="middle" textAnchor="end">
              {shorten(item.label)}
            </text>
            <Bar className="bar" x={labelWidth} y={(rowHeight - barHeight) / 2} width={Math.max(2, x(item.count))} height={barHeight} />
            <text className="bar-count" x={labelWidth + x(item.count) + 6} y={rowHeight / 2} dominantBaseline="middle">
              {item.countText}
            </text>
          </Group>
        );
        return item.href ? (
          <a key={item.key} href={item.href} aria-label={item.description} className="chart-link">
            {row}
          </a>
        ) : (
          <g key={item.key} aria-label={item.description} role="img">
            {row}
          </g>
        );
      })}
    </svg>
  );
}
