/**
 * The screens of an open archive as hash routes (`#/incident/<id>/edit`,
 * `#/incident/<id>/effects/new`, `#/effect/<id>/edit`, `#/incident/<id>/interventions/new`, `#/intervention/<id>`, `#/settings`, `#/export`,
 * `#/verify`, `#/overview`, `#/import`, `#/received`, `#/conflicts/<id>`), so that links
 * are real links and a reload stays on the same screen. The lists keep their
 * search, filters and sort in the query (`#/?q=…&kind=…`, `#/effects?category=…`,
 * `#/sources?consent=…`), so a filtered list is a link too; the router carries
 * the query as text and each list reads its own parameters. Hash changes are
 * in-page: the shell's navigation lock-down never sees them.
 */
import { useSyncExternalStore } from 'react';
import { askBeforeLeaving, letLeave } from './drafts/leaveGuard';

/** The query of a list's address (`kind=full_network&q=…`), without the "?"; "" for none. */
export type ListParams = string;

export type Route =
  | { screen: 'overview' }
  | { screen: 'list'; query?: ListParams }
  | { screen: 'effects'; query?: ListParams }
  | { screen: 'sources'; query?: ListParams }
  | { screen: 'new' }
  | { screen: 'settings' }
  | { screen: 'export' }
  | { screen: 'verify' }
  | { screen: 'import' }
  | { screen: 'received' }
  | { screen: 'conflicts' }
  | { screen: 'resolveConflict'; recordId: string }
  | { screen: 'incident'; recordId: string }
  | { screen: 'edit'; recordId: string }
  | { screen: 'newEffect'; incidentId: string }
  | { screen: 'effect'; recordId: string }
  | { screen: 'editEffect'; recordId: string }
  | { screen: 'newSource'; incidentId: string }
  | { screen: 'source'; recordId: string }
  | { screen: 'editSource'; recordId: string }
  | { screen: 'newIntervention'; incidentId: string }
  | { screen: 'intervention'; recordId: string }
  | { screen: 'editIntervention'; recordId: string };

/** The screens whose address carries a query. */
export type ListRoute = Extract<Route, { screen: 'list' | 'effects' | 'sources' }>;

const recordIdPattern = '([0-9a-fA-F-]{36})';

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split(/\?(.*)/s);
  if (path === '/' || path === '') return { screen: 'list', query };
  if (path === '/effects') return { screen: 'effects', query };
  if (path === '/sources') return { screen: 'sources', query };
  if (path === '/overview') return { screen: 'overview' };
  if (path === '/new') return { screen: 'new' };
  if (path === '/settings') return { screen: 'settings' };
  if (path === '/export') return { screen: 'export' };
  if (path === '/verify') return { screen: 'verify' };
  if (path === '/import') return { screen: 'import' };
  if (path === '/received') return { screen: 'received' };
  if (path === '/conflicts') return { screen: 'conflicts' };
  const conflict = new RegExp(`^/conflicts/${recordIdPattern}$`).exec(path);
  if (conflict?.[1]) return { screen: 'resolveConflict', recordId: conflict[1] };
  const evidence = new RegExp(`^/incident/${recordIdPattern}/(effects|sources)/new$`).exec(path);
  if (evidence?.[1]) return { screen: evidence[2] === 'effects' ? 'newEffect' : 'newSource', incidentId: evidence[1] };
  const newIntervention = new RegExp(`^/incident/${recordIdPattern}/interventions/new$`).exec(path);
  if (newIntervention?.[1]) return { screen: 'newIntervention', incidentId: newIntervention[1] };
  const intervention = new RegExp(`^/intervention/${recordIdPattern}(/edit)?$`).exec(path);
  if (intervention?.[1]) return { screen: intervention[2] ? 'editIntervention' : 'intervention', recordId: intervention[1] };
  const record = new RegExp(`^/(effect|source)/${recordIdPattern}(/edit)?$`).exec(path);
  if (record?.[1] && record[2]) {
    const kind = record[1] as 'effect' | 'source';
    const screen = record[3] ? (kind === 'effect' ? 'editEffect' : 'editSource') : kind;
    return { screen, recordId: record[2] };
  }
  const edit = new RegExp(`^/incident/${recordIdPattern}/edit$`).exec(path);
  if (edit?.[1]) return { screen: 'edit', recordId: edit[1] };
  const show = new RegExp(`^/incident/${recordIdPattern}$`).exec(path);
  if (show?.[1]) return { screen: 'incident', recordId: show[1] };
  return { screen: 'list' };
}

export function hrefOf(route: Route): string {
  switch (route.screen) {
    case 'overview':
      return '#/overview';
    case 'list':
      return `#/${withQuery(route.query)}`;
    case 'effects':
      return `#/effects${withQuery(route.query)}`;
    case 'sources':
      return `#/sources${withQuery(route.query)}`;
    case 'new':
      return '#/new';
    case 'settings':
      return '#/settings';
    case 'export':
      return '#/export';
    case 'verify':
      return '#/verify';
    case 'import':
      return '#/import';
    case 'received':
      return '#/received';
    case 'conflicts':
      return '#/conflicts';
    case 'resolveConflict':
      return `#/conflicts/${route.recordId}`;
    case 'incident':
      return `#/incident/${route.recordId}`;
    case 'edit':
      return `#/incident/${route.recordId}/edit`;
    case 'newEffect':
      return `#/incident/${route.incidentId}/effects/new`;
    case 'newSource':
      return `#/incident/${route.incidentId}/sources/new`;
    case 'effect':
      return `#/effect/${route.recordId}`;
    case 'editEffect':
      return `#/effect/${route.recordId}/edit`;
    case 'source':
      return `#/source/${route.recordId}`;
    case 'editSource':
      return `#/source/${route.recordId}/edit`;
    case 'newIntervention':
      return `#/incident/${route.incidentId}/interventions/new`;
    case 'intervention':
      return `#/intervention/${route.recordId}`;
    case 'editIntervention':
      return `#/intervention/${route.recordId}/edit`;
  }
}

const withQuery = (query: ListParams | undefined) => (query ? `?${query}` : '');

/** Goes to `route`; from a changed form, only once the person said so (drafts/leaveGuard.ts). */
export function navigate(route: Route): void {
  if (askBeforeLeaving(hrefOf(route))) return;
  window.location.hash = hrefOf(route);
}

/**
 * Goes to `route` without leaving the current one in the history (e.g. an
 * incident's address when locking). Never asks: a lock must not wait for an
 * answer (the draft was saved before it).
 */
export function replaceRoute(route: Route): void {
  letLeave();
  window.location.replace(hrefOf(route));
}

/** Told when a list rewrites its own query in place (replaceQuery), which fires no hashchange. */
const queryReplaced = new EventTarget();

/**
 * Rewrites the current list's query without a history entry per keystroke
 * and without a hashchange (the list already shows it); a later Back still
 * leaves the list.
 */
export function replaceQuery(route: ListRoute): void {
  const href = hrefOf(route);
  if (window.location.hash === href || (href === '#/' && window.location.hash === '')) return;
  window.history.replaceState(window.history.state, '', href);
  queryReplaced.dispatchEvent(new Event('replaced'));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  queryReplaced.addEventListener('replaced', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    queryReplaced.removeEventListener('replaced', onChange);
  };
}

/** The current hash; a route object would be new on every read and loop React. */
export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, () => window.location.hash));
}
