import { describe, expect, it } from 'vitest';
import { defaultBundlePath, fileNameOf, localDate } from './exportPath';

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

describe('the name a toast gives an exported bundle', () => {
  it('is the file name alone, from a POSIX or a Windows path', () => {
    expect(fileNameOf('/home/aigerim/Алматы bundles/dalel-2022-01-05.zip')).toBe('dalel-2022-01-05.zip');
    expect(fileNameOf('C:\\Users\\erlan\\Desktop\\суд 2022.zip')).toBe('суд 2022.zip');
    expect(fileNameOf('bundle.zip')).toBe('bundle.zip');
  });
});
