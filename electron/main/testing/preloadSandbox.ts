/**
 * Runs the built preload (out/preload/index.cjs) the way Electron's sandbox
 * does: as a CommonJS function whose `require` knows only 'electron', here a
 * fake contextBridge and ipcRenderer that record what the preload exposes and
 * invokes. It must never give the preload anything the sandbox would not.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import vm from 'node:vm';
import { vi } from 'vitest';
import { preloadBundle } from './builtApp';

export function loadPreload() {
  const exposed = new Map<string, unknown>();
  const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: { records: [] } }));
  const required: string[] = [];
  /** Files "on disk" for the fake webUtils; like Electron's, it gives '' for any other File. */
  const filesOnDisk = new Map<File, string>();
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    ipcRenderer: { invoke, send: vi.fn(), on: vi.fn() },
    webUtils: { getPathForFile: (file: File) => filesOnDisk.get(file) ?? '' },
  };
  const sandboxRequire = (id: string) => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`the sandboxed preload cannot require ${id}`);
  };
  const code = readFileSync(preloadBundle, 'utf8');
  const run = vm.runInThisContext(`(function (exports, require, module, __filename, __dirname) {${code}\n})`);
  const module = { exports: {} };
  run(module.exports, sandboxRequire, module, preloadBundle, dirname(preloadBundle));
  return { exposed, invoke, required, code, filesOnDisk };
}
