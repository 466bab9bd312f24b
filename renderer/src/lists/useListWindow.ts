/**
 * The rows of a list, fetched a window at a time through `records:query`
 * (docs/spec/performance.md P8): the engine searches, filters and sorts, and the page
 * receives only the pages of rows in view (plus overscan), kept in a small
 * cache. A newer query supersedes an older one: an answer to a query that is
 * no longer the one asked is dropped, so typing never waits and never shows
 * stale rows. Until the new query's first page answers, the last answer
 * stays on screen. Fetches and caches; decides nothing about the rows.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ListAnswer, ListRow, RequestOf } from '../../../shared/ipc';
import { asDalelError, dalel, unwrap, type DalelError } from '../dalel';

export type ListRequest = RequestOf<'records:query'>;
type Query = ListRequest['query'];

/** Rows per page fetched. */
const pageSize = 60;
/** Pages kept per query; the ones furthest from the view go first. */
const cachedPages = 12;

export interface ListWindow<R> {
  /** The query the rows shown answer (null until the first answer). */
  answered: Query | null;
  total: number;
  /** Records in the list with no search or filter. */
  listed: number;
  /** Records of the type in the archive at all. */
  held: number;
  places: string[];
  /** The row at an index of the result, or undefined while its page is on its way. */
  rowAt: (index: number) => R | undefined;
  /** The table says which rows are in view (overscan included); missing pages are fetched. */
  onRange: (start: number, end: number) => void;
  error: DalelError | null;
}

interface Shown {
  key: string;
  query: Query;
  meta: Omit<ListAnswer, 'rows' | 'offset'>;
  pages: Map<number, ListRow[]>;
}

export function useListWindow<R>(request: Omit<ListRequest, 'offset' | 'limit'>, toRow: (row: ListRow) => R): ListWindow<R> {
  const key = JSON.stringify(request);
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<DalelError | null>(null);
  const latest = useRef({ key, request });
  latest.current = { key, request };
  const inFlight = useRef(new Set<string>());
  const view = useRef({ start: 0, end: 0 });
  const converted = useRef(new WeakMap<ListRow, R>());

  const fetchPage = useCallback((page: number) => {
    const { key: asked, request: current } = latest.current;
    const id = `${page}:${asked}`;
    if (inFlight.current.has(id)) return;
    inFlight.current.add(id);
    dalel()
      .records.query({ ...current, offset: page * pageSize, limit: pageSize } as ListRequest)
      .then((result) => {
        inFlight.current.delete(id);
        // Superseded: a newer query is on its way, and its answer alone may show.
        if (asked !== latest.current.key) return;
        const { rows, offset: _offset, ...meta } = unwrap(result);
        setShown((previous) => {
          const pages = previous?.key === asked ? new Map(previous.pages) : new Map<number, ListRow[]>();
          pages.set(page, rows);
          trim(pages, Math.floor(view.current.start / pageSize));
          return { key: asked, query: current.query, meta, pages };
        });
        setError(null);
      })
      .catch((thrown: unknown) => {
        inFlight.current.delete(id);
        if (asked === latest.current.key) setError(asDalelError(thrown));
      });
  }, []);

  // A new query starts at its first page (the table scrolls to the top).
  useEffect(() => {
    view.current = { start: 0, end: 0 };
    fetchPage(0);
  }, [key, fetchPage]);

  const current = shown?.key === key ? shown : null;
  const onRange = useCallback(
    (start: number, end: number) => {
      view.current = { start, end };
      if (!current) return;
      for (let page = Math.floor(start / pageSize); page <= Math.floor(end / pageSize); page += 1) {
        if (!current.pages.has(page) && page * pageSize < current.meta.total) fetchPage(page);
      }
    },
    [current, fetchPage],
  );

  const rowAt = useCallback(
    (index: number): R | undefined => {
      const row = shown?.pages.get(Math.floor(index / pageSize))?.[index % pageSize];
      if (!row) return undefined;
      let made = converted.current.get(row);
      if (made === undefined) {
        made = toRow(row);
        converted.current.set(row, made);
      }
      return made;
    },
    [shown, toRow],
  );

  return {
    answered: shown?.query ?? null,
    total: shown?.meta.total ?? 0,
    listed: shown?.meta.listed ?? 0,
    held: shown?.meta.held ?? 0,
    places: shown?.meta.places ?? [],
    rowAt,
    onRange,
    error,
  };
}

/** Drops the pages furthest from the view once more than `cachedPages` are held. */
function trim(pages: Map<number, ListRow[]>, near: number): void {
  while (pages.size > cachedPages) {
    let furthest = near;
    for (const page of pages.keys()) if (Math.abs(page - near) > Math.abs(furthest - near)) furthest = page;
    pages.delete(furthest);
  }
}
