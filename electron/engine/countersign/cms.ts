/**
 * A lawyer's countersignature over a bundle's tag manifest: a detached CMS
 * SignedData (RFC 5652) by an X.509 certificate, the form a qualified
 * electronic signature takes and `openssl cms -verify -binary -content FILE`
 * checks. Made and read with pkijs.
 *
 * Made: SHA-256, RSASSA-PKCS1-v1_5, the signer's certificate and the chain
 * in the file carried, and the signed attributes contentType (data),
 * messageDigest and signingTime (the signer's clock: a claim, which a proof
 * of time can bound).
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { cryptoEngine, fromDer, nameText } from '../timestamp/pki';
import type { SigningIdentity } from './pkcs12';

const oids = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  sha256: '2.16.840.1.101.3.4.2.1',
};

/** A detached CMS signature of `data` by `identity`, DER. */
export async function signDetached(data: Uint8Array, identity: SigningIdentity, at = new Date()): Promise<Buffer> {
  const digest = createHash('sha256').update(data).digest();
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: oids.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: identity.certificate.issuer, serialNumber: identity.certificate.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({ type: oids.contentType, values: [new asn1js.ObjectIdentifier({ value: oids.data })] }),
            new pkijs.Attribute({ type: oids.messageDigest, values: [new asn1js.OctetString({ valueHex: new Uint8Array(digest).buffer })] }),
            new pkijs.Attribute({ type: oids.signingTime, values: [new asn1js.UTCTime({ valueDate: at })] }),
          ],
        }),
      }),
    ],
    certificates: [identity.certificate, ...identity.chain],
  });
  await signedData.sign(identity.privateKey, 0, 'SHA-256', undefined, cryptoEngine());
  const content = new pkijs.ContentInfo({ contentType: oids.signedData, content: signedData.toSchema(true) });
  return Buffer.from(content.toSchema().toBER(false));
}

/** What a countersignature that checks says of its signer. */
export interface Countersignature {
  /** The certificate's subject, "CN=…, SERIALNUMBER=IIN…, C=KZ". */
  subject: string;
  /** The person's individual identification number (ИИН), as Kazakhstan's NCA writes it in the subject (SERIALNUMBER=IIN…); null when none. */
  iin: string | null;
  /** The organization's business identification number (БИН), from OU=BIN… or organizationIdentifier; null when none. */
  bin: string | null;
  issuer: string;
  /** The certificate's serial number, hex. */
  serial: string;
  /** The signer's claimed signing time, ISO 8601 UTC; null when the signature does not say. */
  signingTime: string | null;
  /** The certificate's validity: notBefore and notAfter, ISO 8601 UTC. */
  validFrom: string;
  validTo: string;
  /** Whether the claimed signing time falls within the certificate's validity (null: no time claimed). */
  validAtSigning: boolean | null;
  /** Chains to a trust anchor the person supplied (true) or not; null when none were supplied. */
  anchored: boolean | null;
}

/**
 * `unsupported`: made with an algorithm this check cannot compute (GOST R 34.10-2015 above all, the other kind of
 * key NCA issues): whether it holds is not known here, which is neither "valid" nor "changed".
 */
export type CountersignatureProblem = 'malformed' | 'signatureInvalid' | 'unsupported';
export type CountersignatureCheck = { ok: true; countersignature: Countersignature } | { ok: false; problem: CountersignatureProblem };

/** At most this many certificates are tried when building a chain (a hostile file could hold thousands). */
const maxCertificates = 16;
const weakDigests = new Set(['1.3.14.3.2.26', '1.2.840.113549.2.5']);
/** The digests (SHA-2) and signature algorithms (RSA PKCS#1 v1.5 and PSS, ECDSA) that Node's WebCrypto checks for pkijs. */
const checkableDigests = new Set(['2.16.840.1.101.3.4.2.1', '2.16.840.1.101.3.4.2.2', '2.16.840.1.101.3.4.2.3']);
const checkableSignatures = new Set([
  '1.2.840.113549.1.1.1',
  '1.2.840.113549.1.1.10',
  '1.2.840.113549.1.1.11',
  '1.2.840.113549.1.1.12',
  '1.2.840.113549.1.1.13',
  '1.2.840.10045.4.3.2',
  '1.2.840.10045.4.3.3',
  '1.2.840.10045.4.3.4',
]);

