/** Evidence file facts on screen: sizes in the UI language, camera times as the camera wrote them, which files get a preview. */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { i18nOptions } from '../../../shared/i18n';
import { addOutcome, formatCameraTime, formatFileSize, previewKindOf } from './fileFacts';

// Intl puts no-break spaces in some places; compare with plain ones.
const plain = (text: string) => text.replace(/\s/gu, ' ');

beforeAll(async () => {
  await i18next.init({ ...i18nOptions('en'), supportedLngs: ['en', 'ru', 'kk'], ns: ['common', 'incidents', 'evidence'] });
});

describe('file sizes', () => {
  it('read in the UI language, with the exact byte count that a court can compare', () => {
    const en = i18next.getFixedT('en');
    expect(formatFileSize(1, 'en', en)).toBe('1 byte');
    expect(formatFileSize(512, 'en', en)).toBe('512 bytes');
    expect(plain(formatFileSize(1_234_567, 'en', en))).toBe('1.2 MB (1,234,567 bytes)');
    expect(plain(formatFileSize(4 * 1024 ** 3 + 1, 'en', en))).toBe('4 GB (4,294,967,297 bytes)');
    const ru = i18next.getFixedT('ru');
    expect(plain(formatFileSize(1_234_567, 'ru', ru))).toBe('1,2 МБ (1 234 567 байт)');
    expect(plain(formatFileSize(2, 'ru', ru))).toBe('2 байта');
    expect(plain(formatFileSize(1_536, 'kk', i18next.getFixedT('kk')))).toBe('1,5 КБ (1 536 байт)');
  });
});

describe('camera times', () => {
  it('show the clock the camera recorded, with its offset only when the camera noted one', () => {
    const en = i18next.getFixedT('en');
    expect(formatCameraTime('2022-01-05T14:03:22+06:00', 'en', en)).toBe('Jan 5, 2022, 14:03:22 (UTC+06:00)');
    expect(formatCameraTime('2022-01-05T14:03:22', 'en', en)).toBe('Jan 5, 2022, 14:03:22 (the camera did not record its time zone)');
    expect(formatCameraTime('2022-01-05T23:59:59-05:00', 'ru', i18next.getFixedT('ru'))).toMatch(/^5 янв\. 2022 г\., 23:59:59 \(UTC-05:00\)$/);
    // Something the schema allows but this format does not know is shown as it is, not guessed at.
    expect(formatCameraTime('2022:01:05', 'en', en)).toBe('2022:01:05');
  });
});

describe('previews', () => {
  it('exist only for the types the app serves as themselves', () => {
    expect(previewKindOf('image/jpeg')).toBe('image');
    expect(previewKindOf('image/heic')).toBeNull();
    expect(previewKindOf('audio/wav')).toBe('audio');
    expect(previewKindOf('video/webm')).toBe('video');
    expect(previewKindOf('video/quicktime')).toBeNull();
    expect(previewKindOf('application/pdf')).toBe('pdf');
    expect(previewKindOf('text/html')).toBeNull();
  });
});

describe('an add', () => {
  it('counts the files the record already listed, whether the engine answers with all files or only the new ones', () => {
    const known = new Set(['a']);
    expect(addOutcome(3, ['a', 'b', 'c'], known)).toEqual({ added: 2, alreadyThere: 1 });
    expect(addOutcome(3, ['b', 'c'], known)).toEqual({ added: 2, alreadyThere: 1 });
    expect(addOutcome(1, ['a'], known)).toEqual({ added: 0, alreadyThere: 1 });
    expect(addOutcome(1, [], known)).toEqual({ added: 0, alreadyThere: 1 });
    // The same bytes chosen twice under two names are one file on the record.
    expect(addOutcome(2, ['d', 'd'], known)).toEqual({ added: 1, alreadyThere: 1 });
  });
});
