/**
 * Dispatch: parse the request with the contract, call the handler, check the
 * response against the contract too, and map any failure to a contract error.
 * The only place where engine exceptions become Results: nothing throws out.
 */
import type { LockHolder } from './archiveLock';
import { describeIssues } from '../../shared/model';
import { contract, fail, ok, type ChannelName, type Result } from '../../shared/ipc';
import { EngineError } from './errors';
import { answerEvidence, plainAnswer, type EvidenceAnswer, type EvidenceRequest } from './evidence';
import { FileBroken } from './storage';
import { EngineState, createHandlers } from './handlers';

/** Native dialogs, behind an interface so the test harness can answer them. */
export interface Dialogs {
  chooseFolder(purpose: 'open' | 'create'): Promise<string | null>;
  /** Where to save a new bundle, starting from `suggested`; absent where there is no dialog (the command). */
  chooseSaveFile?(suggested: string): Promise<string | null>;
}

export interface EngineDeps {
  /** The archive folder used when the user names none (OS per-user data folder). */
  defaultArchivePath: string;
  /** Where app-wide preferences (the chosen language) are kept. */
  configDir: string;
  osLocale: string;
  version: string;
  dialogs: Dialogs;
  /** scrypt cost for new passphrases; only tests lower it (the default takes about a second). */
  scryptCost?: number;
  /**
   * The built verifier worker (out/main/verifyWorker.js): bundles are checked
   * in a thread of their own, so that none can take the app down. Without it,
   * in this thread (tests from the sources).
   */
  verifyWorker?: string;
  /**
   * NCALayer's WebSocket on this computer, for a lawyer's countersignature
   * (wss://127.0.0.1:13579/ when absent; DALEL_NCALAYER names another port).
   * Only a loopback address is ever used (countersign/ncaLayer.ts).
   */
  ncaLayerAddress?: string;
  /** Who this engine is, for the message a second writer of an archive gets (archiveLock.ts); the app by default. */
  holder?: LockHolder;
  /**
   * Prints a bundle's HTML report to PDF (Electron in the app, a Chromium in
   * the command); null when it cannot, and the bundle has its HTML report only.
   */
  printPdf?: (html: string, outFile: string) => Promise<Uint8Array | null>;
  /** Progress of long tasks (an export), e.g. for a progress bar or stderr. */
  onProgress?: (progress: Progress) => void;
  /** Called with unexpected errors (a bug, not bad input), e.g. to log them. */
  onInternalError?: (error: unknown, channel: string) => void;
}

export interface Progress {
  task: 'export' | 'verify' | 'import' | 'merge' | 'attach';
  done: number;
  total: number;
}

export interface Engine {
  dispatch(channel: string, request: unknown): Promise<Result<unknown>>;
  /** The bytes of an evidence file for a preview (GET /evidence/…); see evidence.ts. */
  evidence(request: EvidenceRequest): Promise<EvidenceAnswer>;
  close(): Promise<void>;
}

const isChannel = (channel: string): channel is ChannelName => Object.hasOwn(contract, channel);

export function createEngine(deps: EngineDeps): Engine {
  const state = new EngineState(deps);
  const handlers = createHandlers(state);

  async function dispatch(channel: string, request: unknown): Promise<Result<unknown>> {
    if (typeof channel !== 'string' || !isChannel(channel)) return fail('unknownChannel', { channel: String(channel) });
    const parsed = contract[channel].request.safeParse(request);
    if (!parsed.success) return fail('invalidRequest', undefined, describeIssues(parsed.error, request));
    try {
      const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      return ok(contract[channel].response.parse(value));
    } catch (error) {
      if (error instanceof EngineError) return { ok: false, error: error.toDalelError() };
      // A file that fails authentication or parsing while in use: name it, as on open.
      if (error instanceof FileBroken) return fail('archiveDamaged', { path: state.archive?.path ?? '', file: error.path });
      deps.onInternalError?.(error, channel);
      return fail('internal');
    }
  }

  return {
    dispatch,
    async evidence(request) {
      try {
        return await answerEvidence(state.archive, request);
      } catch (error) {
        deps.onInternalError?.(error, 'evidence');
        return plainAnswer(500, 'Internal error');
      }
    },
    async close() {
      await state.closeArchive();
    },
  };
}
