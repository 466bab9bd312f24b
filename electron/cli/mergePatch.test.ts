import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMergePatch } from './mergePatch';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

describe('a JSON merge patch', () => {
  // RFC 7396 appendix A: original, patch, result.
  it.each([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [['a', 'b'], ['c', 'd'], ['c', 'd']],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])('gives the result of RFC 7396 appendix A: %j patched with %j is %j', (original, patch, result) => {
    expect(applyMergePatch(original, patch)).toEqual(result);
  });

  it('gives the result of the example in RFC 7396 section 3', () => {
    const original = { title: 'Goodbye!', author: { givenName: 'John', familyName: 'Doe' }, tags: ['example', 'sample'], content: 'This will be unchanged' };
    const patch = { title: 'Hello!', phoneNumber: '+01-123-456-7890', author: { familyName: null }, tags: ['example'] };
    expect(applyMergePatch(original, patch)).toEqual({
      title: 'Hello!',
      author: { givenName: 'John' },
      tags: ['example'],
      content: 'This will be unchanged',
      phoneNumber: '+01-123-456-7890',
    });
  });

  it('keeps a member named __proto__ as a member, never as the prototype', () => {
    const patched = applyMergePatch({ title: 'a' }, JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(patched)).toBe(Object.prototype);
    expect(Object.keys(patched)).toEqual(['title', '__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

/** JSON without null anywhere: what a record's stored fields look like. */
const { value: nullFree, object: nullFreeObject } = fc.letrec((tie) => ({
  value: fc.oneof({ maxDepth: 3 }, fc.string(), fc.integer(), fc.boolean(), fc.array(tie('value'), { maxLength: 3 }), tie('object')),
  object: fc.dictionary(fc.string({ maxLength: 4 }), tie('value'), { maxKeys: 4 }),
}));
/** A patch whose nulls all ask for a member to go (none inside an array, which would be a value). */
const { object: removingPatch } = fc.letrec((tie) => ({
  value: fc.oneof({ maxDepth: 3 }, fc.string(), fc.integer(), fc.array(nullFree, { maxLength: 3 }), tie('object')),
  object: fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.constant(null), tie('value')), { maxKeys: 4 }),
}));

/** The smallest merge patch that turns `from` into `to` (for values without null). */
function mergeDiff(from: unknown, to: unknown): unknown {
  if (!isObject(from) || !isObject(to)) return to;
  const removed = Object.keys(from).filter((name) => !Object.hasOwn(to, name)).map((name) => [name, null]);
  const changed = Object.entries(to)
    .filter(([name, value]) => !Object.hasOwn(from, name) || !isDeepStrictEqual(from[name], value))
    .map(([name, value]) => [name, mergeDiff(Object.hasOwn(from, name) ? from[name] : undefined, value)]);
  return Object.fromEntries([...removed, ...changed]);
}

const containsNull = (value: unknown): boolean =>
  value === null || (typeof value === 'object' && Object.values(value as object).some(containsNull));

describe('merge patch properties', () => {
  it('an empty patch changes nothing', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        expect(applyMergePatch(record, {})).toEqual(record);
      }),
    );
  });

  it('the difference of two records, applied to the first, gives the second', () => {
    fc.assert(
      fc.property(nullFreeObject, nullFreeObject, (from, to) => {
        expect(applyMergePatch(from, mergeDiff(from, to))).toEqual(to);
      }),
    );
  });

  it('applying a patch twice is applying it once', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (target, patch) => {
        const once = applyMergePatch(target, patch);
        expect(applyMergePatch(once, patch)).toEqual(once);
      }),
    );
  });

  it('leaves no null in a record: a null in the patch removes the member', () => {
    fc.assert(fc.property(nullFreeObject, removingPatch, (record, patch) => !containsNull(applyMergePatch(record, patch))));
  });

  it('never changes what it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (target, patch) => {
        const [targetBefore, patchBefore] = [structuredClone(target), structuredClone(patch)];
        applyMergePatch(target, patch);
        expect(target).toEqual(targetBefore);
        expect(patch).toEqual(patchBefore);
      }),
    );
  });
});
