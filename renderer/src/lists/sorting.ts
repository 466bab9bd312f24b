/**
 * The sort of a list's table, in one piece for the incident, effect and
 * source tables: the column and direction its headers show (aria-sort and
 * the mark), and what clicking a sortable header does — that column in its
 * natural direction, or the other direction if already sorted by it.
 */
import { directionOf, nextSort, type SortDirection, type SortSpec } from '../../../shared/lists/listParams';

export interface Sorting<C extends string> {
  sorted: { sort: C; direction: SortDirection };
  onSort(column: C): void;
}

export function sortingOf<C extends string, Q extends SortSpec<C>>(
  shown: SortSpec<C>,
  query: Q,
  natural: (column: C) => SortDirection,
  setQuery: (next: Q) => void,
): Sorting<C> {
  return {
    sorted: { sort: shown.sort, direction: directionOf(shown, natural) },
    onSort: (column) => setQuery({ ...query, ...nextSort(query, column, natural) }),
  };
}
