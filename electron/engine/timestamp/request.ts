/**
 * An RFC 3161 TimeStampReq: what a person takes to a connected machine (or
 * sends with `dalel timestamp --authority`) to have a time-stamp authority
 * sign the time at which the given bytes existed. The bytes never leave:
 * only their SHA-256 does, with a random nonce, asking for the authority's
 * certificate in the answer. The same file `openssl ts -query -data FILE
 * -sha256 -cert` writes, and `openssl ts -reply` and any authority read.
 * `answersRequest` matches an answer to the request, where the request is
 * still at hand.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { fromDer } from './pki';
import { readTstInfo } from './token';

const sha256Oid = '2.16.840.1.101.3.4.2.1';

/** `random`: the nonce's 8 bytes (a test gives its own). */
export function timeStampRequest(data: Uint8Array, random: Uint8Array = randomBytes(8)): Buffer {
  const digest = createHash('sha256').update(data).digest();
  // A positive INTEGER in DER's one encoding: the top bit clear, and no leading zero
  // byte (which DER forbids, and OpenSSL refuses as "illegal padding", one time in 512).
  const nonce = Buffer.from(random);
  nonce[0] = nonce[0]! & 0x7f || 0x01;
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: sha256Oid, algorithmParams: new asn1js.Null() }),
      hashedMessage: new asn1js.OctetString({ valueHex: new Uint8Array(digest).buffer }),
    }),
    nonce: new asn1js.Integer({ valueHex: new Uint8Array(nonce).buffer }),
    certReq: true,
  });
  return Buffer.from(request.toSchema().toBER(false));
}

const sameBytes = (a: asn1js.OctetString, b: asn1js.OctetString) => Buffer.from(a.valueBlock.valueHexView).equals(b.valueBlock.valueHexView);

/**
 * Whether `response` answers `request` as RFC 3161 2.4.2 asks a client to
 * check: the same message imprint, and, when the request carries a nonce,
 * the same nonce (an answer without one fails). It checks nothing of the
 * signature: checkTimeStamp does. Only a flow that still holds the request
 * can ask (docs/spec/bundle-format.md, "Proof of time").
 */
export function answersRequest(response: Uint8Array, request: Uint8Array): boolean {
  const info = readTstInfo(response);
  const asn = fromDer(request);
  if (!info || !asn) return false;
  let asked: pkijs.TimeStampReq;
  try {
    asked = new pkijs.TimeStampReq({ schema: asn });
  } catch {
    return false;
  }
  const imprint = info.messageImprint;
  const sameImprint = imprint.hashAlgorithm.algorithmId === asked.messageImprint.hashAlgorithm.algorithmId && sameBytes(imprint.hashedMessage, asked.messageImprint.hashedMessage);
  if (!sameImprint) return false;
  if (!asked.nonce) return true;
  // SECURITY: an answer to another request for the same bytes — an old one sent again — carries another nonce.
  return info.nonce !== undefined && info.nonce.toBigInt() === asked.nonce.toBigInt();
}
