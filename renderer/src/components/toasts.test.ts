import { describe, expect, it } from 'vitest';
import { toastDuration, toastLimit, withToast, withoutToast, type Toast } from './toasts';

const result = (id: number, text = 'Saved.'): Toast => ({ id, kind: 'result', text, message: () => text });
const error = (id: number, text = 'The disk is full.'): Toast => ({ id, kind: 'error', text, message: () => text });

describe('toasts', () => {
  it('stay long enough to read: at least six seconds, errors longer, long texts longer still', () => {
    expect(toastDuration(result(1))).toBeGreaterThanOrEqual(6_000);
    expect(toastDuration(error(1, 'Saved.'))).toBeGreaterThan(toastDuration(result(1, 'Saved.')));
    const long = 'Bundle exported: 2026-01-06 Almaty defenders legal bundle.zip';
    expect(toastDuration(result(1, long))).toBeGreaterThan(toastDuration(result(1, 'Saved.')));
    expect(toastDuration(result(1, 'x'.repeat(10_000)))).toBeLessThanOrEqual(30_000);
  });

  it('show a few at most, the newest last, pushing out the oldest result before any error', () => {
    let list: Toast[] = [];
    list = withToast(list, error(1));
    for (let id = 2; id <= 6; id += 1) list = withToast(list, result(id));
    expect(list).toHaveLength(toastLimit);
    expect(list.map((toast) => toast.id)).toEqual([1, 5, 6]);
  });

  it('let a new error push out the oldest error when nothing else is left', () => {
    let list: Toast[] = [];
    for (let id = 1; id <= 4; id += 1) list = withToast(list, error(id));
    expect(list.map((toast) => toast.id)).toEqual([2, 3, 4]);
  });

  it('go when dismissed, the others staying in order', () => {
    const list = [result(1), error(2), result(3)];
    expect(withoutToast(list, 2).map((toast) => toast.id)).toEqual([1, 3]);
  });
});
