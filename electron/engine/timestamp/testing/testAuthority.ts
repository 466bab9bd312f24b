/**
 * A time-stamp authority for tests, made with Debian's OpenSSL: its own root
 * CA, a TSA certificate for time-stamping (critical extended key usage), and
 * `openssl ts -reply` answering requests. Also a certificate of the same CA
 * that is not an authority's, to forge tokens with, and a second CA that
 * anchors nothing of this one.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const config = `
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
dir = .
serial = SERIAL
crypto_device = builtin
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
[ ca ]
basicConstraints = critical,CA:true
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[ authority ]
basicConstraints = critical,CA:false
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = critical,timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ person ]
basicConstraints = critical,CA:false
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = emailProtection
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

export interface TestAuthority {
  /** The root CA's certificate, PEM: the trust anchor. */
  anchorFile: string;
  /** Another root CA's certificate, PEM, that anchors nothing of this authority. */
  strangerAnchorFile: string;
  /** `openssl ts -reply` to a TimeStampReq: a TimeStampResp. */
  reply(request: Uint8Array): Buffer;
  /** A TimeStampResp whose token is signed by a person's certificate of the same CA, not an authority's. */
  forgeByPerson(genuine: Uint8Array): Buffer;
}

export function makeTestAuthority(folder: string): TestAuthority {
  const file = (name: string) => path.join(folder, name);
  const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: folder, stdio: 'pipe' });
  writeFileSync(file('tsa.cnf'), config.replace('SERIAL', file('serial')));
  writeFileSync(file('serial'), '01\n');
  const root = (name: string, subject: string) =>
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '3650', '-subj', subject, '-config', 'tsa.cnf', '-extensions', 'ca']);
  const issue = (name: string, subject: string, extensions: string) => {
    openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject, '-config', 'tsa.cnf']);
    openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.crt`, '-days', '3650', '-extfile', 'tsa.cnf', '-extensions', extensions]);
  };
  root('ca', '/CN=Dalel Test Root CA/O=Dalel tests');
  root('stranger', '/CN=Another Root CA/O=Elsewhere');
  issue('tsa', '/CN=Dalel Test TSA/O=Dalel tests', 'authority');
  issue('person', '/CN=Someone/O=Dalel tests', 'person');

  return {
    anchorFile: file('ca.crt'),
    strangerAnchorFile: file('stranger.crt'),
    reply(request) {
      writeFileSync(file('request.tsq'), request);
      openssl(['ts', '-reply', '-config', 'tsa.cnf', '-queryfile', 'request.tsq', '-inkey', 'tsa.key', '-signer', 'tsa.crt', '-chain', 'ca.crt', '-out', 'response.tsr']);
      return readFileSync(file('response.tsr'));
    },
    forgeByPerson(genuine) {
      // The genuine token's TSTInfo, signed again as CMS by the person's certificate, with the ESS
      // signing certificate an authority writes (-cades), so that only the certificate's purpose is wrong.
      const response = pkijs.TimeStampResp.fromBER(new Uint8Array(genuine).buffer);
      const signedData = new pkijs.SignedData({ schema: response.timeStampToken!.content });
      writeFileSync(file('tstinfo.der'), Buffer.from(signedData.encapContentInfo.eContent!.getValue()));
      openssl(['cms', '-sign', '-cades', '-binary', '-nodetach', '-econtent_type', '1.2.840.113549.1.9.16.1.4', '-in', 'tstinfo.der', '-signer', 'person.crt', '-inkey', 'person.key', '-certfile', 'ca.crt', '-outform', 'DER', '-out', 'forged.der']);
      const token = pkijs.ContentInfo.fromBER(new Uint8Array(readFileSync(file('forged.der'))).buffer);
      const forged = new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: 0 }), timeStampToken: token });
      return Buffer.from(forged.toSchema().toBER(false));
    },
  };
}

/** A TimeStampResp that refuses: status rejection (2), no token. */
export function refusal(): Buffer {
  const response = new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: 2, statusStrings: [new asn1js.Utf8String({ value: 'bad request' })] }) });
  return Buffer.from(response.toSchema().toBER(false));
}
