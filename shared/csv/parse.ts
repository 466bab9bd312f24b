/**
 * Reads a CSV file's text (RFC 4180, as spreadsheets save it: comma
 * separated, quoted cells with doubled quotes and line breaks, CRLF or LF
 * line ends, an optional byte order mark) into rows keyed by the header.
 * Pure; answers with a problem instead of throwing, and never guesses at a
 * broken quote.
 */

export type CsvRead = { ok: true; header: string[]; rows: Record<string, string>[] } | { ok: false; error: 'unterminatedQuote' | 'emptyFile' };

/** The cells of every record, blank lines left out. */
function records(text: string): string[][] | null {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endRecord = () => {
    row.push(cell);
    if (row.some((value) => value !== '')) rows.push(row);
    row = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else cell += ch;
  }
  if (quoted) return null;
  if (cell !== '' || row.length) endRecord();
  return rows;
}

export function readCsv(text: string): CsvRead {
  const rows = records(text.replace(/^\uFEFF/, ''));
  if (!rows) return { ok: false, error: 'unterminatedQuote' };
  const [header, ...body] = rows;
  if (!header) return { ok: false, error: 'emptyFile' };
  const names = header.map((name) => name.trim());
  return { ok: true, header: names, rows: body.map((cells) => Object.fromEntries(names.map((name, index) => [name, cells[index] ?? '']))) };
}
