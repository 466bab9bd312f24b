/**
 * The signed attributes a time-stamp token's signer must carry beyond the
 * message digest pkijs checks: a content type that names id-ct-TSTInfo
 * (RFC 5652 11.1), and an ESS signing certificate (RFC 3161 2.4.1, RFC
 * 2634 5.4, RFC 5035, RFC 5816) whose first ESSCertID names the very
 * certificate that verified the signature, so that no other certificate
 * for the same key — another name, another CA — can be put in its place.
 * Read with asn1js schemas and pkijs; this module never checks the
 * signature itself, and is asked only once it holds.
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const contentTypeOid = '1.2.840.113549.1.9.3';
const tstInfoOid = '1.2.840.113549.1.9.16.1.4';
const signingCertificateOid = '1.2.840.113549.1.9.16.2.12';
const signingCertificateV2Oid = '1.2.840.113549.1.9.16.2.47';

/**
 * Hashes an ESSCertID may name the certificate by. SHA-1 is taken here (it
 * is the only hash of ESSCertID v1, which OpenSSL and many authorities
 * still write): it identifies a certificate the signature already covers,
 * and a second certificate of the same key with the same SHA-1 would need a
 * chosen-prefix collision under a CA's own signature. The signature itself
 * still refuses SHA-1 and MD5 (token.ts).
 */
const certificateHashes: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
/** ESSCertIDv2's hash when it names none (RFC 5035: DEFAULT id-sha256). */
const defaultV2Hash = 'sha256';

/** SigningCertificate(V2) ::= SEQUENCE { certs SEQUENCE OF ESSCertID(v2), policies SEQUENCE OF PolicyInformation OPTIONAL } */
const signingCertificateSchema = () =>
  new asn1js.Sequence({
    value: [new asn1js.Sequence({ value: [new asn1js.Repeated({ name: 'certIds', value: new asn1js.Any() })] }), new asn1js.Any({ name: 'policies', optional: true })],
  });

/** ESSCertIDv2 ::= SEQUENCE { hashAlgorithm DEFAULT sha256, certHash OCTET STRING, issuerSerial OPTIONAL }; v1 has no hashAlgorithm. */
const essCertIdSchema = (v2: boolean) =>
  new asn1js.Sequence({
    value: [
      ...(v2 ? [pkijs.AlgorithmIdentifier.schema({ names: { blockName: 'hashAlgorithm', optional: true } })] : []),
      new asn1js.OctetString({ name: 'certHash' }),
      new asn1js.Sequence({ name: 'issuerSerial', optional: true, value: [new asn1js.Repeated({ value: new asn1js.Any() })] }),
    ],
  });

/**
 * The one value of the signed attribute `type`: undefined when absent, null
 * when given more than once or with other than one value (RFC 5652 11: an
 * attribute a signer vouches for must say one thing).
 */
function single(signer: pkijs.SignerInfo, type: string): asn1js.AsnType | null | undefined {
  const found = (signer.signedAttrs?.attributes ?? []).filter((attribute) => attribute.type === type);
  if (found.length === 0) return undefined;
  return found.length === 1 && found[0]!.values.length === 1 ? (found[0]!.values[0] as asn1js.AsnType) : null;
}

/** The signed content-type attribute is there, once, and names a TSTInfo. */
export function signsTstInfo(signer: pkijs.SignerInfo): boolean {
  const value = single(signer, contentTypeOid);
  return value instanceof asn1js.ObjectIdentifier && value.valueBlock.toString() === tstInfoOid;
}

/** Whether one ESS attribute's first ESSCertID names `certificate`: its hash, and its issuer and serial when given. */
function namesCertificate(value: asn1js.AsnType, v2: boolean, certificate: pkijs.Certificate): boolean {
  const outer = asn1js.compareSchema(value, value, signingCertificateSchema());
  const first = outer.verified ? (outer.result as { certIds?: asn1js.AsnType[] }).certIds?.[0] : undefined;
  if (!first) return false;
  const certId = asn1js.compareSchema(first, first, essCertIdSchema(v2));
  if (!certId.verified) return false;
  const { hashAlgorithm, certHash, issuerSerial } = certId.result as Record<string, asn1js.AsnType | undefined>;
  if (!(certHash instanceof asn1js.OctetString) || (issuerSerial !== undefined && !(issuerSerial instanceof asn1js.Sequence))) return false;
  const hash = !v2 ? 'sha1' : hashAlgorithm ? certificateHashes[new pkijs.AlgorithmIdentifier({ schema: hashAlgorithm }).algorithmId] : defaultV2Hash;
  if (!hash) return false;
  // The certificate as the token carries it (toSchema without re-encoding its signed part).
  const der = certificate.toSchema().toBER(false);
  if (!createHash(hash).update(new Uint8Array(der)).digest().equals(certHash.valueBlock.valueHexView)) return false;
  return !issuerSerial || namesIssuerAndSerial(issuerSerial, certificate);
}

/** IssuerSerial as OpenSSL holds it: exactly one name, the directory name of the certificate's issuer, and its serial. */
function namesIssuerAndSerial(schema: asn1js.Sequence, certificate: pkijs.Certificate): boolean {
  let issuerSerial: pkijs.IssuerSerial;
  try {
    issuerSerial = new pkijs.IssuerSerial({ schema });
  } catch {
    return false;
  }
  const names = issuerSerial.issuer.names;
  const directoryName = 4;
  if (names.length !== 1 || names[0]!.type !== directoryName || !(names[0]!.value instanceof pkijs.RelativeDistinguishedNames)) return false;
  if (!names[0]!.value.isEqual(certificate.issuer)) return false;
  return Buffer.from(issuerSerial.serialNumber.valueBlock.valueHexView).equals(certificate.serialNumber.valueBlock.valueHexView);
}

/**
 * The signer carries an ESS signing certificate, v1 or v2 (each at most
 * once), and every one it carries names `certificate`, the one whose key
 * verified the signature — as `openssl ts -verify` requires.
 */
export function namesSigningCertificate(signer: pkijs.SignerInfo, certificate: pkijs.Certificate): boolean {
  const v1 = single(signer, signingCertificateOid);
  const v2 = single(signer, signingCertificateV2Oid);
  if (v1 === null || v2 === null || (v1 === undefined && v2 === undefined)) return false;
  try {
    return (v1 === undefined || namesCertificate(v1, false, certificate)) && (v2 === undefined || namesCertificate(v2, true, certificate));
  } catch {
    return false;
  }
}
