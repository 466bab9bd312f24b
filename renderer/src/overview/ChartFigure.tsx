/**
 * One chart of the overview as a figure: its caption, the drawing (SVG, whose
 * links lead to the filtered list) and, for screen readers, a visually
 * hidden table with the same numbers. The drawing never carries a number
 * that the table does not.
 */
import type { ReactNode } from 'react';

interface Props {
  id: string;
  caption: string;
  /** What the table's columns hold: the first names a row, the others are numbers or dates. */
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
  children: ReactNode;
  note?: ReactNode;
}

export function ChartFigure({ id, caption, columns, rows, children, note }: Props) {
  return (
    <figure className="chart" id={id} aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      {children}
      {note && <p className="chart-note">{note}</p>}
      <table className="visually-hidden chart-data">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={index}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
