/**
 * Building HTML safely: a tagged template that escapes every interpolated
 * value unless it is already `Html` built by this same template. Every piece
 * of the report goes through it, so user text (titles, statements, names,
 * file names) can never become markup. Must never offer a way to turn an
 * arbitrary string into `Html`.
 */

/** Markup built by `html`; the only thing that is inserted unescaped. */
export class Html {
  readonly #value: string;
  constructor(value: string, token: symbol) {
    // SECURITY: only this module holds the token, so no caller can wrap raw user text as Html.
    if (token !== mint) throw new Error('Html is built with the html template only');
    this.#value = value;
  }
  toString(): string {
    return this.#value;
  }
}

const mint = Symbol('html');

export type HtmlPart = Html | string | number | null | undefined | false | readonly HtmlPart[];

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as it must appear in HTML text or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => entities[ch]!);
}

function render(part: HtmlPart): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.toString();
  if (Array.isArray(part)) return part.map(render).join('');
  // SECURITY: everything that is not Html is text, escaped.
  return escapeHtml(String(part));
}

/** html`<p>${userText}</p>`: interpolations are escaped; arrays are joined; null, undefined and false vanish. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlPart[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new Html(out, mint);
}

/** Joins parts with a separator (itself escaped text or Html). */
export function join(parts: readonly HtmlPart[], separator: HtmlPart): Html {
  return html`${parts.flatMap((part, index) => (index === 0 ? [part] : [separator, part]))}`;
}

/** The document's style sheet as a <style> element. */
export function styleElement(css: string): Html {
  // SECURITY: raw text can end a <style> element only with "</style"; a sheet with any "<" is refused.
  if (css.includes('<')) throw new Error('A style sheet must not contain "<"');
  return new Html(`<style>${css}</style>`, mint);
}

/**
 * A CSS string literal for `content:` in the style sheet. Everything but
 * plain ASCII letters, digits and a few punctuation marks is written as a
 * CSS escape, so no text can end the string, the rule or the <style> element.
 */
export function cssString(text: string): string {
  // SECURITY: escapes quotes, backslashes, "<" and every non-ASCII character.
  const body = [...text].map((ch) => (/[A-Za-z0-9 _.,:-]/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `)).join('');
  return `"${body}"`;
}
