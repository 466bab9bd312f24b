import { describe, expect, it } from 'vitest';
import { defaultBundlePath, localDate } from './exportPath';

describe('the proposed bundle file', () => {
  const date = new Date(2022, 0, 5, 23, 30);

  it('is dalel-<local date>.zip beside the archive folder', () => {
    expect(localDate(date)).toBe('2022-01-05');
    expect(defaultBundlePath('/home/aigul/.config/Dalel/archive', date)).toBe('/home/aigul/.config/Dalel/dalel-2022-01-05.zip');
    expect(defaultBundlePath('/tmp/архив 📁/', date)).toBe('/tmp/dalel-2022-01-05.zip');
    expect(defaultBundlePath('C:\\Users\\Айгүл\\Dalel\\archive', date)).toBe('C:\\Users\\Айгүл\\Dalel\\dalel-2022-01-05.zip');
  });

  it('keeps a root', () => {
    expect(defaultBundlePath('/archive', date)).toBe('/dalel-2022-01-05.zip');
    expect(defaultBundlePath('C:\\archive', date)).toBe('C:\\dalel-2022-01-05.zip');
  });
});
