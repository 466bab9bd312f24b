/**
 * SECURITY: what the page cannot do alone (issue 16). A compromised page
 * (a flaw in the renderer) can call every channel of `window.dalel`; these
 * calls would do what no one can take back, so the shell asks the person
 * itself, in native dialogs the page can neither see nor answer:
 * - `bundle:export` and the time-stamp requests (`bundle:timeStampRequest`,
 *   `custody:anchorRequest`) and the tag manifest saved to be signed elsewhere
 *   (`bundle:extractTagManifest`) write only to a path the person chose in the
 *   native save dialog (`bundle:chooseOut`), each choice good for one file; an
 *   `internal` bundle, which carries every name, statement and file, is
 *   confirmed first;
 * - `archive:destroy` and `archive:setSafety` are confirmed first.
 * The engine's own checks stay as they are; this sits before them, in the app only.
 */
import { fail, type ChannelName, type Result } from '../../shared/ipc';

/** What the person is asked to confirm. */
export type Confirmation = 'internalExport' | 'destroy' | 'safety';

export interface PersonChooses {
  /** A refusal to answer with instead of calling the engine, or null to go on. */
  before(channel: ChannelName, request: unknown): Promise<Result<unknown> | null>;
  /** Remembers what the person chose in a native dialog. */
  after(channel: ChannelName, result: Result<unknown>): void;
}

export function personChooses(confirm: (what: Confirmation) => Promise<boolean>): PersonChooses {
  /** Save paths the person picked and no export has used yet. */
  const chosen = new Set<string>();
  const field = (request: unknown, name: string) => (typeof request === 'object' && request !== null ? (request as Record<string, unknown>)[name] : undefined);
  return {
    async before(channel, request) {
      if (channel === 'bundle:export' || channel === 'bundle:timeStampRequest' || channel === 'custody:anchorRequest' || channel === 'bundle:extractTagManifest') {
        const out = field(request, 'out');
        if (typeof out !== 'string' || !chosen.delete(out)) return fail('exportPathNotChosen');
        if (field(request, 'profile') === 'internal' && !(await confirm('internalExport'))) return fail('cancelled');
      }
      if (channel === 'archive:destroy' && !(await confirm('destroy'))) return fail('cancelled');
      if (channel === 'archive:setSafety' && !(await confirm('safety'))) return fail('cancelled');
      return null;
    },
    after(channel, result) {
      const path = result.ok ? field(result.value, 'path') : undefined;
      if (channel === 'bundle:chooseOut' && typeof path === 'string') chosen.add(path);
    },
  };
}
