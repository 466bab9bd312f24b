/**
 * The shape pass counts exactly the values JSON.parse reads, so that the
 * verifier can tell a key given twice in one object (JSON.parse keeps one
 * of the two) from a document without one, and never refuses a real one.
 */
import { describe, expect, it } from 'vitest';
import { jsonShape } from './jsonShape';
import { bundleLimits } from './limits';

/** Every object, array, key, string, number, true, false and null of a parsed value. */
function valuesOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + value.reduce((sum: number, item) => sum + valuesOf(item), 0);
  if (typeof value === 'object' && value !== null) return 1 + Object.values(value).reduce((sum: number, item) => sum + 1 + valuesOf(item), 0);
  return 1;
}

const count = (text: string) => jsonShape(new TextEncoder().encode(text), bundleLimits).values;

describe('the values the shape pass counts', () => {
  it.each([
    '{}',
    '[]',
    '0',
    '"\\u0022"',
    '{"a":[1,-2.5e+3,true,false,null,"x\\"y\\\\",{},[]],"b":{"c":[[]]}}',
    ' \t\r\n{ "ключ" : "мән 🛑" , "": [ 1e-7 , 0.5 ] }\n',
    '{"title":"a, b: [c] {d}","n":[10,200,3000]}',
  ])('are those JSON.parse reads: %s', (text) => {
    expect(count(text)).toBe(valuesOf(JSON.parse(text)));
  });

  it('are more than JSON.parse keeps when a key is given twice, however it is spelled', () => {
    for (const text of ['{"a":1,"a":2}', '{"a":1,"\\u0061":{"b":[1,2]}}', '[{"x":{"y":1,"y":1}}]']) {
      expect(count(text), text).toBeGreaterThan(valuesOf(JSON.parse(text)));
    }
  });
});