function signedDataOf(der: Uint8Array): pkijs.SignedData | null {
  const asn = fromDer(der);
  if (!asn) return null;
  try {
    const content = new pkijs.ContentInfo({ schema: asn });
    if (content.contentType !== oids.signedData) return null;
    const signedData = new pkijs.SignedData({ schema: content.content });
    // Detached: the signature carries no content of its own.
    if (signedData.encapContentInfo.eContent || signedData.signerInfos.length !== 1) return null;
    return signedData;
  } catch {
    return null;
  }
}

function signingTimeOf(signerInfo: pkijs.SignerInfo): Date | null {
  const attribute = signerInfo.signedAttrs?.attributes.find((each) => each.type === oids.signingTime);
  const value = attribute?.values[0] as asn1js.UTCTime | asn1js.GeneralizedTime | undefined;
  return value && 'toDate' in value ? value.toDate() : null;
}

/** ИИН and БИН as NCA's certificates carry them: "IIN" or "BIN" and twelve digits. */
function identifiersOf(name: pkijs.RelativeDistinguishedNames): { iin: string | null; bin: string | null } {
  const values = (type: string) => name.typesAndValues.filter((pair) => pair.type === type).map((pair) => String((pair.value.valueBlock as { value?: unknown }).value ?? ''));
  const numbered = (prefix: string, candidates: string[]) => candidates.map((value) => new RegExp(`^${prefix}(\\d{12})$`).exec(value)?.[1]).find(Boolean) ?? null;
  return { iin: numbered('IIN', values('2.5.4.5')), bin: numbered('BIN', [...values('2.5.4.11'), ...values('2.5.4.97')]) };
}

const hex = (value: asn1js.Integer) => Buffer.from(value.valueBlock.valueHexView).toString('hex').replace(/^0+(?=.)/, '');

/** Checks a detached CMS signature `der` of `data`, and its certificate against `anchors` when given. */
export async function checkCountersignature(der: Uint8Array, data: Uint8Array, anchors?: readonly pkijs.Certificate[]): Promise<CountersignatureCheck> {
  const signedData = signedDataOf(der);
  if (!signedData) return { ok: false, problem: 'malformed' };
  const signerInfo = signedData.signerInfos[0]!;
  if (weakDigests.has(signerInfo.digestAlgorithm.algorithmId)) return { ok: false, problem: 'signatureInvalid' };
  // Never "does not check" for a signature it cannot compute (pkijs would fail it): that would say it was changed.
  if (!checkableDigests.has(signerInfo.digestAlgorithm.algorithmId) || !checkableSignatures.has(signerInfo.signatureAlgorithm.algorithmId)) {
    return { ok: false, problem: 'unsupported' };
  }
  const buffer = new Uint8Array(data).buffer;
  const verified = await signedData
    .verify({ signer: 0, data: buffer, extendedMode: true }, cryptoEngine())
    .catch((error: unknown) => error as pkijs.SignedDataVerifyResult);
  const certificate = verified.signerCertificate;
  if (!verified.signatureVerified || !certificate) return { ok: false, problem: 'signatureInvalid' };

  const signingTime = signingTimeOf(signerInfo);
  const { notBefore, notAfter } = { notBefore: certificate.notBefore.value, notAfter: certificate.notAfter.value };
  let anchored: boolean | null = null;
  if (anchors) {
    if ((signedData.certificates?.length ?? 0) > maxCertificates) anchored = false;
    else {
      const chain = await signedData
        .verify({ signer: 0, data: buffer, checkChain: true, trustedCerts: [...anchors], checkDate: signingTime ?? new Date(), extendedMode: true }, cryptoEngine())
        .catch((error: unknown) => error as pkijs.SignedDataVerifyResult);
      anchored = chain.signatureVerified === true && chain.signerCertificateVerified !== false;
    }
  }
  return {
    ok: true,
    countersignature: {
      subject: nameText(certificate.subject),
      ...identifiersOf(certificate.subject),
      issuer: nameText(certificate.issuer),
      serial: hex(certificate.serialNumber),
      signingTime: signingTime?.toISOString() ?? null,
      validFrom: notBefore.toISOString(),
      validTo: notAfter.toISOString(),
      validAtSigning: signingTime ? signingTime >= notBefore && signingTime <= notAfter : null,
      anchored,
    },
  };
}
