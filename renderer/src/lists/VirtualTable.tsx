/**
 * A table of many rows that renders only those in view (@tanstack/react-virtual),
 * so that 100k records scroll smoothly (docs/spec/performance.md P8), and stays a
 * table for assistive technology: explicit table roles (its CSS lays rows
 * out as grids), aria-rowcount on the table and aria-rowindex on each row,
 * so a screen reader says "row 5,012 of 100,001". Column headers that sort
 * are buttons with aria-sort. Every row is reachable from the keyboard: Tab
 * walks the links row by row (the rows just past the view are rendered, and
 * moving focus there scrolls on), ↑/↓, Page Up/Down and Ctrl+Home/End move
 * between rows, and the focused row is never unrendered while it has focus.
 * The rows come a window at a time (useListWindow): the table says which
 * indexes are in view, and a row whose page is still on its way shows as
 * loading until it comes. Shows rows; decides nothing about them.
 */
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sorting } from './sorting';
import './lists.css';

export interface Column<R> {
  id: string;
  header: string;
  /** A CSS grid track for this column, e.g. "minmax(12rem, 3fr)". */
  width: string;
  /** The row's name (a row header), e.g. its title. */
  rowHeader?: boolean;
  /** The sort this column's header sets; none: the column does not sort. */
  sort?: string;
  cell: (row: R) => ReactNode;
}

/** The rows of a table: how many, each by index once fetched, and where to say which are in view. */
export interface TableRows<R> {
  count: number;
  rowAt: (index: number) => R | undefined;
  onRange: (start: number, end: number) => void;
  /** Changes when the rows answer another query: the table goes back to the top. */
  resetKey: string;
}

interface Props<R> {
  rows: TableRows<R>;
  columns: readonly Column<R>[];
  rowClassName?: (row: R) => string | undefined;
  caption: string;
  className: string;
  sorting?: Sorting<string>;
}

/** A first guess for a row's height; each row is measured once shown. */
const estimatedRowHeight = 56;
/** Rows rendered beyond each edge of the view: Tab reaches them, and reaching them scrolls on. */
const overscan = 6;

export function VirtualTable<R>({ rows, columns, rowClassName, caption, className, sorting }: Props<R>) {
  const { t } = useTranslation();
  const { count, rowAt, onRange, resetKey } = rows;
  const sorted = sorting?.sorted;
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [focusedIndex, setFocusedIndex] = useState<number | null>(null);
  const pendingFocus = useRef<number | null>(null);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      // The row holding focus stays rendered, or focus would fall back to the page.
      if (focusedIndex !== null && focusedIndex < range.count && !indexes.includes(focusedIndex)) {
        return [...indexes, focusedIndex].sort((a, b) => a - b);
      }
      return indexes;
    },
    [focusedIndex],
  );

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatedRowHeight,
    overscan,
    rangeExtractor,
    // Rows are keyed by their place, not their record: a key read from the
    // rows would change with every answer and make the virtualizer walk all
    // of them again (100k at P8's size). A row's height follows its element.
  });

  // A new filter shows the top of its result.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
    setFocusedIndex(null);
  }, [resetKey]);

  const items = virtualizer.getVirtualItems();
  // The view's rows, without a focused row kept rendered far from them (its own page is already here).
  const inView = items.filter((item, at) => item.index !== focusedIndex || items[at - 1]?.index === item.index - 1 || items[at + 1]?.index === item.index + 1);
  const first = inView[0]?.index ?? 0;
  const last = inView.at(-1)?.index ?? 0;
  // The rows in view (and overscan) are fetched if they are not yet here.
  useEffect(() => onRange(first, last), [first, last, onRange]);

  const focusRow = useCallback(
    (index: number) => {
      const target = Math.max(0, Math.min(count - 1, index));
      pendingFocus.current = target;
      setFocusedIndex(target);
      virtualizer.scrollToIndex(target, { align: 'auto' });
    },
    [count, virtualizer],
  );

  // Focus moves once the row asked for is rendered.
  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    // A row still loading is not focused yet: focus waits for its link.
    const row = bodyRef.current?.querySelector<HTMLElement>(`tr[data-index="${index}"]:not([aria-busy])`);
    if (!row) return;
    pendingFocus.current = null;
    (row.querySelector<HTMLElement>('a, button') ?? row).focus();
  });

  function onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>) {
    const row = (event.target as HTMLElement).closest<HTMLElement>('tr[data-index]');
    if (!row) return;
    const index = Number(row.dataset.index);
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / estimatedRowHeight) - 1);
    const moves: Record<string, number | undefined> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: event.ctrlKey ? 0 : undefined,
      End: event.ctrlKey ? count - 1 : undefined,
    };
    const next = moves[event.key];
    if (next === undefined || event.altKey || event.shiftKey || event.metaKey) return;
    event.preventDefault();
    focusRow(next);
  }

  const template = columns.map((column) => column.width).join(' ');
  return (
    <div className="virtual-scroll" ref={scrollRef}>
      <table role="table" className={`virtual-table ${className}`} aria-rowcount={count + 1} style={{ ['--columns' as string]: template }}>
        <caption className="visually-hidden">{caption}</caption>
        <thead role="rowgroup">
          <tr role="row" aria-rowindex={1}>
            {columns.map((column) => (
              <th
                key={column.id}
                role="columnheader"
                scope="col"
                aria-sort={column.sort && sorted?.sort === column.sort ? (sorted.direction === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {column.sort && sorting ? (
                  <button type="button" className="sort-button" onClick={() => sorting.onSort(column.sort!)}>
                    {column.header}
                    <span aria-hidden="true" className="sort-mark">
                      {sorted?.sort === column.sort ? (sorted.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                ) : (
                  column.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody
          role="rowgroup"
          ref={bodyRef}
          style={{ height: virtualizer.getTotalSize() }}
          onKeyDown={onKeyDown}
          onFocus={(event) => {
            const row = (event.target as HTMLElement).closest<HTMLElement>('tr[data-index]');
            if (row) setFocusedIndex(Number(row.dataset.index));
          }}
        >
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <TableRow
                key={item.key}
                row={row}
                index={item.index}
                start={item.start}
                columns={columns}
                className={row === undefined ? 'loading-row' : rowClassName?.(row)}
                measure={virtualizer.measureElement}
                loading={t('common:loading')}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps<R> {
  /** Undefined while its page is on its way. */
  row: R | undefined;
  index: number;
  /** Its offset from the top of the rows, in pixels. */
  start: number;
  columns: readonly Column<R>[];
  className: string | undefined;
  measure: (element: Element | null) => void;
  loading: string;
}

/**
 * One row, drawn again only when its record, place or columns change: a
 * keystroke redraws the table before its answer comes, and the rows it
 * still shows then are left as they are.
 */
const TableRow = memo(function TableRow<R>({ row, index, start, columns, className, measure, loading }: RowProps<R>) {
  const placed = { 'data-index': index, 'aria-rowindex': index + 2, ref: measure, className, style: { transform: `translateY(${start}px)` } };
  if (row === undefined) {
    return (
      <tr role="row" aria-busy="true" {...placed}>
        <td role="cell">{loading}</td>
      </tr>
    );
  }
  return (
    <tr role="row" {...placed}>
      {columns.map((column) =>
        column.rowHeader ? (
          <th key={column.id} role="rowheader" scope="row">
            {column.cell(row)}
          </th>
        ) : (
          <td key={column.id} role="cell">
            {column.cell(row)}
          </td>
        ),
      )}
    </tr>
  );
}) as <R>(props: RowProps<R>) => ReactNode;
