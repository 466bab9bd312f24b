/**
 * One handler per channel of the contract. A handler receives the parsed
 * request, calls the archive, and returns the response value; failures are
 * thrown as EngineError and mapped by dispatch. No handler reads a request
 * that the contract has not parsed.
 */
import type { ChannelName, ParsedRequestOf, ResponseOf } from '../../shared/ipc';
import { Archive } from './archive';
import type { EngineDeps } from './dispatch';
import { EngineError } from './errors';
import { PreferenceStore } from './preferences';

export type Handlers = {
  [C in ChannelName]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>>;
};

/** What the handlers share: the open archive, if any, and the preferences. */
export class EngineState {
  archive: Archive | undefined;
  readonly preferences: PreferenceStore;

  constructor(readonly deps: EngineDeps) {
    this.preferences = new PreferenceStore(deps.configDir);
  }

  requireArchive(): Archive {
    if (!this.archive) throw new EngineError('noArchive');
    return this.archive;
  }
}

export function createHandlers(state: EngineState): Handlers {
  const { deps } = state;
  return {
    'app:info': async () => ({ version: deps.version, osLocale: deps.osLocale, networkAllowed: false }),
    'settings:get': async () => ({ language: await state.preferences.language() }),
    'settings:set': async ({ language }) => {
      await state.preferences.setLanguage(language);
      return { language };
    },
    'archive:status': async () => state.archive?.status() ?? { open: false, defaultPath: deps.defaultArchivePath },
    'archive:create': async ({ path, name, organization }) => {
      state.archive = await Archive.create(path ?? deps.defaultArchivePath, { name, organization });
      return state.archive.status();
    },
    'archive:open': async ({ path }) => {
      state.archive = await Archive.open(path ?? deps.defaultArchivePath);
      return state.archive.status();
    },
    'archive:choose': async ({ purpose }) => ({ path: await deps.dialogs.chooseFolder(purpose) }),
    'archive:stateHash': async () => ({ stateHash: state.requireArchive().stateHash() }),
    'records:list': async ({ type }) => ({ records: state.requireArchive().listRecords(type) }),
    'records:get': async ({ recordId }) => state.requireArchive().getRecord(recordId),
    'records:save': async (request) => state.requireArchive().save(request),
    'records:retract': async (request) => state.requireArchive().retract(request),
    'key:show': async () => {
      const { key } = state.requireArchive();
      return { publicKey: key.publicLine, fingerprint: key.fingerprint };
    },
  };
}
