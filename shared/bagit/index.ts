/**
 * BagIt 1.0 (RFC 8493) tag files as text: `bagit.txt`, `bag-info.txt` and
 * the `<hex>  <path>` manifests, read and written. Pure: the caller decodes
 * bytes as UTF-8 and does all hashing and file access. Readers take
 * untrusted text and never throw: they return `{ ok: true, value }` or
 * `{ ok: false, error, line }` (1-based). Writers take our own values and
 * throw only on a programming error (a label no reader could read back).
 */
export * from './verifyReport';

export const bagitVersion = '1.0';

/**
 * The standard-tools check of docs/spec/bundle-format.md, word for word, run from
 * inside the unpacked bag: for VERIFY.txt and the report's "how to verify".
 */
export const standardToolsCheck = {
  manifests: 'sha256sum -c tagmanifest-sha256.txt && sha256sum -c manifest-sha256.txt',
  fingerprint: 'ssh-keygen -lf signer.pub',
  signature: `printf '%s %s\\n' signer "$(cut -d' ' -f1,2 signer.pub)" > allowed_signers
ssh-keygen -Y verify -f allowed_signers -I signer -n dalel-bundle \\
  -s tagmanifest-sha256.txt.sig < tagmanifest-sha256.txt`,
  /** Where the bag carries a proof of time: the time and authority it names, then the check against the authority's CA certificate. */
  timeStamp: `openssl ts -reply -in tagmanifest-sha256.txt.tsr -text
openssl ts -verify -data tagmanifest-sha256.txt -in tagmanifest-sha256.txt.tsr \\
  -CAfile AUTHORITY-CA.pem`,
} as const;

/** The whole of `bagit.txt` as we write it. */
export const bagitDeclaration = `BagIt-Version: ${bagitVersion}\nTag-File-Character-Encoding: UTF-8\n`;

export type BagitTextError = 'byteOrderMark' | 'malformedLine' | 'duplicatePath' | 'notADeclaration';

export type BagitTextResult<T> = { ok: true; value: T } | { ok: false; error: BagitTextError; line: number };

export interface ManifestEntry {
  /** Lower-case hex. */
  sha256: string;
  /** Relative to the bag, e.g. "data/bundle.json", percent-decoding undone. */
  path: string;
}

// RFC 8493 §2.1.1-2.2.2: LF, CR or CRLF end a line, whatever the platform.
const splitLines = (text: string) => text.split(/\r\n|\r|\n/);

/**
 * RFC 8493 §2.1.3: in manifests, CR, LF and "%" in a path (and only those) are
 * percent-encoded, so that one line is one file.
 */
