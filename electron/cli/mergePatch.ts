/**
 * JSON Merge Patch (RFC 7396): how `dalel edit` changes a record's fields
 * by default. Objects merge member by member, `null` removes a member,
 * anything else (arrays, strings, numbers) replaces what was there. Pure: it
 * never changes its arguments and never validates; the engine checks the
 * record it gives, as it checks any other.
 */

const isMergeable = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** RFC 7396 section 2, MergePatch(Target, Patch): a new value, sharing unchanged parts with `target`. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isMergeable(patch)) return patch;
  const result: Record<string, unknown> = isMergeable(target) ? { ...target } : {};
  for (const [name, value] of Object.entries(patch)) {
    if (value === null) {
      delete result[name];
      continue;
    }
    const before = Object.hasOwn(result, name) ? result[name] : undefined;
    // SECURITY: the patch is the user's JSON; a member named "__proto__" stays a member (and the schema refuses it), never a prototype.
    Object.defineProperty(result, name, { value: applyMergePatch(before, value), enumerable: true, writable: true, configurable: true });
  }
  return result;
}
