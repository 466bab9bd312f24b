/**
 * A CMS signature file as a lawyer's own signing software saves it, read
 * into the binary form a bag keeps (`tagmanifest-sha256.txt.p7s`): DER as
 * is, PEM ("-----BEGIN PKCS7-----" or "-----BEGIN CMS-----"), or the bare
 * base64 text NCALayer-based tools commonly write. Exactly one of those,
 * whole: anything else — other PEM blocks, text before or after the block,
 * bytes after the DER — is no signature file, never half-read. It also
 * tells whether a signature carries the signed content inside it
 * (attached). It judges no signature: cms.ts does.
 */
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { fromDer } from '../timestamp/pki';

const signedDataOid = '1.2.840.113549.1.7.2';
const pemArmour = /^-----BEGIN (PKCS7|CMS)-----\r?\n([A-Za-z0-9+/=\r\n]+?)\r?\n?-----END \1-----$/;
const base64Text = /^[A-Za-z0-9+/=\r\n]+$/;
const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf]);

/** The signature's DER bytes, or null when `bytes` are none of the three forms, or do not hold exactly one ASN.1 object. */
export function readSignatureFile(bytes: Uint8Array): Buffer | null {
  const binary = Buffer.from(bytes);
  // DER begins with a SEQUENCE; text never does (0x30 is "0", which no PEM or CMS base64 starts with).
  const der = binary[0] === 0x30 ? binary : fromText(binary);
  return der && fromDer(der) ? der : null;
}

function fromText(binary: Buffer): Buffer | null {
  // A UTF-8 byte order mark, as Windows editors and some tools put before text, is the one prefix allowed.
  const body = binary.subarray(0, 3).equals(utf8Bom) ? binary.subarray(3) : binary;
  // SECURITY: only printable ASCII and line breaks are read as text; any other byte is no signature file, never decoded loosely.
  if (body.some((byte) => byte > 0x7e || (byte < 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09))) return null;
  const text = body.toString('ascii').trim();
  const armoured = pemArmour.exec(text);
  const encoded = armoured ? armoured[2]! : text.startsWith('-----') ? null : text;
  if (encoded === null || !base64Text.test(encoded)) return null;
  return strictBase64(encoded.replace(/[\r\n]/g, ''));
}

/** Base64 that is exactly base64: whole groups of four, padding only at the end, and the bytes encode back to it. */
function strictBase64(encoded: string): Buffer | null {
  if (encoded.length === 0 || encoded.length % 4 !== 0) return null;
  const decoded = Buffer.from(encoded, 'base64');
  return decoded.toString('base64') === encoded ? decoded : null;
}

/**
 * The content an attached signature carries inside it, or null when the
 * signature is detached (or not CMS SignedData at all: cms.ts says which).
 */
export function attachedContent(der: Uint8Array): Buffer | null {
  const asn = fromDer(der);
  if (!asn) return null;
  try {
    const info = new pkijs.ContentInfo({ schema: asn });
    if (info.contentType !== signedDataOid) return null;
    const content = new pkijs.SignedData({ schema: info.content }).encapContentInfo.eContent;
    if (!content) return null;
    // A long content may be split into pieces (a constructed OCTET STRING, as BER allows).
    const pieces = content.idBlock.isConstructed ? (content.valueBlock.value as unknown as asn1js.OctetString[]) : [content];
    return Buffer.concat(pieces.map((piece) => Buffer.from(piece.valueBlock.valueHexView)));
  } catch {
    return null;
  }
}
