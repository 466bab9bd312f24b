/**
 * The worked examples of docs/spec/cli.md ("Records as JSON"): its
 * ```json TYPE blocks, parsed, by record type. For tests only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type DocExamples = Record<'incident' | 'effect' | 'source' | 'intervention', Record<string, unknown>>;

export function docExamples(): DocExamples {
  const doc = readFileSync(join(import.meta.dirname, '../../../docs/spec/cli.md'), 'utf8');
  const blocks = [...doc.matchAll(/^```json (incident|effect|source|intervention)\n([\s\S]*?)^```$/gm)];
  return Object.fromEntries(blocks.map(([, type, text]) => [type, JSON.parse(text!)])) as DocExamples;
}
