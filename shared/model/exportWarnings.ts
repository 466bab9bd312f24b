/**
 * What could still identify someone after a profile's redaction, for the
 * export preview to flag before anything leaves (issue 15, "Before anything
 * leaves"): an incident or effect whose every cited source stays out rests
 * on a withheld testimony and can point to it; and free text that travels
 * (titles, summaries, descriptions, statements, file names) can hold the
 * very name, phone or address the profile withholds. Nothing is changed
 * here: the person reads the warning and edits the record if they wish.
 */
import type { PolicyFile, PolicyRecord, Redacted } from './exportPolicy';

export interface TextWarning<R> {
  /** The record that carries the text. */
  record: R;
  /** The withheld value found, and the source whose person it belongs to. */
  value: string;
  source: R;
  /** Where: a field of the record, or an evidence file's name or description. */
  where: 'text' | 'fileName';
}

export interface ExportWarnings<R> {
  onlyWithheldSupport: R[];
  namesInText: TextWarning<R>[];
}

const identifying = ['name', 'contact', 'address'] as const;
const sourcesOf = (data: Record<string, unknown> | null): string[] => (Array.isArray(data?.sources) ? (data.sources as string[]) : []);
const digits = (text: string) => text.replace(/\D/g, '');

/** Every string in a value, however deep. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsIn);
  return [];
}

/** Whether `text` holds `value`: letters case-insensitively, a phone number by its digits whatever the spacing. */
function holds(text: string, value: string): boolean {
  if (text.toLocaleLowerCase().includes(value.toLocaleLowerCase())) return true;
  const number = digits(value);
  return number.length >= 6 && number.length >= value.replace(/\s/g, '').length - 3 && digits(text).includes(number);
}

export function exportWarnings<R extends PolicyRecord, F extends PolicyFile & { originalName: string; description?: string }>(
  selected: readonly R[],
  redacted: Redacted<R, F>,
): ExportWarnings<R> {
  const withheld = new Set(redacted.sourcesWithheld.map((record) => record.recordId));
  const original = new Map(selected.map((record) => [record.recordId, record]));
  const onlyWithheldSupport = redacted.records.filter((record) => {
    const cited = sourcesOf(original.get(record.recordId)?.data ?? null);
    return record.type !== 'source' && cited.length > 0 && cited.every((id) => withheld.has(id));
  });

  // The identifying values the profile keeps back, with whose they are.
  const secrets: { value: string; source: R }[] = [];
  for (const source of [...redacted.sourcesWithheld, ...redacted.pseudonymized]) {
    const person = (source.data?.person ?? {}) as Record<string, unknown>;
    for (const field of identifying) {
      const value = typeof person[field] === 'string' ? (person[field] as string).trim() : '';
      if (value.length >= 3) secrets.push({ value, source });
    }
  }
  const namesInText: TextWarning<R>[] = [];
  for (const record of redacted.records) {
    const texts = stringsIn(record.data);
    for (const secret of secrets) if (texts.some((text) => holds(text, secret.value))) namesInText.push({ record, ...secret, where: 'text' });
  }
  for (const file of redacted.files) {
    const record = redacted.records.find((candidate) => candidate.recordId === file.recordId);
    if (!record) continue;
    const texts = [file.originalName, file.description ?? ''];
    for (const secret of secrets) if (texts.some((text) => holds(text, secret.value))) namesInText.push({ record, ...secret, where: 'fileName' });
  }
  return { onlyWithheldSupport, namesInText };
}
