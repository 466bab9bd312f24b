/**
 * A signer's key and certificate from a PKCS#12 file (.p12, .pfx), as
 * certification centres issue them (Kazakhstan's NCA among them), read with
 * pkijs. The password opens the file in memory only; the key is imported
 * into WebCrypto as not extractable and is never written anywhere.
 *
 * What reads: PKCS#12 protected with PBES2 (PBKDF2 and AES, what OpenSSL 3
 * writes by default) holding an RSA key. The older PKCS#12 encryptions
 * (RC2, triple DES) and GOST keys do not read here yet; they are refused
 * by name (`pkcs12Unsupported`), never half-read.
 */
import * as pkijs from 'pkijs';
import { EngineError } from '../errors';
import { cryptoEngine, fromDer } from '../timestamp/pki';

export interface SigningIdentity {
  privateKey: CryptoKey;
  certificate: pkijs.Certificate;
  /** The other certificates in the file (its issuers), to carry in the signature. */
  chain: pkijs.Certificate[];
}

const bags = { shroudedKey: '1.2.840.113549.1.12.10.1.2', certificate: '1.2.840.113549.1.12.10.1.3' };
const x509Certificate = '1.2.840.113549.1.9.22.1';
const rsaEncryption = '1.2.840.113549.1.1.1';

export async function readPkcs12(bytes: Uint8Array, password: string): Promise<SigningIdentity> {
  const asn = fromDer(bytes);
  if (!asn) throw new EngineError('pkcs12Unreadable');
  let pfx: pkijs.PFX;
  try {
    pfx = new pkijs.PFX({ schema: asn });
  } catch {
    throw new EngineError('pkcs12Unreadable');
  }
  const secret = new Uint8Array(new TextEncoder().encode(password)).buffer;
  const crypto = cryptoEngine();
  try {
    await pfx.parseInternalValues({ password: secret, checkIntegrity: true }, crypto);
  } catch (error) {
    // The MAC over the contents is made with the password: a mismatch is a wrong password.
    throw new EngineError(/integrity|MAC/i.test(String(error)) ? 'pkcs12WrongPassword' : 'pkcs12Unsupported');
  }
  const safe = pfx.parsedValue?.authenticatedSafe;
  if (!safe) throw new EngineError('pkcs12Unreadable');
  try {
    await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password: secret })) }, crypto);
  } catch {
    throw new EngineError('pkcs12Unsupported');
  }

  let keyInfo: pkijs.PrivateKeyInfo | undefined;
  const certificates: pkijs.Certificate[] = [];
  for (const contents of safe.parsedValue?.safeContents ?? []) {
    for (const bag of contents.value.safeBags) {
      if (bag.bagId === bags.shroudedKey) {
        const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
        // pkijs decrypts a shrouded key only through this method, which its types mark protected.
        const decrypt = shrouded as unknown as { parseInternalValues(parameters: { password: ArrayBuffer }, crypto: pkijs.ICryptoEngine): Promise<void> };
        try {
          await decrypt.parseInternalValues({ password: secret }, crypto);
        } catch {
          throw new EngineError('pkcs12Unsupported');
        }
        keyInfo ??= shrouded.parsedValue;
      }
      if (bag.bagId === bags.certificate) {
        const certBag = bag.bagValue as pkijs.CertBag;
        if (certBag.certId === x509Certificate && certBag.parsedValue instanceof pkijs.Certificate) certificates.push(certBag.parsedValue);
      }
    }
  }
  if (!keyInfo || certificates.length === 0) throw new EngineError('pkcs12Unreadable');
  if (keyInfo.privateKeyAlgorithm.algorithmId !== rsaEncryption) throw new EngineError('pkcs12Unsupported');

  const der = keyInfo.toSchema().toBER(false);
  const privateKey = await crypto.importKey('pkcs8', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  // The certificate of the key: the one whose public key is the key's.
  const publicOf = async (certificate: pkijs.Certificate) => Buffer.from(certificate.subjectPublicKeyInfo.toSchema().toBER(false));
  const keyPublic = await publicKeyOf(keyInfo);
  let certificate: pkijs.Certificate | undefined;
  for (const candidate of certificates) if ((await publicOf(candidate)).equals(keyPublic)) certificate = candidate;
  if (!certificate) throw new EngineError('pkcs12Unreadable');
  return { privateKey, certificate, chain: certificates.filter((each) => each !== certificate) };
}

/** The SubjectPublicKeyInfo of an RSA private key: its modulus and exponent. */
async function publicKeyOf(keyInfo: pkijs.PrivateKeyInfo): Promise<Buffer> {
  const crypto = cryptoEngine();
  const extractable = await crypto.importKey('pkcs8', keyInfo.toSchema().toBER(false), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['sign']);
  const jwk = await crypto.exportKey('jwk', extractable);
  const publicKey = await crypto.importKey('jwk', { kty: jwk.kty, n: jwk.n, e: jwk.e }, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['verify']);
  return Buffer.from(await crypto.exportKey('spki', publicKey));
}