export function encodeBagPath(path: string): string {
  return path.replace(/[%\r\n]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export function decodeBagPath(encoded: string): string {
  return encoded.replace(/%(25|0a|0d)/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** "<sha256>  <path>\n" per file, in the order given (two spaces, as `sha256sum` writes and `sha256sum -c` reads). */
export function writeManifest(entries: readonly { readonly sha256: string; readonly path: string }[]): string {
  return entries
    .map((entry) => {
      if (!/^[0-9a-f]{64}$/.test(entry.sha256)) throw new Error(`not a lower-case sha256: ${entry.sha256}`);
      return `${entry.sha256}  ${encodeBagPath(entry.path)}\n`;
    })
    .join('');
}

/** Reads a sha256 manifest. Blank lines are skipped; a path listed twice is an error (which line would count?). */
export function parseManifest(text: string): BagitTextResult<ManifestEntry[]> {
  const entries: ManifestEntry[] = [];
  const seen = new Set<string>();
  const lines = splitLines(text);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    const match = /^([0-9a-fA-F]{64})[ \t]+(\S.*)$/.exec(line);
    if (!match) return { ok: false, error: 'malformedLine', line: index + 1 };
    const path = decodeBagPath(match[2]!);
    if (seen.has(path)) return { ok: false, error: 'duplicatePath', line: index + 1 };
    seen.add(path);
    entries.push({ sha256: match[1]!.toLowerCase(), path });
  }
  return { ok: true, value: entries };
}

const labelPattern = /^[^:\s\r\n](?:[^:\r\n]*[^:\s\r\n])?$/;

/**
 * `bag-info.txt`: "Label: value" per line, in the order given. A line break
 * inside a value becomes a continuation line (indented), which reads back
 * as a single space.
 */
export function writeBagInfo(fields: readonly (readonly [string, string])[]): string {
  return fields
    .map(([label, value]) => {
      if (!labelPattern.test(label)) throw new Error(`not a bag-info label: ${JSON.stringify(label)}`);
      const [first, ...rest] = splitLines(value).map((part) => part.trim());
      return `${label}: ${[first, ...rest.filter((part) => part !== '').map((part) => `  ${part}`)].join('\n')}\n`;
    })
    .join('');
}

/**
 * Reads "Label: value" lines, with continuation lines (starting with a space
 * or tab) joined to the value by one space. Labels may repeat (RFC 8493
 * §2.2.2); the caller decides which must not.
 */
export function parseBagInfo(text: string): BagitTextResult<[string, string][]> {
  const fields: [string, string][] = [];
  // Each value's pieces, joined once at the end: joining line by line would take time quadratic in its length.
  const pieces: string[][] = [];
  const lines = splitLines(text);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line === '' && lines.slice(index).every((rest) => rest === '')) break;
    const continuation = /^[ \t]+(\S.*)$/.exec(line);
    if (continuation) {
      if (!pieces.length) return { ok: false, error: 'malformedLine', line: index + 1 };
      pieces[pieces.length - 1]!.push(continuation[1]!.trimEnd());
      continue;
    }
    const colon = line.indexOf(':');
    const label = colon > 0 ? line.slice(0, colon) : '';
    if (!labelPattern.test(label)) return { ok: false, error: 'malformedLine', line: index + 1 };
    fields.push([label, '']);
    pieces.push([line.slice(colon + 1).trim()]);
  }
  fields.forEach((field, index) => (field[1] = pieces[index]!.join(' ').trim()));
  return { ok: true, value: fields };
}

/** The value of a label (compared without case), or null; `repeated` when it appears more than once. */
export function bagInfoValue(fields: readonly (readonly [string, string])[], label: string): string | null | 'repeated' {
  const values = fields.filter(([name]) => name.toLowerCase() === label.toLowerCase());
  if (values.length > 1) return 'repeated';
  return values[0]?.[1] ?? null;
}

/** `bagit.txt`: exactly "BagIt-Version" then "Tag-File-Character-Encoding", and no byte order mark (RFC 8493 §2.1.1). */
export function parseBagitDeclaration(text: string): BagitTextResult<{ version: string; encoding: string }> {
  if (text.startsWith('\uFEFF')) return { ok: false, error: 'byteOrderMark', line: 1 };
  const parsed = parseBagInfo(text);
  if (!parsed.ok) return parsed;
  const [version, encoding, ...rest] = parsed.value;
  if (!version || version[0] !== 'BagIt-Version') return { ok: false, error: 'notADeclaration', line: 1 };
  if (!encoding || encoding[0] !== 'Tag-File-Character-Encoding') return { ok: false, error: 'notADeclaration', line: 2 };
  if (rest.length > 0) return { ok: false, error: 'notADeclaration', line: 3 };
  return { ok: true, value: { version: version[1], encoding: encoding[1] } };
}

/** "Payload-Oxum: <octets>.<files>" of the payload. */
export function formatPayloadOxum(bytes: number, files: number): string {
  return `${bytes}.${files}`;
}

export function parsePayloadOxum(value: string): { bytes: number; files: number } | null {
  const match = /^(\d{1,16})\.(\d{1,16})$/.exec(value);
  if (!match) return null;
  const bytes = Number(match[1]);
  const files = Number(match[2]);
  return Number.isSafeInteger(bytes) && Number.isSafeInteger(files) ? { bytes, files } : null;
}
