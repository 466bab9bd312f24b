/** Times read in the offset the witness gave, in the UI language; periods read as ranges. */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { i18nOptions } from '../../../shared/i18n';
import { formatPeriod as formatPeriodRaw, formatTimestamp as formatTimestampRaw, wallClockOf } from './format';

// Intl puts narrow no-break spaces in some places; compare with plain ones.
const plain = (text: string) => text.replace(/\s/gu, ' ');
const formatTimestamp = (...args: Parameters<typeof formatTimestampRaw>) => plain(formatTimestampRaw(...args));
const formatPeriod = (...args: Parameters<typeof formatPeriodRaw>) => plain(formatPeriodRaw(...args));

beforeAll(async () => {
  await i18next.init({ ...i18nOptions('en'), supportedLngs: ['en', 'ru', 'kk'], ns: ['common', 'incidents', 'taxonomy', 'validation', 'errors', 'cli'] });
});

describe('incident times on screen', () => {
  it('keep the offset they were written in, never the viewer’s', () => {
    expect(wallClockOf('2022-01-05T16:00+06:00')).toEqual({ date: '2022-01-05', time: '16:00', offset: '+06:00' });
    expect(wallClockOf('2022-01-05T16:00:30Z')).toEqual({ date: '2022-01-05', time: '16:00:30', offset: '+00:00' });
    expect(formatTimestamp({ at: '2022-01-05T16:00+06:00', precision: 'minute' }, 'en')).toBe('Jan 5, 2022, 4:00 PM');
    expect(formatTimestamp({ at: '2022-01-05T00:00+06:00', precision: 'day' }, 'ru')).toBe('5 янв. 2022 г.');
  });

  it('read as a period: a range, ongoing, or with no known end', () => {
    const t = i18next.t;
    const startedAt = { at: '2022-01-04T12:00+05:00', precision: 'hour' } as const;
    expect(formatPeriod({ startedAt, endedAt: { at: '2022-01-04T18:00+05:00', precision: 'hour' }, ongoing: false }, 'en', t)).toBe(
      'Jan 4, 2022, 12:00 – 6:00 PM (UTC+05:00)',
    );
    expect(formatPeriod({ startedAt, ongoing: true }, 'en', t)).toBe('Since Jan 4, 2022, 12:00 PM (UTC+05:00), ongoing');
    expect(formatPeriod({ startedAt, ongoing: false }, 'en', t)).toBe('From Jan 4, 2022, 12:00 PM (UTC+05:00), end not recorded');
  });
});
