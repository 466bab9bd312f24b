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
 */
export function buildApi(invoke: (channel: string, request: unknown) => Promise<unknown>) {
  const api: Record<string, Record<string, (request?: unknown) => Promise<unknown>>> = {};
  for (const channel of channelNames) {
    const [domain, verb] = channel.split(':') as [string, string];
    api[domain] ??= {};
    api[domain][verb] = (request = {}) => invoke(channel, request);
  }
  return api;
}
