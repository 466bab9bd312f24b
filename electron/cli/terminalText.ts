/**
 * Text from other people (records, bundles, other archives) made safe to
 * print on a terminal: every character that a terminal would act on rather
 * than show is shown as its escape instead. It never drops or reorders what
 * it was given, so what a person reads is still what the archive holds.
 */

// SECURITY: C0 and C1 controls (ESC, BEL, CR, tab and newline too), format characters (bidi overrides,
// zero-width) and the line and paragraph separators could erase, forge or reorder what a person reads
// (a provenance line) or reach past the screen (OSC 52 sets the clipboard): each is shown as \uXXXX.
const unsafe = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

export const printable = (text: string): string =>
  text.replace(unsafe, (char) => {
    const code = char.codePointAt(0)!.toString(16).padStart(4, '0');
    return code.length > 4 ? `\\u{${code}}` : `\\u${code}`;
  });
