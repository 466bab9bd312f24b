/**
 * The renderer's only way out: `window.dalel`, typed by the contract in
 * shared/ipc. The preload (or the test harness) provides it; nothing here
 * may reach the network, the file system or Electron directly.
 */
import type { DalelApi, DalelError, Result } from '../../shared/ipc';

declare global {
  interface Window {
    readonly dalel: DalelApi;
  }
}

export const dalel = (): DalelApi => window.dalel;

export type { DalelError, Result };

/** A failure thrown inside the renderer (never across the boundary), e.g. while loading a screen. */
export class CallFailed extends Error {
  constructor(readonly error: DalelError) {
    super(error.code);
  }
}

/** The value of a Result, or a thrown CallFailed for screens that load with one try/catch. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new CallFailed(result.error);
  return result.value;
}

/** Any thrown value as a contract error, so every failure shows a translated message. */
export function asDalelError(thrown: unknown): DalelError {
  return thrown instanceof CallFailed ? thrown.error : { code: 'internal' };
}
