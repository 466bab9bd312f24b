/**
 * IPC registration: one `ipcMain.handle` per channel of the contract, each
 * checking that the caller is the app's own main frame before handing the
 * request to the engine's dispatch (which parses it with the contract's zod
 * schema). It must never call the engine for an untrusted sender, never
 * register a channel the contract does not list, and never throw across the
 * process boundary.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Engine } from '../engine';
import { contract, fail, type ChannelName, type Language, type Result } from '../../shared/ipc';
import type { PersonChooses } from './personChooses';
import { isAppUrl } from './urls';

export const contractChannels = Object.keys(contract) as ChannelName[];

export interface IpcHooks {
  /** Called after a successful `settings:set`, so native UI (the menu) can follow the language. */
  onLanguageChanged?(language: Language): void;
  /** What the person must choose or confirm natively before the engine is called (./personChooses.ts). */
  person?: PersonChooses;
}

/**
 * The sender check (after VS Code): the message must come from the main frame
 * of its webContents, and that frame must show app://dalel/.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  // SECURITY: main frame only — an iframe (even one on app://) never speaks for the app.
  if (!frame || frame !== event.sender.mainFrame) return false;
  // SECURITY: compare protocol and host, never `origin` (a custom scheme's origin is "null").
  return isAppUrl(frame.url);
}

async function dispatchSafely(engine: Engine, channel: ChannelName, request: unknown): Promise<Result<unknown>> {
  try {
    return await engine.dispatch(channel, request);
  } catch (error) {
    console.error(`Dalel engine failed on ${channel}`, error);
    return fail('internal');
  }
}

export function registerIpc(engine: Engine, hooks: IpcHooks = {}): void {
  for (const channel of contractChannels) {
    ipcMain.handle(channel, async (event, request: unknown) => {
      if (!isTrustedSender(event)) {
        console.warn(`Dalel refused ${channel} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
        return fail('invalidRequest');
      }
      const refused = await hooks.person?.before(channel, request);
      if (refused) return refused;
      const result = await dispatchSafely(engine, channel, request);
      hooks.person?.after(channel, result);
      if (channel === 'settings:set' && result.ok) {
        const parsed = contract['settings:set'].response.safeParse(result.value);
        if (parsed.success && parsed.data.language) hooks.onLanguageChanged?.(parsed.data.language);
      }
      return result;
    });
  }
}
