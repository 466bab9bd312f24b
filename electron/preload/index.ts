/**
 * The preload: the only bridge between the sandboxed UI and the main process.
 * It exposes `window.dalel`, one namespaced method per contract channel
 * (`dalel.records.save(request)`), built from the channel names alone
 * (shared/ipc/names.ts) so no zod is bundled here. Evidence files cross as
 * File objects and become paths only here (webUtils.getPathForFile). It must never expose
 * ipcRenderer, a generic invoke or send, or any Node or Electron object.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildApi } from '../../shared/ipc/names';

// SECURITY: the page receives plain functions only; each one invokes exactly its own channel.
contextBridge.exposeInMainWorld(
  'dalel',
  buildApi(
    (channel, request) => ipcRenderer.invoke(channel, request),
    (file: File) => webUtils.getPathForFile(file),
  ),
);
