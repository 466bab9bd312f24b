import { describe, expect, it } from 'vitest';
import { buildApi, channelNames, contract, type ChannelName, type RequestOf } from './index';

const recordId = '8f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
const revisionId = 'a'.repeat(64);

/** One valid request per channel; the test below insists that every channel has one. */
const examples: { [C in ChannelName]: RequestOf<C> } = {
  'app:info': {},
  'settings:get': {},
  'settings:set': { language: 'kk' },
  'archive:lock': {},
  'archive:changePassphrase': { current: 'old one', next: 'a much longer one' },
  'archive:encrypt': { passphrase: 'long enough passphrase' },
  'archive:setSafety': { quickDelete: true, unlockAttemptLimit: 10 },
  'archive:destroy': { confirm: true },
  'archive:status': {},
  'archive:create': { name: 'Алматы', path: '/tmp/x', protection: { kind: 'passphrase', passphrase: 'түнгі қала 2022' } },
  'archive:open': {},
  'archive:choose': { purpose: 'open' },
  'archive:stateHash': {},
  'archive:check': { path: '/archive' },
  'archive:repair': { path: '/archive', passphrase: 'correct horse battery staple' },
  'records:list': { type: 'incident' },
  'records:overview': {},
  'records:query': {
    type: 'incident',
    query: { search: 'mobile', kind: '', area: 'code:KZ-75', from: '2022-01-01', to: '', sort: 'start', order: '', showRetracted: false },
    offset: 0,
    limit: 50,
    language: 'en',
  },
  'records:get': { recordId },
  'records:references': { recordId },
  'records:signature': { recordId },
  'records:save': { type: 'incident', data: {} },
  'records:retract': { recordId, parent: revisionId, reason: 'duplicate' },
  'attachments:add': { recordId, paths: ['/tmp/фото.jpg'] },
  'custody:list': { recordId },
  'key:show': {},
  'bundle:export': { out: '/tmp/дәлел.zip', profile: 'legal', language: 'kk', only: [recordId] },
  'bundle:locations': { files: [{ sha256: 'c'.repeat(64), mediaType: 'image/jpeg' }] },
  'bundle:chooseOut': { suggested: '/home/defender/dalel-2022-01-05.zip' },
  'bundle:verify': { path: '/tmp/дәлел.zip', trusted: 'lawyer ssh-ed25519 AAAA', timestampAnchors: 'MIIB' },
  'custody:anchorRequest': { out: '/tmp/дәлел.tsq' },
  'custody:addAnchor': { response: 'MIIC' },
  'custody:anchors': { timestampAnchors: 'MIIB' },
  'bundle:timeStampRequest': { path: '/tmp/дәлел.zip', out: '/tmp/дәлел.tsq' },
  'bundle:addTimeStamp': { path: '/tmp/дәлел.zip', response: 'MIIC' },
  'bundle:countersign': { path: '/tmp/дәлел.zip', pkcs12: 'MIIC', password: 'құпия' },
  'bundle:addCountersignature': { path: '/tmp/дәлел.zip', signature: 'MIIC' },
  'bundle:countersignWithNcaLayer': { path: '/tmp/дәлел.zip', language: 'kk' },
  'bundle:extractTagManifest': { path: '/tmp/дәлел.zip', out: '/tmp/tagmanifest-sha256.txt' },
  'bundle:import': { path: '/tmp/дәлел.zip' },
  'csv:import': { path: '/tmp/оқиғалар.csv', mapping: { columns: { 'Атауы': 'title', ID: 'externalId' } }, dryRun: true, language: 'kk' },
  'bundle:received': {},
  'bundle:recheck': { sha256: 'c'.repeat(64) },
  'archive:merge': { path: '/media/stick/Ерлан архиві', passphrase: 'қар жауды' },
  'trust:list': {},
  'trust:add': { publicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA', name: 'Aigerim, Almaty' },
  'trust:remove': { fingerprint: 'SHA256:ivF0p+WrEBaK9HkCidk5pAYOS3bX8sTraYZLgYT00sE' },
  'records:conflicts': {},
  'records:resolve': { recordId, heads: [revisionId, 'b'.repeat(64)], data: {} },
  'tasks:progress': {},
  'tasks:cancel': {},
  'drafts:get': { key: 'edit:8f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b', recordId },
  'drafts:put': { key: 'new', data: { title: 'Жаңаөзен' } },
  'drafts:delete': { key: 'new' },
};

describe('the contract', () => {
  it('defines exactly the named channels, each as domain:verb', () => {
    expect(Object.keys(contract).sort()).toEqual([...channelNames].sort());
    for (const name of channelNames) expect(name).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });

  it.each(channelNames)('%s accepts a valid request and rejects unknown keys', (channel) => {
    const schema = contract[channel].request;
    expect(schema.safeParse(examples[channel]).success).toBe(true);
    expect(schema.safeParse({ ...examples[channel], injected: true }).success).toBe(false);
    expect(schema.safeParse('not an object').success).toBe(false);
  });

  it('builds window.dalel as namespaced methods over one invoke', async () => {
    const calls: [string, unknown][] = [];
    const api = buildApi(async (channel, request) => {
      calls.push([channel, request]);
      return { ok: true, value: null };
    }, () => '');
    expect(Object.keys(api).sort()).toEqual(['app', 'archive', 'attachments', 'bundle', 'csv', 'custody', 'drafts', 'key', 'records', 'settings', 'tasks', 'trust']);
    await api.records!.save!({ type: 'incident', data: {} });
    await api.archive!.status!();
    expect(calls).toEqual([
      ['records:save', { type: 'incident', data: {} }],
      ['archive:status', {}],
    ]);
  });

  it('turns the File objects handed to attachments.add into paths, and refuses anything without one', async () => {
    const calls: [string, unknown][] = [];
    const onDisk = new Map<File, string>();
    const api = buildApi(
      async (channel, request) => {
        calls.push([channel, request]);
        return { ok: true, value: null };
      },
      (file: File) => {
        const path = onDisk.get(file);
        if (path === undefined) throw new TypeError('not a file on disk');
        return path;
      },
    );
    const photo = new File(['jpeg bytes'], 'банк жабық.jpg');
    onDisk.set(photo, '/home/defender/банк жабық.jpg');
    const recordId = crypto.randomUUID();
    expect(await api.attachments!.add!({ recordId, files: [photo], sensitive: true })).toEqual({ ok: true, value: null });
    expect(calls).toEqual([['attachments:add', { recordId, sensitive: true, paths: ['/home/defender/банк жабық.jpg'] }]]);

    const fromWebPage = new File(['x'], 'picture.png');
    for (const files of [[photo, fromWebPage], ['/etc/passwd'], [{ name: '/etc/passwd' }]]) {
      const refused = await api.attachments!.add!({ recordId, files });
      expect(refused).toMatchObject({ ok: false, error: { code: 'fileNotOnDisk' } });
    }
    expect(await api.attachments!.add!({ recordId, paths: ['/etc/passwd'] })).toEqual({ ok: true, value: null });
    expect(calls[1]).toEqual(['attachments:add', { recordId, paths: [] }]);
  });
});
