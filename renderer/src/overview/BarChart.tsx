/**
 * Horizontal bars, one per code (a category, an area, a severity), each with
 * its count written beside it and a link to the list filtered by it. Long
 * names wrap onto more lines rather than being cut, so the link's accessible
 * name always holds the text it shows (axe: label-content-name-mismatch).
 * Drawn with visx in SVG: attributes and CSS classes only, no inline style,
 * so it renders under the app's CSP.
 */
import { scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { Fragment } from 'react';
import { wrapLabel } from '../../../shared/report/charts';

export interface BarItem {
  key: string;
  label: string;
  count: number;
  /** The count as the language writes numbers. */
  countText: string;
  /** Where a click leads; none for a bar that has no filter (e.g. "no area given"). */
  href?: string | undefined;
  /** The accessible name of the link: the label and the count as shown, then in words what the link does. */
  description: string;
}

const width = 800;
const labelWidth = 250;
const countWidth = 70;
const lineHeight = 15;
const barHeight = 20;
const minRowHeight = 30;
/** About as many characters as fit in the label column at 13px. */
const lineChars = 32;

export function BarChart({ items, labelledBy }: { items: BarItem[]; labelledBy: string }) {
  const max = Math.max(1, ...items.map((item) => item.count));
  const x = scaleLinear<number>({ domain: [0, max], range: [0, width - labelWidth - countWidth] });
  let top = 0;
  const rows = items.map((item) => {
    const lines = wrapLabel(item.label, lineChars, 8);
    const height = Math.max(minRowHeight, lines.length * lineHeight + 10);
    const row = { item, lines, top, height };
    top += height;
    return row;
  });
  return (
    <svg className="chart-svg" viewBox={`0 0 ${width} ${Math.max(top, 1)}`} width="100%" role="group" aria-labelledby={labelledBy}>
      {rows.map(({ item, lines, top: rowTop, height }) => {
        const middle = height / 2;
        const barWidth = Math.max(2, x(item.count));
        // One text holds the name and the count (as its last piece, placed beside the bar): axe reads a link's
        // visible text per element, and two texts would run together ("Medical care1") and fail to match its name.
        const drawn = (
          <>
            <Bar className="bar" x={labelWidth} y={middle - barHeight / 2} width={barWidth} height={barHeight} />
            <text className="bar-label" x={labelWidth - 8} y={middle - ((lines.length - 1) * lineHeight) / 2} dominantBaseline="middle" textAnchor="end">
              {lines.map((line, index) => (
                // The space between pieces is a text node of its own: axe trims each piece, and would read "orhealth)1".
                <Fragment key={index}>
                  <tspan x={labelWidth - 8} dy={index === 0 ? 0 : lineHeight}>
                    {line}
                  </tspan>{' '}
                </Fragment>
              ))}
              <tspan className="bar-count" x={labelWidth + barWidth + 6} y={middle} textAnchor="start">
                {item.countText}
              </tspan>
            </text>
          </>
        );
        return (
          <g key={item.key} transform={`translate(0, ${rowTop})`}>
            {item.href ? (
              <a href={item.href} aria-label={item.description} className="chart-link">
                {drawn}
              </a>
            ) : (
              <g aria-label={item.description} role="img">
                {drawn}
              </g>
            )}
          </g>
        );
      })}
    </svg>
  );
}
