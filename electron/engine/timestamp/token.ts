/**
 * Checks an RFC 3161 TimeStampResp against the bytes it claims to stamp: the
 * authority granted it, its TSTInfo's message imprint is the hash of those
 * bytes, its CMS signature is by the certificate it carries, that
 * certificate is for time-stamping (RFC 3161, 2.3), its signed attributes
 * name a TSTInfo and that very certificate (signedAttributes.ts), and,
 * when the person supplies trust anchors, it chains to one of them, judged at the stamped
 * time. The same checks as `openssl ts -verify -data FILE -in RESPONSE
 * -CAfile ANCHORS`, made with pkijs.
 */
import { createHash } from 'node:crypto';
import * as pkijs from 'pkijs';
import { cryptoEngine, fromDer, isTimeStampingCertificate, nameText, readCertificates } from './pki';
import { namesSigningCertificate, signsTstInfo } from './signedAttributes';

/** What a valid proof of time says. */
export interface TimeStamp {
  /** When the authority says the bytes existed, ISO 8601 in UTC. */
  time: string;
  /** The authority's certificate subject, "CN=…, O=…". */
  authority: string;
  /** The token's serial number, hex, as the authority numbers them. */
  serial: string;
  /** The authority's policy OID. */
  policy: string;
  /** How far either side of `time` the authority vouches for it, in seconds (TSTInfo accuracy); absent when the token does not say. */
  accuracy?: number;
  /** Chains to a trust anchor the person supplied (true) or not (false); null when none were supplied. */
  anchored: boolean | null;
}

export type TimeStampProblem =
  /** Not a TimeStampResp, or not one this reader can take apart. */
  | 'malformed'
  /** The authority refused the request (its status is neither granted nor granted with modifications). */
  | 'notGranted'
  /** The token stamps other bytes. */
  | 'wrongData'
  /**
   * The signature does not check against the certificate the token carries, or there is none,
   * or its signed attributes do not name a TSTInfo and that certificate.
   */
  | 'signatureInvalid'
  /** The signer's certificate is not a time-stamping authority's. */
  | 'notAnAuthority';

export type TimeStampCheck = { ok: true; stamp: TimeStamp } | { ok: false; problem: TimeStampProblem };

const signedDataOid = '1.2.840.113549.1.7.2';
const tstInfoOid = '1.2.840.113549.1.9.16.1.4';
const hashes: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/**
 * Digests a signer may use: SHA-1 and MD5 no longer protect a signature
 * (pkijs would check one made with them).
 */
const signerDigests = new Set(Object.keys(hashes));
const weakSignatureAlgorithms = new Set([
  '1.2.840.113549.1.1.4', // md5WithRSAEncryption
  '1.2.840.113549.1.1.5', // sha1WithRSAEncryption
  '1.2.840.10045.4.1', // ecdsa-with-SHA1
  '1.2.840.10040.4.3', // dsa-with-sha1
]);
/**
 * The most certificates a token may carry for its chain to be built: an
 * authority sends its own and a few CA certificates, while pkijs builds every
 * path through those given, so that a token of many certificates sharing
 * names and keys would take forever (tens of seconds for 36 of them).
 */
const maxChainCertificates = 16;

const refused = (problem: TimeStampProblem): TimeStampCheck => ({ ok: false, problem });

interface Parsed {
  status: number;
  signedData: pkijs.SignedData | null;
  info: pkijs.TSTInfo | null;
}

function parse(response: Uint8Array): Parsed | null {
  const asn = fromDer(response);
  if (!asn) return null;
  try {
    const parsed = new pkijs.TimeStampResp({ schema: asn });
    const token = parsed.timeStampToken;
    if (!token) return { status: parsed.status.status, signedData: null, info: null };
    if (token.contentType !== signedDataOid) return null;
    const signedData = new pkijs.SignedData({ schema: token.content });
    const content = signedData.encapContentInfo;
    if (content.eContentType !== tstInfoOid || !content.eContent) return null;
    const info = pkijs.TSTInfo.fromBER(content.eContent.getValue());
    return { status: parsed.status.status, signedData, info };
  } catch {
    return null;
  }
}

/** The token's serial: an INTEGER, shown as hex without leading zeros. */
const serialHex = (info: pkijs.TSTInfo) => Buffer.from(info.serialNumber.valueBlock.valueHexView).toString('hex').replace(/^0+(?=.)/, '');

