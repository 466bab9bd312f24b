/**
 * The names of every channel, `domain:verb`, with no schema attached, so that
 * the sandboxed preload and the browser test harness can build `window.dalel`
 * without bundling zod. contract.ts must define exactly these (a test checks).
 */
export const channelNames = [
  'app:info',
  'settings:get',
  'settings:set',
  'archive:status',
  'archive:create',
  'archive:open',
  'archive:lock',
  'archive:changePassphrase',
  'archive:encrypt',
  'archive:setSafety',
  'archive:destroy',
  'archive:choose',
  'archive:stateHash',
  'records:list',
  'records:get',
  'records:save',
  'records:retract',
  'attachments:add',
  'custody:list',
  'key:show',
] as const;

export type ChannelName = (typeof channelNames)[number];

/**
 * Builds the namespaced API (`dalel.records.save(request)`) over one invoke
 * function. Used by the preload (invoke = ipcRenderer.invoke) and by the test
 * harness (invoke = the engine's dispatch through page.exposeBinding).
 *
 * One method differs from its channel: the page adds evidence files as
 * `attachments.add({ recordId, files })`, with File objects the person picked
 * or dropped, and `pathOfFile` (Electron's webUtils.getPathForFile in the
 * preload) turns them into paths here, outside the page. So the page can
 * attach only files the person handed it, never a path it made up.
 */
export function buildApi<F extends { name: string }>(
  invoke: (channel: string, request: unknown) => Promise<unknown>,
  pathOfFile: (file: F) => string,
) {
  const api: Record<string, Record<string, (request?: unknown) => Promise<unknown>>> = {};
  for (const channel of channelNames) {
    const [domain, verb] = channel.split(':') as [string, string];
    api[domain] ??= {};
    api[domain][verb] = (request = {}) => invoke(channel, request);
  }
  api.attachments!.add = async (request) => {
    const { files, ...rest } = (request ?? {}) as { files?: unknown };
    const list = Array.isArray(files) ? (files as F[]) : [];
    const paths: string[] = [];
    for (const file of list) {
      // SECURITY: only a File object the person picked or dropped has a path; a name alone never becomes one.
      const path = pathOf(pathOfFile, file);
      if (!path) return { ok: false, error: { code: 'fileNotOnDisk', params: { name: String(file?.name ?? '') } } };
      paths.push(path);
    }
    return invoke('attachments:add', { ...rest, paths });
  };
  return api;
}

/** The file's path, or '' for anything that is not a File on disk (pathOfFile may throw for those). */
function pathOf<F>(pathOfFile: (file: F) => string, file: F): string {
  try {
    const path = pathOfFile(file);
    return typeof path === 'string' ? path : '';
  } catch {
    return '';
  }
}
