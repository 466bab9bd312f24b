/**
 * Test helper: countersignatures made outside Dalel, as a lawyer's own
 * signing software makes them. `signElsewhere` signs with Debian's
 * `openssl cms -sign` (detached unless asked otherwise, DER or PEM), by the
 * suite's test lawyer; `withAlgorithms` re-encodes a CMS signature with
 * other algorithm identifiers (GOST R 34.10-2015's, say) through pkijs, to
 * stand for a signature Dalel cannot compute. Never a real person's key.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { TestLawyer } from './testLawyer';

/** GOST R 34.10-2012/34.10-2015 (512-bit key) with GOST R 34.11-2012 (Streebog-512), as TC 26 names them. */
export const gostOids = { signature: '1.2.643.7.1.1.3.3', digest: '1.2.643.7.1.1.2.3' };

/** A CMS signature of `content` by the test lawyer, made by `openssl cms -sign -binary -md sha256`. */
export function signElsewhere(lawyer: TestLawyer, content: Uint8Array, options: { attached?: boolean; pem?: boolean } = {}): Buffer {
  const folder = mkdtempSync(join(tmpdir(), 'dalel-sign-elsewhere-'));
  try {
    writeFileSync(join(folder, 'content'), content);
    execFileSync(
      'openssl',
      [
        'cms', '-sign', '-binary', '-md', 'sha256',
        '-in', 'content', '-signer', lawyer.certificateFile, '-inkey', lawyer.keyFile,
        '-outform', options.pem ? 'PEM' : 'DER', '-out', 'signature',
        ...(options.attached ? ['-nodetach'] : []),
      ],
      { cwd: folder, stdio: 'pipe' },
    );
    return readFileSync(join(folder, 'signature'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The same CMS signature (DER) with its signer's signature algorithm, and its digest algorithm if given, replaced. */
export function withAlgorithms(der: Uint8Array, algorithms: { signature: string; digest?: string }): Buffer {
  const info = new pkijs.ContentInfo({ schema: asn1js.fromBER(new Uint8Array(der).buffer).result });
  const signedData = new pkijs.SignedData({ schema: info.content });
  const signer = signedData.signerInfos[0]!;
  signer.signatureAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: algorithms.signature, algorithmParams: new asn1js.Null() });
  if (algorithms.digest) {
    signer.digestAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: algorithms.digest });
    signedData.digestAlgorithms = [signer.digestAlgorithm];
  }
  const again = new pkijs.ContentInfo({ contentType: info.contentType, content: signedData.toSchema(true) });
  return Buffer.from(again.toSchema().toBER(false));
}
