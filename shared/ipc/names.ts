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
  'archive:check',
  'archive:repair',
  'records:list',
  'records:overview',
  'records:query',
  'records:get',
  'records:references',
  'records:signature',
  'records:save',
  'records:retract',
  'attachments:add',
  'custody:list',
  'custody:anchorRequest',
  'custody:addAnchor',
  'custody:anchors',
  'key:show',
  'bundle:export',
  'bundle:locations',
  'bundle:chooseOut',
  'bundle:verify',
  'bundle:timeStampRequest',
  'bundle:addTimeStamp',
  'bundle:countersign',
  'bundle:addCountersignature',
  'bundle:countersignWithNcaLayer',
  'bundle:extractTagManifest',
  'bundle:import',
  'csv:import',
  'bundle:received',
  'bundle:recheck',
  'archive:merge',
  'trust:list',
  'trust:add',
  'trust:remove',
  'records:conflicts',
  'records:resolve',
  'tasks:progress',
  'tasks:cancel',
  'drafts:get',
  'drafts:put',
  'drafts:delete',
] as const;

export type ChannelName = (typeof channelNames)[number];

/**
 * Channels whose requests name files on disk. The page hands File objects
 * (`from`: one, or a list) that the person picked or dropped; `pathOfFile`
 * (Electron's webUtils.getPathForFile in the preload) turns them into
 * paths (`to`) outside the page. So the page can reach only files the
 * person handed it, never a path it made up.
 */
export const fileRequests = {
  'attachments:add': { from: 'files', to: 'paths', many: true },
  'bundle:verify': { from: 'file', to: 'path', many: false },
  'bundle:timeStampRequest': { from: 'file', to: 'path', many: false },
  'bundle:addTimeStamp': { from: 'file', to: 'path', many: false },
  'bundle:countersign': { from: 'file', to: 'path', many: false },
  'bundle:addCountersignature': { from: 'file', to: 'path', many: false },
  'bundle:countersignWithNcaLayer': { from: 'file', to: 'path', many: false },
  'bundle:extractTagManifest': { from: 'file', to: 'path', many: false },
  'bundle:import': { from: 'file', to: 'path', many: false },
  'csv:import': { from: 'file', to: 'path', many: false },
} as const satisfies Partial<Record<ChannelName, { from: string; to: string; many: boolean }>>;

/**
 * Builds the namespaced API (`dalel.records.save(request)`) over one invoke
 * function. Used by the preload (invoke = ipcRenderer.invoke) and by the test
 * harness (invoke = the engine's dispatch through page.exposeBinding). The
 * methods of `fileRequests` take File objects instead of paths.
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
  for (const [channel, { from, to, many }] of Object.entries(fileRequests)) {
    const [domain, verb] = channel.split(':') as [string, string];
    api[domain]![verb] = async (request = {}) => {
      const { [from]: given, [to]: _ignored, ...rest } = (request ?? {}) as Record<string, unknown>;
      const files = (many ? (Array.isArray(given) ? given : []) : [given]) as F[];
      const paths: string[] = [];
      for (const file of files) {
        // SECURITY: only a File object the person picked or dropped has a path; a name alone never becomes one.
        const path = pathOf(pathOfFile, file);
        if (!path) return { ok: false, error: { code: 'fileNotOnDisk', params: { name: String(file?.name ?? '') } } };
        paths.push(path);
      }
      return invoke(channel, { ...rest, [to]: many ? paths : paths[0] });
    };
  }
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
