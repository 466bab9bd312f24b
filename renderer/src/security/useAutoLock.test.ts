import { describe, expect, it } from 'vitest';
import { isLockShortcut } from './useAutoLock';

const key = (code: string, modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...modifiers,
});

describe('the lock shortcut', () => {
  it('is Ctrl+L or Cmd+L on the physical L key, whatever the layout types there', () => {
    expect(isLockShortcut(key('KeyL', { ctrlKey: true }))).toBe(true);
    expect(isLockShortcut(key('KeyL', { metaKey: true }))).toBe(true);
  });

  it('is not L alone, nor with Alt or Shift, nor another key', () => {
    expect(isLockShortcut(key('KeyL'))).toBe(false);
    expect(isLockShortcut(key('KeyL', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(isLockShortcut(key('KeyL', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isLockShortcut(key('KeyK', { ctrlKey: true }))).toBe(false);
  });
});
