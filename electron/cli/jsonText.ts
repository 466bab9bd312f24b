/**
 * JSON from a file or stdin, or where it goes wrong: the line and column of
 * the first mistake, counted here from the parser's position (Node words its
 * message differently from version to version, and in English only), and
 * that line for a person to see (only for text that starts as JSON does,
 * never a secret given by mistake). Never reads files itself.
 */

/** The mistake's line, shown only for text that starts as JSON does (`excerpt` is then set). */
export type JsonText = { ok: true; value: unknown } | { ok: false; line: number; column: number; excerpt?: string };

/** How many characters of the mistake's line are shown, around it. */
const excerptWidth = 40;

/** Lines and columns from 1; a column counts characters (UTF-16 units), as editors do for Cyrillic and Kazakh. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(position, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

/**
 * Where JSON.parse stopped: "at position N" when Node says it, else
 * "(line L column C)", else (V8 words "Unexpected token" with a snippet and
 * no position) where a reading of the JSON grammar finds the first mistake.
 */
export function mistakeAt(text: string, message: string): { line: number; column: number } {
  const position = /at position (\d+)/.exec(message);
  if (position) return lineAndColumn(text, Number(position[1]));
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  return lineAndColumn(text, firstMistake(text));
}

const whitespace = new Set([' ', '\t', '\n', '\r']);
const escapes = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/** Thrown where the text stops being JSON. */
class Mistake {
  constructor(readonly at: number) {}
}

/** The index of the first character at which `text` stops being JSON (RFC 8259); its length when it ends too soon. */
export function firstMistake(text: string): number {
  let at = 0;
  const stop = (): never => {
    throw new Mistake(at);
  };
  const skip = () => {
    while (whitespace.has(text[at]!)) at += 1;
  };
  const expect = (char: string) => (text[at] === char ? (at += 1) : stop());
  const isDigit = () => text[at]! >= '0' && text[at]! <= '9';
  // At least one digit, else the mistake is here (as V8 says it: "-}" is wrong at the brace).
  const digits = () => {
    if (!isDigit()) stop();
    while (isDigit()) at += 1;
  };
  const number = () => {
    if (text[at] === '-') at += 1;
    if (text[at] === '0') at += 1;
    else digits();
    if (text[at] === '.') {
      at += 1;
      digits();
    }
    if (text[at] === 'e' || text[at] === 'E') {
      at += 1;
      if (text[at] === '+' || text[at] === '-') at += 1;
      digits();
    }
  };
  const string = () => {
    expect('"');
    for (;;) {
      const char = text[at];
      if (char === undefined || char < ' ') stop();
      at += 1;
      if (char === '"') return;
      if (char !== '\\') continue;
      if (escapes.has(text[at]!)) at += 1;
      else if (text[at] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) at += 5;
      else stop();
    }
  };
  // A container's items, each read by `item`, separated by commas, up to `close`.
  const items = (close: string, item: () => void) => {
    at += 1;
    skip();
    if (text[at] === close) return void (at += 1);
    for (;;) {
      item();
      skip();
      if (text[at] === ',') at += 1;
      else return void expect(close);
      skip();
    }
  };
  const value = (): void => {
    skip();
    const char = text[at];
    if (char === '{') {
      return items('}', () => {
        string();
        skip();
        expect(':');
        value();
      });
    }
    if (char === '[') return items(']', value);
    if (char === '"') return string();
    const word = ['true', 'false', 'null'].find((literal) => text.startsWith(literal, at));
    if (word) return void (at += word.length);
    if (char === '-' || isDigit()) return number();
    stop();
  };
  try {
    value();
    skip();
    return at < text.length ? at : text.length;
  } catch (error) {
    // Nesting deeper than the stack is said at the end: rare enough not to hunt for it.
    return error instanceof Mistake ? error.at : text.length;
  }
}

export function parseJsonText(given: string): JsonText {
  // A byte order mark (Windows Notepad writes one) is not a mistake of the person's.
  const text = given.startsWith('\uFEFF') ? given.slice(1) : given;
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const { line, column } = mistakeAt(text, (error as Error).message);
    // SECURITY: the file given may be no JSON at all but a secret (`--json passphrase.txt`): its text is
    // shown only when it starts as JSON does, and then at most 40 characters around the mistake.
    if (!/^\s*[[{]/.test(text)) return { ok: false, line, column };
    const shown = (text.split('\n')[line - 1] ?? '').replace(/\r$/, '');
    // The caret keeps the line's tabs so that it points at the mistake.
    const from = Math.max(0, column - 1 - excerptWidth / 2);
    const excerpt = `${shown.slice(from, from + excerptWidth)}\n${shown.slice(from, column - 1).replace(/[^\t]/g, ' ')}^`;
    return { ok: false, line, column, excerpt };
  }
}
