/**
 * Small building blocks every section of the report shares: a list of
 * labelled fields that leaves out what is not there (so a redacted or missing
 * field never reads "undefined"), free text kept as written, short ids.
 */
import { html, type Html, type HtmlPart } from './html';

export type Field = readonly [label: string, value: HtmlPart];

function isEmpty(value: HtmlPart): boolean {
  if (value === null || value === undefined || value === false) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every(isEmpty);
  return false;
}

/** A definition list of the fields that have a value; nothing when none has. */
export function fieldList(fields: readonly Field[]): Html {
  const present = fields.filter(([, value]) => !isEmpty(value));
  if (present.length === 0) return html``;
  return html`<dl class="fields">${present.map(([name, value]) => html`<div><dt>${name}</dt><dd>${value}</dd></div>`)}</dl>`;
}

/** Free text as its author wrote it: line breaks kept, direction from its own script. */
export function userText(text: string | undefined): Html | null {
  if (!text?.trim()) return null;
  return html`<div class="text" dir="auto">${text}</div>`;
}

/** An inline piece of user text, isolated so that an Arabic name cannot reorder the line around it. */
export function bdi(text: string | undefined): Html | null {
  if (!text?.trim()) return null;
  return html`<bdi>${text}</bdi>`;
}

/** Inline items separated by the language's separator, each isolated. */
export function inlineList(items: readonly string[], separator: string): Html | null {
  const kept = items.filter((item) => item.trim());
  if (kept.length === 0) return null;
  return html`${kept.map((item, index) => html`${index > 0 ? separator : ''}<bdi>${item}</bdi>`)}`;
}

export function mono(text: string | undefined, cls = 'mono'): Html | null {
  if (!text) return null;
  return html`<span class="${cls}">${text}</span>`;
}

/** The first 8 characters of an id, enough to find it in bundle.json. */
export function shortId(id: string | undefined, length = 8): string {
  return id ? id.slice(0, length) : '';
}
