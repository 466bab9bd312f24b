/**
 * A signer of time-stamp tokens for tests, made with pkijs, that lets an
 * attack choose the signed attributes OpenSSL always writes right: the
 * content type (or none), and the ESS signing certificate (v1 with SHA-1,
 * v2 with SHA-256, for another certificate, with another issuer and
 * serial, or none). Test code only: it signs whatever it is given.
 */
import { createHash, createPrivateKey, webcrypto, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { cryptoEngine, fromDer } from '../pki';

const tstInfoOid = '1.2.840.113549.1.9.16.1.4';

export interface EssChoice {
  /** 1: id-aa-signingCertificate, SHA-1 hash; 2: id-aa-signingCertificateV2, SHA-256 (its default, left out). */
  version: 1 | 2;
  /** v2 only: another hash than SHA-256, named in the ESSCertIDv2. */
  hash?: 'sha384' | 'sha512';
  /** The PEM file of the certificate named (default: the signer's). */
  certificate?: string;
  /** The issuerSerial written (default: the named certificate's; null: none). */
  issuerSerial?: { issuerOf: string; serial: Uint8Array } | null;
}

export interface TokenSigning {
  /** The TSTInfo's DER. */
  info: Uint8Array;
  /** PEM files of the signer's certificate and key. */
  certificate: string;
  key: string;
  /** PEM files of more certificates to carry. */
  chain?: string[];
  /** The content-type attribute's value (default id-ct-TSTInfo); null leaves the attribute out. */
  contentType?: string | null;
  /** The ESS attribute (default v2 of the signer's certificate); null leaves it out. */
  ess?: EssChoice | null;
}

const certificateOf = (file: string) => pkijs.Certificate.fromBER(new Uint8Array(new X509Certificate(readFileSync(file)).raw).buffer);
const attribute = (type: string, value: asn1js.AsnType) => new pkijs.Attribute({ type, values: [value] });

function essAttribute(choice: EssChoice, signer: string): pkijs.Attribute {
  const named = choice.certificate ?? signer;
  const der = new X509Certificate(readFileSync(named)).raw;
  const hash = createHash(choice.version === 1 ? 'sha1' : (choice.hash ?? 'sha256')).update(der).digest();
  const hashOids = { sha384: '2.16.840.1.101.3.4.2.2', sha512: '2.16.840.1.101.3.4.2.3' };
  const hashAlgorithm = choice.hash ? [new pkijs.AlgorithmIdentifier({ algorithmId: hashOids[choice.hash] }).toSchema()] : [];
  const issued = certificateOf(named);
  const serial = choice.issuerSerial === undefined ? { issuerOf: named, serial: issued.serialNumber.valueBlock.valueHexView } : choice.issuerSerial;
  const issuerSerial =
    serial &&
    new pkijs.IssuerSerial({
      issuer: new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 4, value: certificateOf(serial.issuerOf).issuer })] }),
      serialNumber: new asn1js.Integer({ valueHex: new Uint8Array(serial.serial).buffer }),
    });
  const certId = new asn1js.Sequence({
    value: [...hashAlgorithm, new asn1js.OctetString({ valueHex: new Uint8Array(hash).buffer }), ...(issuerSerial ? [issuerSerial.toSchema()] : [])],
  });
  const type = choice.version === 1 ? '1.2.840.113549.1.9.16.2.12' : '1.2.840.113549.1.9.16.2.47';
  return attribute(type, new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [certId] })] }));
}

/** A granted TimeStampResp whose token signs `info` as `signing` says. */
export async function signToken(signing: TokenSigning): Promise<Buffer> {
  const signer = certificateOf(signing.certificate);
  const digest = createHash('sha256').update(signing.info).digest();
  const attributes = [
    ...(signing.contentType === null ? [] : [attribute('1.2.840.113549.1.9.3', new asn1js.ObjectIdentifier({ value: signing.contentType ?? tstInfoOid }))]),
    attribute('1.2.840.113549.1.9.4', new asn1js.OctetString({ valueHex: new Uint8Array(digest).buffer })),
    ...(signing.ess === null ? [] : [essAttribute(signing.ess ?? { version: 2 }, signing.certificate)]),
  ];
  const signedData = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: tstInfoOid }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.issuer, serialNumber: signer.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
      }),
    ],
    certificates: [signer, ...(signing.chain ?? []).map(certificateOf)],
  });
  // Set after construction: pkijs's constructor would cut it into a constructed (BER) OCTET STRING, where an authority writes DER.
  signedData.encapContentInfo.eContent = new asn1js.OctetString({ valueHex: new Uint8Array(signing.info).buffer });
  const pkcs8 = createPrivateKey(readFileSync(signing.key)).export({ type: 'pkcs8', format: 'der' });
  const key = await webcrypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  await signedData.sign(key as unknown as CryptoKey, 0, 'SHA-256', undefined, cryptoEngine());
  const token = new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: signedData.toSchema(true) });
  const response = new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: 0 }), timeStampToken: token });
  return Buffer.from(response.toSchema().toBER(false));
}

/** The TSTInfo's DER of a TimeStampResp, to sign again. */
export function tstInfoOf(response: Uint8Array): Uint8Array {
  const parsed = new pkijs.TimeStampResp({ schema: fromDer(response)! });
  const signedData = new pkijs.SignedData({ schema: parsed.timeStampToken!.content });
  return new Uint8Array(signedData.encapContentInfo.eContent!.getValue());
}
