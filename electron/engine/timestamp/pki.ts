/**
 * X.509 for proofs of time (and, later, countersignatures): certificates read
 * with pkijs, a maintained implementation of the ASN.1 structures of RFC 5280
 * and RFC 5652, over Node's WebCrypto. Nothing here parses ASN.1 by hand.
 */
import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

let engine: pkijs.ICryptoEngine | null = null;

/** pkijs's crypto engine on Node's WebCrypto, made once. */
export function cryptoEngine(): pkijs.ICryptoEngine {
  engine ??= new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto });
  return engine;
}

/**
 * The ASN.1 object of DER bytes, or null when they are not exactly one.
 * Hostile bytes (nesting deep enough to exhaust the stack among them) are
 * null too, never an exception.
 */
export function fromDer(bytes: Uint8Array): asn1js.AsnType | null {
  const view = new Uint8Array(bytes).buffer;
  try {
    const parsed = asn1js.fromBER(view);
    if (parsed.offset === -1 || parsed.offset !== view.byteLength) return null;
    return parsed.result;
  } catch {
    return null;
  }
}

const pemBlock = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+?)-----END CERTIFICATE-----/g;

/**
 * The certificates of a file of trust anchors: PEM (one or many, as
 * `openssl ts -verify -CAfile` takes them) or one DER certificate. Null when
 * the file holds none, or one that does not read.
 */
export function readCertificates(bytes: Uint8Array): pkijs.Certificate[] | null {
  const text = Buffer.from(bytes).toString('latin1');
  const blocks = [...text.matchAll(pemBlock)].map((match) => Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64'));
  const ders = blocks.length > 0 ? blocks : text.includes('-----BEGIN') ? [] : [Buffer.from(bytes)];
  if (ders.length === 0) return null;
  const certificates: pkijs.Certificate[] = [];
  for (const der of ders) {
    const asn = fromDer(der);
    if (!asn) return null;
    try {
      certificates.push(new pkijs.Certificate({ schema: asn }));
    } catch {
      return null;
    }
  }
  return certificates;
}

/** Short names of the attributes a subject is shown by, as RFC 4514 names them (and NCA's certificates use). */
const attributeNames: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.42': 'G',
  '2.5.4.97': 'organizationIdentifier',
  '1.2.840.113549.1.9.1': 'E',
};

/** A distinguished name as one line, most specific first: "CN=…, O=…, C=KZ". */
export function nameText(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((pair) => `${attributeNames[pair.type] ?? pair.type}=${String((pair.value.valueBlock as { value?: unknown }).value ?? '')}`)
    .join(', ');
}

const extendedKeyUsageOid = '2.5.29.37';
export const timeStampingPurpose = '1.3.6.1.5.5.7.3.8';

/** The certificate's extended key usages, or null when it has no such extension. */
export function extendedKeyUsages(certificate: pkijs.Certificate): string[] | null {
  const extension = certificate.extensions?.find((candidate) => candidate.extnID === extendedKeyUsageOid);
  if (!extension) return null;
  const parsed = extension.parsedValue as pkijs.ExtKeyUsage | undefined;
  return parsed?.keyPurposes ?? [];
}

const keyUsageOid = '2.5.29.15';

/**
 * A certificate for time-stamping as RFC 3161, 2.3 requires and OpenSSL
 * checks (X509_PURPOSE_TIMESTAMP_SIGN): an extended key usage that is
 * critical and names time-stamping alone, and a key usage, if any, of
 * digitalSignature and/or nonRepudiation only.
 */
export function isTimeStampingCertificate(certificate: pkijs.Certificate): boolean {
  const extension = certificate.extensions?.find((candidate) => candidate.extnID === extendedKeyUsageOid);
  const purposes = extendedKeyUsages(certificate);
  if (!extension?.critical || purposes?.length !== 1 || purposes[0] !== timeStampingPurpose) return false;
  const usage = certificate.extensions?.find((candidate) => candidate.extnID === keyUsageOid);
  if (!usage) return true;
  const bits = (usage.parsedValue as { valueBlock?: { valueHexView?: Uint8Array } } | undefined)?.valueBlock?.valueHexView;
  if (!bits || bits.length === 0) return false;
  // digitalSignature (0x80) and nonRepudiation (0x40) of the first byte, and nothing else.
  return (bits[0]! & 0xc0) !== 0 && (bits[0]! & 0x3f) === 0 && bits.subarray(1).every((byte) => byte === 0);
}

export const certificateDer = (certificate: pkijs.Certificate) => Buffer.from(certificate.toSchema(true).toBER(false));
