/**
 * A lawyer's signing identity for tests, made with Debian's OpenSSL: a test
 * certification centre (its own root CA) and a lawyer's RSA certificate
 * named as NCA names people (CN, SERIALNUMBER=IIN…, C=KZ), in PKCS#12 files
 * as OpenSSL 3 writes them (PBES2) and in the older encryption (-legacy).
 * Never a real person's certificate.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { writeFileSync } from 'node:fs';

const config = `
[ req ]
distinguished_name = dn
prompt = no
utf8 = yes
string_mask = utf8only
[ dn ]
CN = unused
[ ca ]
basicConstraints = critical,CA:true
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[ lawyer ]
basicConstraints = critical,CA:false
keyUsage = critical,digitalSignature,nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

export interface TestLawyer {
  /** The certification centre's root certificate, PEM. */
  anchorFile: string;
  /** A root that issued nothing of this lawyer's. */
  strangerAnchorFile: string;
  /** PKCS#12 (PBES2, AES-256) holding the lawyer's key and certificate, with the CA's certificate. */
  pkcs12File: string;
  /** The same identity in the older PKCS#12 encryption (RC2, triple DES). */
  legacyPkcs12File: string;
  /** The lawyer's certificate and unprotected key, PEM, for signing with `openssl cms` as software outside Dalel does. */
  certificateFile: string;
  keyFile: string;
  password: string;
  subject: string;
}

export function makeTestLawyer(folder: string): TestLawyer {
  const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: folder, stdio: 'pipe' });
  writeFileSync(path.join(folder, 'lawyer.cnf'), config);
  const password = 'Алматы 2022 қаңтар';
  writeFileSync(path.join(folder, 'password.txt'), password);
  const root = (name: string, subject: string) =>
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '3650', '-subj', subject, '-config', 'lawyer.cnf', '-extensions', 'ca', '-utf8']);
  root('centre', '/CN=Test certification centre/O=Dalel tests/C=KZ');
  root('elsewhere', '/CN=Another centre/O=Elsewhere');
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'lawyer.key', '-out', 'lawyer.csr', '-subj', '/CN=Сейітова Айгерим/serialNumber=IIN880101300123/C=KZ', '-config', 'lawyer.cnf', '-utf8']);
  openssl(['x509', '-req', '-in', 'lawyer.csr', '-CA', 'centre.crt', '-CAkey', 'centre.key', '-CAcreateserial', '-out', 'lawyer.crt', '-days', '365', '-extfile', 'lawyer.cnf', '-extensions', 'lawyer']);
  const bundle = (out: string, extra: string[]) =>
    openssl(['pkcs12', '-export', ...extra, '-inkey', 'lawyer.key', '-in', 'lawyer.crt', '-certfile', 'centre.crt', '-out', out, '-passout', 'file:password.txt']);
  bundle('lawyer.p12', []);
  bundle('lawyer-legacy.p12', ['-legacy']);
  return {
    anchorFile: path.join(folder, 'centre.crt'),
    strangerAnchorFile: path.join(folder, 'elsewhere.crt'),
    pkcs12File: path.join(folder, 'lawyer.p12'),
    legacyPkcs12File: path.join(folder, 'lawyer-legacy.p12'),
    certificateFile: path.join(folder, 'lawyer.crt'),
    keyFile: path.join(folder, 'lawyer.key'),
    password,
    subject: 'CN=Сейітова Айгерим, SERIALNUMBER=IIN880101300123, C=KZ',
  };
}