/**
 * The accuracy a TSTInfo states, in seconds; undefined when it states none,
 * null when it breaks RFC 3161's bounds (millis and micros 1..999; 0 taken).
 */
function accuracySeconds(info: pkijs.TSTInfo): number | undefined | null {
  if (!info.accuracy) return undefined;
  const { seconds = 0, millis = 0, micros = 0 } = info.accuracy;
  const whole = (value: number, most: number) => Number.isSafeInteger(value) && value >= 0 && value <= most;
  if (!whole(seconds, 2 ** 32) || !whole(millis, 999) || !whole(micros, 999)) return null;
  // In microseconds first, so that 1 s 5 ms reads 1.005, not 1.0050000000000001.
  return (seconds * 1_000_000 + millis * 1_000 + micros) / 1_000_000;
}

/** A response's TSTInfo, without checking anything else (request.ts matches it to a request); null when it has none that reads. */
export const readTstInfo = (response: Uint8Array): pkijs.TSTInfo | null => parse(response)?.info ?? null;

/** The hash a response's token stamps (its algorithm as Node names it), without checking anything else; null when it has none that reads. */
export function stampedDigest(response: Uint8Array): { algorithm: string; digest: Buffer } | null {
  const info = parse(response)?.info;
  const algorithm = info && hashes[info.messageImprint.hashAlgorithm.algorithmId];
  return info && algorithm ? { algorithm, digest: Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView) } : null;
}

/** Reads and checks `response` as a proof of time for `data`, against `anchors` when given. */
export async function checkTimeStamp(response: Uint8Array, data: Uint8Array, anchors?: readonly pkijs.Certificate[]): Promise<TimeStampCheck> {
  const parsed = parse(response);
  if (!parsed) return refused('malformed');
  // PKIStatus: granted (0) or grantedWithMods (1).
  if (parsed.status !== 0 && parsed.status !== 1) return refused('notGranted');
  const { signedData, info } = parsed;
  if (!signedData || !info) return refused('malformed');

  const algorithm = hashes[info.messageImprint.hashAlgorithm.algorithmId];
  if (!algorithm) return refused('wrongData');
  const expected = createHash(algorithm).update(data).digest();
  if (!expected.equals(Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView))) return refused('wrongData');

  if (signedData.signerInfos.length !== 1) return refused('signatureInvalid');
  const signer = signedData.signerInfos[0]!;
  if (!signerDigests.has(signer.digestAlgorithm.algorithmId) || weakSignatureAlgorithms.has(signer.signatureAlgorithm.algorithmId)) return refused('signatureInvalid');
  const dataBuffer = new Uint8Array(data).buffer;
  const signature = await signedData.verify({ signer: 0, data: dataBuffer, extendedMode: true }, cryptoEngine()).catch((error: unknown) => error as pkijs.SignedDataVerifyResult);
  if (!signature.signatureVerified || !signature.signerCertificate) return refused('signatureInvalid');
  const certificate = signature.signerCertificate;
  if (!isTimeStampingCertificate(certificate)) return refused('notAnAuthority');
  // SECURITY: the authority vouches, under its signature, that it signed a TSTInfo, and with which certificate
  // (RFC 3161 2.4.1): without this, another certificate of the same key — another name, another CA — could be shown.
  if (!signsTstInfo(signer) || !namesSigningCertificate(signer, certificate)) return refused('signatureInvalid');
  const accuracy = accuracySeconds(info);
  if (accuracy === null) return refused('malformed');

  let anchored: boolean | null = null;
  if (anchors && (signedData.certificates?.length ?? 0) > maxChainCertificates) anchored = false;
  else if (anchors) {
    const chain = await signedData
      .verify({ signer: 0, data: dataBuffer, checkChain: true, trustedCerts: [...anchors], extendedMode: true }, cryptoEngine())
      .catch((error: unknown) => error as pkijs.SignedDataVerifyResult);
    anchored = chain.signatureVerified === true;
  }

  return {
    ok: true,
    stamp: {
      time: info.genTime.toISOString(),
      authority: nameText(certificate.subject),
      serial: serialHex(info),
      policy: info.policy,
      ...(accuracy === undefined ? {} : { accuracy }),
      anchored,
    },
  };
}

/** The trust anchors of a PEM or DER file, or null when it holds no certificate that reads. */
export const readAnchors = readCertificates;
