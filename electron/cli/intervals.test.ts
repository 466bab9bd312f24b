/**
 * `dalel add` keeps an incident's intervals exactly as given (each time it
 * was off, with its areas and operators), and refuses an interval that ends
 * before it starts with the translated message, saving nothing.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordDetail } from '../../shared/ipc';
import type { IntervalInput } from '../../shared/model';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';
import { dalelInProcess } from './testing/inProcess';
import { jsonInputs, succeeds } from './testing/steps';

let folder: { path: string; remove: () => Promise<void> };
let dir: string;
beforeEach(async () => {
  folder = await temporaryFolder();
  dir = join(folder.path, 'archive');
  await succeeds(['init', dir, '--no-encryption']);
});
afterEach(() => folder.remove());

const jsonFile = jsonInputs(() => folder.path);
const recordCount = async () => (JSON.parse(await succeeds(['list', dir, '--json'])) as unknown[]).length;

/** Nur-Sultan's nightly cut-offs of January 2022, the first by one operator in one area. */
const intervals: IntervalInput[] = [
  {
    start: { at: '2022-01-06T19:00+06:00', precision: 'minute' },
    end: { at: '2022-01-07T07:00+06:00', precision: 'minute' },
    areas: [{ code: 'KZ-71' }],
    operators: ['Kazakhtelecom'],
  },
  { start: { at: '2022-01-07T19:00+06:00', precision: 'hour' }, end: { at: '2022-01-08T07:00+06:00', precision: 'hour' }, areas: [], operators: [] },
  { start: { at: '2022-01-08T19:00+06:00', precision: 'minute' }, areas: [], operators: [] },
];

describe('intervals on dalel add', () => {
  it('round-trip unchanged through add and show', async () => {
    const incident = sampleIncident({ areas: [{ code: 'KZ-71' }], operators: ['Kazakhtelecom'], intervals });
    const recordId = await succeeds(['add', dir, '--type', 'incident', '--json', await jsonFile(incident)]);
    const detail = JSON.parse(await succeeds(['show', dir, recordId, '--json'])) as RecordDetail;
    expect((detail.summary.data as { intervals?: unknown }).intervals).toEqual(intervals);
  });

  it('refuse an interval that ends before it starts, in each language, and save nothing', async () => {
    const backwards: IntervalInput[] = [...intervals.slice(0, 1), { ...intervals[1]!, end: { at: '2022-01-07T18:00+06:00', precision: 'hour' } }];
    const file = await jsonFile(sampleIncident({ intervals: backwards }));
    const messages = {
      en_US: 'intervals.1.end: The end is before the start.',
      ru_RU: 'intervals.1.end: Окончание указано раньше начала.',
      kk_KZ: 'intervals.1.end: Аяқталуы басталуынан бұрын көрсетілген.',
    };
    for (const [lang, message] of Object.entries(messages)) {
      const run = await dalelInProcess(['add', dir, '--type', 'incident', '--json', file], { LANG: `${lang}.UTF-8` });
      expect(run.code, run.err).not.toBe(0);
      expect(run.err).toContain(message);
    }
    expect(await recordCount()).toBe(0);
  });
});
