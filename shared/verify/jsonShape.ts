/**
 * Measures the shape of untrusted JSON from its bytes, in one pass and
 * constant memory, before anything parses it: how deep it nests, how many
 * values and containers it holds. JSON.parse of 240 MB of "[[],[],…]" grows
 * to gigabytes, and recursive readers (zod, the canonicalizer) overflow the
 * stack on deep nesting; this is what lets the verifier refuse both cheaply.
 * It never judges whether the bytes are JSON: JSON.parse does that after.
 * Its count of values is exact for valid JSON, so a parse that yields fewer
 * (a key given twice in one object, which JSON.parse folds into one) shows.
 */

/** Objects and arrays open at once; values (containers, keys and scalars) and containers, each in all and one per so many bytes. */
export interface JsonShapeBudget {
  maxJsonDepth: number;
  maxJsonValues: number;
  bytesPerJsonValue: number;
  maxJsonContainers: number;
  bytesPerJsonContainer: number;
}

export interface JsonShapeProblem {
  problem: 'depth' | 'values' | 'containers';
  limit: number;
  /** The byte offset where the budget ran out. */
  at: number;
}

const quote = 0x22;
const backslash = 0x5c;
/** What each byte is outside a string: opens or closes a container, ends a number or literal, or (0) anything else. */
const opening = 1;
const closing = 2;
const separator = 3;
const kinds = new Uint8Array(256);
for (const byte of [0x5b, 0x7b]) kinds[byte] = opening; // [ {
for (const byte of [0x5d, 0x7d]) kinds[byte] = closing; // ] }
for (const byte of [0x2c, 0x3a, 0x20, 0x09, 0x0a, 0x0d]) kinds[byte] = separator; // , : and whitespace

/**
 * Any count allowed "per so many bytes" gets this many on top, so that a
 * small document is never refused for its density alone.
 */
const allowance = 1000;

/** The budgets for a document of `length` bytes: the absolute ones, or fewer for a small document. */
function limitsFor(length: number, budget: JsonShapeBudget) {
  return {
    values: Math.min(budget.maxJsonValues, allowance + Math.floor(length / budget.bytesPerJsonValue)),
    containers: Math.min(budget.maxJsonContainers, allowance + Math.floor(length / budget.bytesPerJsonContainer)),
  };
}

/** The first budget the document exceeds, or null. */
export function jsonShapeProblem(bytes: Uint8Array, budget: JsonShapeBudget): JsonShapeProblem | null {
  return jsonShape(bytes, budget).problem;
}

/**
 * The first budget the document exceeds (or null), and how many values it
 * holds: every object, array, key, string, number, true, false and null.
 */
export function jsonShape(bytes: Uint8Array, budget: JsonShapeBudget): { problem: JsonShapeProblem | null; values: number } {
  const limits = limitsFor(bytes.length, budget);
  let depth = 0;
  let values = 0;
  let containers = 0;
  let inString = false;
  // Inside a number or a literal (true, false, null): its first byte counted it.
  let inScalar = false;
  for (let at = 0; at < bytes.length; at++) {
    const byte = bytes[at]!;
    if (inString) {
      if (byte === backslash) at++;
      else if (byte === quote) inString = false;
      continue;
    }
    const kind = kinds[byte]!;
    if (kind === opening) {
      inScalar = false;
      values++;
      containers++;
      if (++depth > budget.maxJsonDepth) return { problem: { problem: 'depth', limit: budget.maxJsonDepth, at }, values };
      if (containers > limits.containers) return { problem: { problem: 'containers', limit: limits.containers, at }, values };
    } else if (kind === closing) {
      inScalar = false;
      depth--;
    } else if (kind === separator) {
      inScalar = false;
    } else if (byte === quote) {
      inString = true;
      inScalar = false;
      values++;
    } else if (!inScalar) {
      inScalar = true;
      values++;
    }
    if (values > limits.values) return { problem: { problem: 'values', limit: limits.values, at }, values };
  }
  return { problem: null, values };
}
