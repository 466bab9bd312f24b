/**
 * Reads a list of trusted signers: an OpenSSH `allowed_signers` file
 * ("principals [options] keytype base64 [comment]", ssh-keygen(1)) or plain
 * public key lines ("ssh-ed25519 AAAA... name"), one per line, `#` comments.
 * Only Ed25519 keys can sign a bundle; other lines (other key types,
 * `cert-authority` keys, lines that do not parse) are left out, which can
 * only make a signer look untrusted, never the reverse.
 */
import type { TrustedKey } from '../../../shared/bagit';
import { parsePublicKeyLine } from '../sshsig';

const isKeyType = (token: string | undefined) => token !== undefined && /^(ssh-|ecdsa-|sk-)/.test(token);

/** Splits on whitespace outside double quotes (an option's value may hold spaces). */
function tokens(line: string): string[] {
  return line.match(/(?:"[^"]*"|[^\s"])+/g) ?? [];
}

/** `namespaces="a,b",cert-authority` → ["namespaces", "a,b"], ["cert-authority", ""]. */
function options(text: string): [string, string][] {
  return (text.match(/(?:"[^"]*"|[^,"])+/g) ?? []).map((option) => {
    const equals = option.indexOf('=');
    if (equals < 0) return [option.toLowerCase(), ''];
    return [option.slice(0, equals).toLowerCase(), option.slice(equals + 1).replace(/^"|"$/g, '')];
  });
}

function parseLine(line: string): TrustedKey | null {
  const parts = tokens(line);
  let name: string | null = null;
  let rest = parts;
  let namespaces: string[] | undefined;
  if (!isKeyType(parts[0])) {
    name = parts[0]!.replace(/"/g, '');
    rest = parts.slice(1);
    if (!isKeyType(rest[0])) {
      for (const [option, value] of options(rest[0] ?? '')) {
        if (option === 'cert-authority') return null;
        if (option === 'namespaces') namespaces = value.split(',').map((namespace) => namespace.trim());
      }
      rest = rest.slice(1);
    }
  }
  const [type, base64, ...comment] = rest;
  if (!type || !base64) return null;
  const key = parsePublicKeyLine(`${type} ${base64}`);
  if (!key.ok) return null;
  return {
    name: name ?? (comment.join(' ') || key.value.fingerprint),
    fingerprint: key.value.fingerprint,
    publicKey: key.value.line,
    ...(namespaces ? { namespaces } : {}),
  };
}

export function parseTrustedKeys(text: string): TrustedKey[] {
  const keys: TrustedKey[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const key = parseLine(line);
    if (key) keys.push(key);
  }
  return keys;
}

/** OpenSSH pattern-list semantics: `*` and `?` wildcards, and a `!`-negated pattern that matches vetoes. */
function matchesPatternList(value: string, patterns: readonly string[]): boolean {
  let matched = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    const body = negated ? pattern.slice(1) : pattern;
    const escaped = body.replace(/[.+^$()|[\]{}\\]/g, '\\$&');
    const regex = new RegExp(`^${escaped.replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    if (!regex.test(value)) continue;
    if (negated) return false;
    matched = true;
  }
  return matched;
}

/** The name the receiver trusts this key under in `namespace`, or null. */
export function trustedName(keys: readonly TrustedKey[], fingerprint: string, namespace: string): string | null {
  const match = keys.find((key) => key.fingerprint === fingerprint && (!key.namespaces || matchesPatternList(namespace, key.namespaces)));
  return match ? match.name : null;
}
