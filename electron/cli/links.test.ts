/**
 * Links between incidents from the command line: `dalel add` of an incident
 * that is the same as another; the translated refusal of a link to a record
 * that is no incident of the archive, or of an incident to itself, saving
 * nothing; `dalel show` naming the link on both sides, each the right way round.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';
import { dalelInProcess as dalel } from './testing/inProcess';

let folder: { path: string; remove: () => Promise<void> };
let dir: string;
beforeEach(async () => {
  folder = await temporaryFolder();
  dir = join(folder.path, 'archive');
  expect((await dalel(['init', dir, '--name', 'Жаңаөзен', '--no-encryption'])).code).toBe(0);
});
afterEach(() => folder.remove());

const locale = { en: 'en_US.UTF-8', ru: 'ru_RU.UTF-8', kk: 'kk_KZ.UTF-8' } as const;
const stateHash = async () => (await dalel(['state-hash', dir])).out.trim();

async function add(data: unknown, env: Record<string, string> = {}) {
  return dalel(['add', dir, '--type', 'incident', '--json', '-'], env, JSON.stringify(data));
}

describe('dalel and links between incidents', () => {
  it('adds an incident linked as the same as another, and show names the link on both sides', async () => {
    const first = (await add(sampleIncident({ title: 'Zhanaozen, from Aigerim' }))).out.trim();
    const second = await add(sampleIncident({ title: 'Жаңаөзен, Ерланнан', links: [{ kind: 'same_as', incident: first }] }));
    expect(second.code).toBe(0);
    const id = second.out.trim();
    expect((await dalel(['show', dir, id], { LANG: locale.en })).out).toContain(`The same shutdown, recorded apart: ${first}`);
    expect((await dalel(['show', dir, first], { LANG: locale.ru })).out).toContain(`Записано отдельно как то же отключение: ${id} Жаңаөзен, Ерланнан`);
  });

  it.each([
    ['en', 'No such incident in this archive.', 'An incident cannot be linked to itself.'],
    ['ru', 'В этом архиве нет такого инцидента.', 'Инцидент нельзя связать с самим собой.'],
    ['kk', 'Бұл мұрағатта мұндай оқиға жоқ.', 'Оқиғаны өзімен байланыстыруға болмайды.'],
  ] as const)('refuses a link to no incident of the archive, or to the incident itself, saving nothing (%s)', async (language, unknown, itself) => {
    const first = (await add(sampleIncident())).out.trim();
    const before = await stateHash();
    const env = { LANG: locale[language] };
    const stranger = await add(sampleIncident({ links: [{ kind: 'part_of', incident: '00000000-0000-4000-8000-000000000009' }] }), env);
    expect(stranger.code).not.toBe(0);
    expect(stranger.err).toContain(unknown);
    const patch = JSON.stringify({ links: [{ kind: 'same_as', incident: first }] });
    const self = await dalel(['edit', dir, first, '--json', '-'], env, patch);
    expect(self.code).not.toBe(0);
    expect(self.err).toContain(itself);
    expect(await stateHash()).toBe(before);
  });
});
