/**
 * Reads data/bundle.json from untrusted bytes within its budgets
 * (limits.ts), cheapest check first: its shape on the bytes, before
 * JSON.parse; then that the parse kept every value (a key given twice in
 * one object is folded into one); then how many records, revisions,
 * attachments and custody lines it lists, and how large each is; then the
 * schema one item at a time, stopping at the first problem; and only then
 * the schema whole, for what relates the items. zod reports every problem
 * it finds, ~500 bytes each, so a million bad items checked at once would
 * take gigabytes. Every problem is a `VerifyFailure` naming
 * data/bundle.json; it never checks a signature or a hash.
 */
import type { ZodType } from 'zod';
import { Bundle, BundleAttachment, BundleCustodyEvent, BundleRecord, SignedRevision } from '../model';
import { jsonShape } from './jsonShape';
import type { BundleJsonLimits } from './limits';
import { strictUtf8 } from './text';
import { VerifyFailure } from './verifyFailure';

const file = 'data/bundle.json';
const utf8 = strictUtf8;

type Path = (string | number)[];

const invalid = (path: Path, detail: Record<string, string>) =>
  new VerifyFailure('bundleJsonInvalid', file, { path: path.map(String).join('.') || '.', ...detail });
const tooComplex = (problem: string, limit: number, detail: Record<string, string | number> = {}) =>
  new VerifyFailure('bundleJsonTooComplex', file, { problem, limit, ...detail });

/**
 * bundle.json, taken out of `held`, parsed and checked against its schema.
 * Its bytes are let go once read as text, and the text once parsed: each is
 * as large as the file, or twice, and the peak is what counts.
 */
export function readBundleJson(held: Map<string, Uint8Array>, limits: BundleJsonLimits): Bundle {
  const bytes = held.get(file)!;
  const shape = jsonShape(bytes, limits);
  if (shape.problem) throw tooComplex(shape.problem.problem, shape.problem.limit, { at: shape.problem.at });
  let text: string | null = bundleJsonText(bytes);
  held.delete(file);
  const { json, values } = parseJson(text);
  text = null;
  // SECURITY: a key given twice in one object is read as its last value here and as its first by other
  // readers: two readers, two bundles. JSON.parse folds the two into one, so the parse holds fewer values.
  if (values !== shape.values) throw new VerifyFailure('bundleJsonDuplicateKey', file, { values: shape.values, parsed: values });
  checkItems(json, limits);
  const parsed = Bundle.safeParse(json);
  if (!parsed.success) throw invalid(parsed.error.issues[0]!.path as Path, issueDetail(parsed.error.issues[0]!));
  return parsed.data;
}

/** The bytes as text. */
function bundleJsonText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw invalid([], { problem: 'notUtf8' });
  }
}

/** The parsed value, and how many values it holds as jsonShape counts them (keys included). */
function parseJson(text: string): { json: unknown; values: number } {
  // The reviver sees each value once, an object's member with its key (two values), and the whole as the
  // member "" of a wrapper, whose key is not in the text.
  let values = -1;
  try {
    const json: unknown = JSON.parse(text, function (this: unknown, key, value: unknown) {
      // SECURITY: a "__proto__" key is dropped by the schema here but read by other tools: two readers, two bundles.
      if (key === '__proto__') throw invalid([key], { problem: 'forbiddenKey' });
      values += Array.isArray(this) ? 1 : 2;
      return value;
    });
    return { json, values };
  } catch (error) {
    if (error instanceof VerifyFailure) throw error;
    throw invalid([], { problem: 'notJson' });
  }
}

const issueDetail = (issue: { code: string; message: string }) => ({ problem: issue.code, message: issue.message });

const listed = (value: unknown, key: string): unknown[] => {
  const list = (value as Record<string, unknown> | null)?.[key];
  return Array.isArray(list) ? list : [];
};

/**
 * The counts first, then each item on its own: its size, then its schema.
 * A record is checked without its revisions, each revision on its own.
 */
function checkItems(json: unknown, limits: BundleJsonLimits): void {
  const records = listed(json, 'records');
  const revisions = records.map((record) => listed(record, 'revisions'));
  const counts: [string, number, number][] = [
    ['records', records.length, limits.maxRecords],
    ['revisions', revisions.reduce((sum, list) => sum + list.length, 0), limits.maxRevisions],
    ['attachments', listed(json, 'attachments').length, limits.maxAttachments],
    ['custody', listed(json, 'custody').length, limits.maxCustodyLines],
  ];
  for (const [what, count, limit] of counts) if (count > limit) throw tooComplex(what, limit, { count });

  const check = (schema: ZodType, value: unknown, path: Path) => {
    if (valuesIn(value, limits.maxValuesPerItem) > limits.maxValuesPerItem) {
      throw tooComplex('itemValues', limits.maxValuesPerItem, { path: path.join('.') });
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw invalid([...path, ...(parsed.error.issues[0]!.path as Path)], issueDetail(parsed.error.issues[0]!));
  };
  records.forEach((record, index) => {
    const shell = revisions[index]!.length && typeof record === 'object' ? { ...record, revisions: [] } : record;
    check(BundleRecord, shell, ['records', index]);
    revisions[index]!.forEach((revision, at) => check(SignedRevision, revision, ['records', index, 'revisions', at]));
  });
  listed(json, 'attachments').forEach((attachment, index) => check(BundleAttachment, attachment, ['attachments', index]));
  listed(json, 'custody').forEach((line, index) => check(BundleCustodyEvent, line, ['custody', index]));
}

/** How many values (keys included) `value` holds, counting no further than just past `limit`. */
function valuesIn(value: unknown, limit: number): number {
  const stack = [value];
  let count = 0;
  while (stack.length && count <= limit) {
    const next = stack.pop();
    count++;
    if (typeof next !== 'object' || next === null) continue;
    for (const item of Array.isArray(next) ? next : Object.values(next)) {
      stack.push(item);
      if (!Array.isArray(next)) count++;
    }
  }
  return count;
}
