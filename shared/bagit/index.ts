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
 * The OpenSSL checks of a proof of time (the time and authority it names,
 * then the check against the authority's CA certificate): one line each, so
 * that the same text runs in sh, cmd and PowerShell.
 */
const timeStampCheck = `openssl ts -reply -in tagmanifest-sha256.txt.tsr -text
openssl ts -verify -data tagmanifest-sha256.txt -in tagmanifest-sha256.txt.tsr -CAfile AUTHORITY-CA.pem`;
const countersignatureCheck = 'openssl cms -verify -binary -inform DER -in tagmanifest-sha256.txt.p7s -content tagmanifest-sha256.txt -CAfile CENTRE-CA.pem -purpose any';

/**
 * The standard-tools check of docs/spec/bundle-format.md, word for word, run from
 * inside the unpacked bag: for VERIFY.txt, the report's "how to verify" and
 * the lawyer guide. `powershell` is the same check for Windows PowerShell 5.1
 * and PowerShell 7, which have no sha256sum, printf, cut or `<`.
 */
export const standardToolsCheck = {
  manifests: 'sha256sum -c tagmanifest-sha256.txt && sha256sum -c manifest-sha256.txt',
  fingerprint: 'ssh-keygen -lf signer.pub',
  signature: `printf '%s %s\\n' signer "$(cut -d' ' -f1,2 signer.pub)" > allowed_signers
ssh-keygen -Y verify -f allowed_signers -I signer -n dalel-bundle \\
  -s tagmanifest-sha256.txt.sig < tagmanifest-sha256.txt`,
  /** Where the bag carries a proof of time. */
  timeStamp: timeStampCheck,
  /** Where the bag carries a lawyer's countersignature: prints "Verification successful". */
  countersignature: `${countersignatureCheck} -out /dev/null`,
  powershell: {
    /** First: `ssh-keygen -Y verify` needs OpenSSH 8.1 or newer, and Windows 10's own client is 7.7 on older builds. */
    version: 'ssh -V',
    /**
     * `sha256sum -c` of both manifests. UTF-8 named, since Windows
     * PowerShell 5.1 otherwise reads the ANSI code page; a line splits at its
     * first run of spaces, as RFC 8493 writes it; `-eq` ignores letter case
     * (Get-FileHash prints upper-case hex).
     */
    // SECURITY: a listed path that is absolute or holds a drive, a backslash or ".." is FAILED unread: on Windows, opening "\\server\x" connects to that server.
    manifests: `$failed = 0
foreach ($manifest in 'tagmanifest-sha256.txt', 'manifest-sha256.txt') {
  foreach ($line in Get-Content -Encoding UTF8 -LiteralPath $manifest) {
    $hash, $path = $line -split ' +', 2
    # Only a file inside this folder: no drive, network (\\\\server), absolute or ".." path.
    $inside = $path -and $path -notmatch '^/|\\\\|:|(^|/)\\.\\.(/|$)'
    if ($inside -and (Test-Path -LiteralPath $path -PathType Leaf) -and (Get-FileHash -Algorithm SHA256 -LiteralPath $path).Hash -eq $hash) { "\${path}: OK" } else { "\${path}: FAILED"; $failed++ }
  }
}
"Failures: $failed"`,
    fingerprint: 'ssh-keygen -lf signer.pub',
    /**
     * allowed_signers as exactly "signer <type> <base64>" and LF, no BOM.
     * The tag manifest reaches ssh-keygen through cmd's `<`, which hands
     * over the file's bytes unchanged. Never a PowerShell pipe: Windows
     * PowerShell 5.1 re-encodes piped text and ends its lines with CRLF, so
     * a good signature fails (PowerShell/Win32-OpenSSH#2300).
     */
    signature: `$key = (Get-Content -LiteralPath signer.pub).Split(' ')[0..1] -join ' '
Set-Content -LiteralPath allowed_signers -Encoding ascii -NoNewline -Value "signer $key\`n"
# Through cmd's "<", which passes the file's bytes unchanged: a PowerShell pipe would change them and the signature would fail.
cmd /c 'ssh-keygen -Y verify -f allowed_signers -I signer -n dalel-bundle -s tagmanifest-sha256.txt.sig < tagmanifest-sha256.txt'`,
    /** OpenSSL for the two checks below, from Git for Windows, after Windows' own programs on this window's PATH. */
    openssl: `$env:Path += ';C:\\Program Files\\Git\\usr\\bin'`,
    timeStamp: timeStampCheck,
    // The signed content on standard output is not wanted; "Verification successful" goes to the error stream and shows.
    countersignature: `${countersignatureCheck} > $null`,
  },
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
