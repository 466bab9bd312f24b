/**
 * Links from the overview to the lists, filtered: `#/?kind=&area=&from=&to=`
 * for incidents and `#/effects?category=&severity=&area=&from=&to=` for
 * effects. The lists read these parameters; this module only writes them.
 */
export interface ListFilter {
  kind?: string;
  category?: string;
  severity?: string;
  area?: string;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
}

function query(filter: ListFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const incidentsHref = (filter: ListFilter = {}): string => `#/${query(filter)}`;
export const effectsHref = (filter: ListFilter = {}): string => `#/effects${query(filter)}`;
