/**
 * How a leak test searches bytes for a string: every way it could sit in a
 * file unencrypted (UTF-8, UTF-16, and base64 at each of the three alignments).
 */
export function encodings(text: string): Buffer[] {
  const forms = [Buffer.from(text), Buffer.from(text, 'utf16le')];
  for (const pad of ['', 'x', 'xx']) {
    const base64 = Buffer.from(pad + text).toString('base64');
    forms.push(Buffer.from(base64.slice(pad ? 4 : 0, -4)));
  }
  return forms.filter((form) => form.length >= 6);
}
