/**
 * A list's search, filters and sort, kept in its address (`#/?q=…&kind=…`)
 * so that links work and a reload keeps them. The query answers at once
 * (component state); the address follows: at once for a filter or a sort,
 * and for typing once the person pauses or leaves the search box, so that
 * typing writes neither a history entry nor a URL per key. An address that
 * changes from outside (a link, Back) replaces the query.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { replaceQuery, useRoute, type ListRoute } from '../router';

export interface QueryCodec<Q> {
  parse(text: string): Q;
  format(query: Q): string;
}

/** How long typing may pause before the address follows it. */
const typingPause = 400;

export function useListQuery<Q>(screen: ListRoute['screen'], codec: QueryCodec<Q>) {
  const route = useRoute();
  const text = route.screen === screen ? (route.query ?? '') : null;
  const [query, setQueryState] = useState<Q>(() => codec.parse(text ?? ''));
  /** The query text the address holds (or is about to hold) for the query shown. */
  const written = useRef(text ?? '');
  const timer = useRef<number | null>(null);

  // A link or Back changed the address: show what it says.
  useEffect(() => {
    if (text === null || text === written.current) return;
    written.current = text;
    setQueryState(codec.parse(text));
  }, [text, codec]);

  const writeNow = useCallback(
    (next: Q) => {
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = null;
      written.current = codec.format(next);
      replaceQuery({ screen, query: written.current });
    },
    [codec, screen],
  );

  const latest = useRef(query);
  latest.current = query;

  /** Shows `next` at once; `typing` lets the address wait for a pause. */
  const setQuery = useCallback(
    (next: Q, { typing = false } = {}) => {
      setQueryState(next);
      latest.current = next;
      if (!typing) return writeNow(next);
      // The address is about to say this; a hashchange meanwhile is from outside.
      written.current = codec.format(next);
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => writeNow(latest.current), typingPause);
    },
    [codec, writeNow],
  );

  /** Writes what typing left pending (the search box lost focus). */
  const flush = useCallback(() => {
    if (timer.current !== null) writeNow(latest.current);
  }, [writeNow]);

  // Leaving the screen drops a pending write: the address is another screen's by then.
  useEffect(() => () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
  }, []);

  return { query, setQuery, flush };
}
