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

/** Every string in a value, however deep. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsIn);
  return [];
}

/** The phone numbers in a text, each as its last ten digits ("8 701…", "+7 (701) …" and "7701…" alike). */
function phonesIn(text: string): string[] {
  return (text.match(/\+?\d[\d\s().-]{5,}\d/g) ?? []).map((phone) => phone.replace(/\D/g, '')).filter((digits) => digits.length >= 7).map((digits) => digits.slice(-10));
}

/**
 * What of a withheld value may show in text: the value itself, each part of
 * a contact ("@handle, +7…"), each word of a name of four letters or more
 * (a first name alone identifies in a small town), and phone numbers by
 * their digits.
 */
function needles(value: string): { words: string[]; phones: string[] } {
  const parts = value.split(/[,;]/).map((part) => part.trim()).filter((part) => part.length >= 3);
  const words = value.split(/[\s,;]+/).filter((word) => /\p{L}{4,}/u.test(word) && !/\d/.test(word));
  return { words: [...new Set([value, ...parts, ...words].map((text) => text.toLocaleLowerCase()))], phones: phonesIn(value) };
}

/** Text prepared once for many searches: lower case, and its phone numbers by digits. */
interface Haystack {
  text: string;
  phones: Set<string>;
}
const haystack = (texts: readonly string[]): Haystack => ({ text: texts.join('\n').toLocaleLowerCase(), phones: new Set(texts.flatMap(phonesIn)) });
const holds = (where: Haystack, value: ReturnType<typeof needles>) =>
  value.words.some((word) => where.text.includes(word)) || value.phones.some((phone) => where.phones.has(phone));

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
  const needlesOf = secrets.map((secret) => needles(secret.value));
  const namesInText: TextWarning<R>[] = [];
  const flag = (record: R, where: TextWarning<R>['where'], texts: readonly string[]) => {
    const hay = haystack(texts);
    secrets.forEach((secret, index) => holds(hay, needlesOf[index]!) && namesInText.push({ record, ...secret, where }));
  };
  for (const record of redacted.records) flag(record, 'text', stringsIn(record.data));
  const byId = new Map(redacted.records.map((record) => [record.recordId, record]));
  for (const file of redacted.files) {
    const record = byId.get(file.recordId);
    if (record) flag(record, 'fileName', [file.originalName, file.description ?? '']);
  }
  return { onlyWithheldSupport, namesInText };
}
