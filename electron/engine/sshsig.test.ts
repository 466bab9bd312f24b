import { spawnSync } from 'node:child_process';
import { createHash, createPrivateKey } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SigningKey } from './signingKey';
import { parsePublicKeyLine, parseSshsig, signSshsig, verifySshsig, verifySshsigStream, type SshsigFailure } from './sshsig';
import { temporaryFolder } from './testing/fixtures';

const namespace = 'dalel-bundle';
// A tag manifest's shape, with non-ASCII names and bytes that are not UTF-8.
const message = Buffer.concat([
  Buffer.from('4f1c…  data/Жаңаөзен ädəl.jpg\n', 'utf8'),
  Buffer.from([0x00, 0xff, 0xfe, 0x0a]),
]);

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

function sshKeygen(args: string[], input?: Uint8Array): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('ssh-keygen', args, { cwd: folder.path, input, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A fresh key made by ssh-keygen itself, as a user's own key would be. */
async function sshKeygenKey(name: string, type: 'ed25519' | 'rsa' = 'ed25519'): Promise<{ path: string; publicLine: string }> {
  const path = join(folder.path, name);
  expect(sshKeygen(['-q', '-t', type, ...(type === 'rsa' ? ['-b', '2048'] : []), '-N', '', '-C', 'tester@host', '-f', path]).status).toBe(0);
  return { path, publicLine: (await readFile(`${path}.pub`, 'utf8')).trim() };
}

/** `ssh-keygen -Y sign` of `message`, in a namespace of our choosing. */
async function sshKeygenSign(keyPath: string, signNamespace: string, extra: string[] = []): Promise<string> {
  const messagePath = join(folder.path, `signed-${Math.random().toString(36).slice(2)}`);
  await writeFile(messagePath, message);
  const run = sshKeygen(['-Y', 'sign', '-f', keyPath, '-n', signNamespace, ...extra, messagePath]);
  expect(run.status, run.stderr).toBe(0);
  return readFile(`${messagePath}.sig`, 'utf8');
}

/** Runs the check from bundle-format.md, "What the signature proves". */
async function sshKeygenVerify(signature: string, bytes: Uint8Array, publicLine: string, verifyNamespace = namespace) {
  await writeFile(join(folder.path, 'allowed_signers'), `signer ${publicLine.split(' ').slice(0, 2).join(' ')}\n`);
  await writeFile(join(folder.path, 'msg.sig'), signature);
  return sshKeygen(['-Y', 'verify', '-f', 'allowed_signers', '-I', 'signer', '-n', verifyNamespace, '-s', 'msg.sig'], bytes);
}

function fingerprintBySshKeygen(publicKeyPath: string): string {
  const printed = sshKeygen(['-lf', publicKeyPath]);
  expect(printed.status).toBe(0);
  return printed.stdout.split(' ')[1]!;
}

/** Loads an unencrypted OpenSSH Ed25519 private key file, so that both tools can sign with one key. */
function signingKeyFromOpenssh(text: string): SigningKey {
  const data = Buffer.from(text.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64');
  const reader = (buffer: Buffer, start: number) => {
    let offset = start;
    return {
      skip: (count: number) => void (offset += count),
      string: () => {
        const length = buffer.readUInt32BE(offset);
        offset += 4 + length;
        return buffer.subarray(offset - length, offset);
      },
    };
  };
  const outer = reader(data, 'openssh-key-v1\0'.length);
  expect([outer.string().toString(), outer.string().toString(), outer.string().length]).toEqual(['none', 'none', 0]);
  outer.skip(4); // one key
  outer.string(); // its public blob
  const secret = reader(outer.string(), 8); // after the two check words
  expect(secret.string().toString()).toBe('ssh-ed25519');
  const publicRaw = secret.string();
  const seed = secret.string().subarray(0, 32);
  const privateKey = createPrivateKey({
    key: { kty: 'OKP', crv: 'Ed25519', d: seed.toString('base64url'), x: publicRaw.toString('base64url') },
    format: 'jwk',
  });
  return SigningKey.fromPkcs8(privateKey.export({ format: 'der', type: 'pkcs8' }));
}

async function* chunksOf(bytes: Buffer, size: number): AsyncIterable<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

// Test-side SSH wire writing, to build signatures that no honest signer would.
function sshString(data: Uint8Array | string): Buffer {
  const bytes = Buffer.from(data);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}
function decoded(armored: string): Buffer {
  return Buffer.from(armored.split('\n').slice(1, -2).join(''), 'base64');
}
function armored(blob: Buffer): string {
  const lines = blob.toString('base64').match(/.{1,70}/g)!;
  return `-----BEGIN SSH SIGNATURE-----\n${lines.join('\n')}\n-----END SSH SIGNATURE-----\n`;
}

describe('Dalel signatures checked by ssh-keygen', () => {
  it('are accepted by `ssh-keygen -Y verify` exactly as bundle-format.md tells a reader to run it', async () => {
    const key = SigningKey.generate();
    const signature = await signSshsig(key, message, namespace);
    const run = await sshKeygenVerify(signature, message, key.publicLine);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Good "dalel-bundle" signature for signer with ED25519 key SHA256:/);
    expect(run.stdout).toContain(key.fingerprint);
  });

  it('are the same text when the message is read as a stream', async () => {
    const key = SigningKey.generate();
    const path = join(folder.path, 'tagmanifest-sha256.txt');
    await writeFile(path, message);
    const streamed = await signSshsig(key, createReadStream(path, { highWaterMark: 7 }), namespace);
    expect(streamed).toBe(await signSshsig(key, message, namespace));
  });

  it('are byte for byte what `ssh-keygen -Y sign` writes with the same key', async () => {
    const { path, publicLine } = await sshKeygenKey('same');
    const key = signingKeyFromOpenssh(await readFile(path, 'utf8'));
    expect(key.publicLine).toBe(publicLine.split(' ').slice(0, 2).join(' '));
    // Ed25519 is deterministic, so one key and one message give one signature.
    expect(await signSshsig(key, message, namespace)).toBe(await sshKeygenSign(path, namespace));
  });

  it('are refused by ssh-keygen in another namespace or for another message', async () => {
    const key = SigningKey.generate();
    const signature = await signSshsig(key, message, namespace);
    expect((await sshKeygenVerify(signature, message, key.publicLine, 'file')).status).not.toBe(0);
    expect((await sshKeygenVerify(signature, Buffer.concat([message, Buffer.from('x')]), key.publicLine)).status).not.toBe(0);
  });
});

describe('ssh-keygen signatures checked by Dalel', () => {
  it('are valid and name the signer by the fingerprint `ssh-keygen -lf` prints', async () => {
    const { path, publicLine } = await sshKeygenKey('theirs');
    const signature = await sshKeygenSign(path, namespace);
    const result = verifySshsig(signature, message, namespace, publicLine);
    expect(result).toEqual({
      ok: true,
      value: { publicKeyLine: publicLine.split(' ').slice(0, 2).join(' '), fingerprint: fingerprintBySshKeygen(`${path}.pub`) },
    });
  });

  it('are valid when the file is hashed while it is read', async () => {
    const { path } = await sshKeygenKey('streamed');
    const signature = await sshKeygenSign(path, namespace);
    const parsed = parseSshsig(signature);
    if (!parsed.ok) throw new Error(parsed.detail);
    expect(parsed.value.hashAlgorithm).toBe('sha512');
    const digest = createHash(parsed.value.hashAlgorithm).update(message).digest();
    expect(verifySshsig(parsed.value, { hashAlgorithm: 'sha512', digest }, namespace).ok).toBe(true);
    expect((await verifySshsigStream(signature, chunksOf(message, 5), namespace)).ok).toBe(true);
  });

  it('are valid when made with sha256, as ssh-keygen also allows', async () => {
    const { path } = await sshKeygenKey('sha256');
    const signature = await sshKeygenSign(path, namespace, ['-O', 'hashalg=sha256']);
    expect(parseSshsig(signature)).toMatchObject({ ok: true, value: { hashAlgorithm: 'sha256' } });
    expect(verifySshsig(signature, message, namespace).ok).toBe(true);
    expect((await verifySshsigStream(signature, chunksOf(message, 3), namespace)).ok).toBe(true);
  });
});

describe('a signature that must not be trusted', () => {
  interface Case {
    name: string;
    signature: string;
    bytes: Buffer;
    expected: string;
    code: SshsigFailure;
    /** Only where Dalel is deliberately narrower than ssh-keygen (Ed25519 keys only). */
    sshKeygenAccepts?: true;
  }

  /** A real Ed25519 signature by `key` in an SSHSIG that names `hashName` for the message hash. */
  function signedWithHash(key: SigningKey, hashName: string, digest: Buffer): string {
    const publicBlob = Buffer.from(key.publicLine.split(' ')[1]!, 'base64');
    const data = Buffer.concat([Buffer.from('SSHSIG'), sshString(namespace), sshString(''), sshString(hashName), sshString(digest)]);
    const raw = key.signSshsigData(data);
    const version = Buffer.from([0, 0, 0, 1]);
    const signatureBlob = Buffer.concat([sshString('ssh-ed25519'), sshString(raw)]);
    return armored(
      Buffer.concat([Buffer.from('SSHSIG'), version, sshString(publicBlob), sshString(namespace), sshString(''), sshString(hashName), sshString(signatureBlob)]),
    );
  }

  async function cases(): Promise<Case[]> {
    const key = SigningKey.generate();
    const ours = key.publicLine;
    const good = await signSshsig(key, message, namespace);
    const blob = decoded(good);
    const flipped = Buffer.from(blob);
    flipped[flipped.length - 10]! ^= 0x01; // inside the raw 64-byte signature
    const lines = good.split('\n');
    const theirs = await sshKeygenKey('theirs');
    const rsa = await sshKeygenKey('rsa', 'rsa');
    const changed = Buffer.from(message);
    changed[3]! ^= 0x20;
    return [
      { name: 'signed for the "file" namespace', signature: await sshKeygenSign(theirs.path, 'file'), bytes: message, expected: theirs.publicLine, code: 'wrongNamespace' },
      { name: 'over a message changed by one byte', signature: good, bytes: changed, expected: ours, code: 'badSignature' },
      { name: 'with a flipped signature bit', signature: armored(flipped), bytes: message, expected: ours, code: 'badSignature' },
      { name: 'by another key than expected', signature: await sshKeygenSign(theirs.path, namespace), bytes: message, expected: ours, code: 'wrongKey' },
      { name: 'with its end line cut off', signature: lines.slice(0, 3).join('\n'), bytes: message, expected: ours, code: 'malformed' },
      { name: 'with a body line cut out', signature: [...lines.slice(0, 2), ...lines.slice(3)].join('\n'), bytes: message, expected: ours, code: 'malformed' },
      { name: 'with garbage for base64', signature: [lines[0], '!!not*base64!!', ...lines.slice(2)].join('\n'), bytes: message, expected: ours, code: 'malformed' },
      { name: 'made with an RSA key', signature: await sshKeygenSign(rsa.path, namespace), bytes: message, expected: rsa.publicLine, code: 'unsupportedKey', sshKeygenAccepts: true },
      { name: 'with trailing bytes', signature: armored(Buffer.concat([blob, Buffer.from([0])])), bytes: message, expected: ours, code: 'malformed' },
      { name: 'without the SSHSIG magic', signature: armored(Buffer.concat([Buffer.from('SSHSIh'), blob.subarray(6)])), bytes: message, expected: ours, code: 'malformed' },
      { name: 'of version 2', signature: armored(Buffer.concat([blob.subarray(0, 9), Buffer.from([2]), blob.subarray(10)])), bytes: message, expected: ours, code: 'malformed' },
      { name: 'over a sha1 digest', signature: signedWithHash(key, 'sha1', createHash('sha1').update(message).digest()), bytes: message, expected: ours, code: 'unsupportedHash' },
    ];
  }

  it('is rejected with its own reason, and ssh-keygen refuses it too (RSA aside)', async () => {
    for (const { name, signature, bytes, expected, code, sshKeygenAccepts } of await cases()) {
      const result = verifySshsig(signature, bytes, namespace, expected);
      expect({ name, result: result.ok ? 'valid' : result.error }).toEqual({ name, result: code });
      const streamed = await verifySshsigStream(signature, chunksOf(bytes, 4), namespace, expected);
      expect({ name, result: streamed.ok ? 'valid' : streamed.error }).toEqual({ name, result: code });
      const run = await sshKeygenVerify(signature, bytes, expected);
      expect({ name, acceptedBySshKeygen: run.status === 0 }).toEqual({ name, acceptedBySshKeygen: sshKeygenAccepts ?? false });
    }
  });

  it('is rejected, not trusted, when the caller hashed with another algorithm', async () => {
    const signature = await signSshsig(SigningKey.generate(), message, namespace);
    const digest = createHash('sha256').update(message).digest();
    expect(verifySshsig(signature, { hashAlgorithm: 'sha256', digest }, namespace)).toMatchObject({ ok: false, error: 'badSignature' });
  });

  it('never throws, whatever it is given', async () => {
    const good = await signSshsig(SigningKey.generate(), message, namespace);
    const inputs: unknown[] = ['', '\n', 'ssh-ed25519 AAAA', good.replace(/\n/g, ' '), good.slice(0, -40), `${good}extra`, 'A'.repeat(200_000), null, 42, {}];
    for (const input of inputs) {
      expect(verifySshsig(input as string, message, namespace)).toMatchObject({ ok: false, error: 'malformed' });
      expect(parseSshsig(input as string)).toMatchObject({ ok: false, error: 'malformed' });
    }
    expect(verifySshsig(good, message, namespace, 'not a key')).toMatchObject({ ok: false, error: 'wrongKey' });
  });

  it('is still valid with Windows line endings, which change no signed byte', async () => {
    const key = SigningKey.generate();
    const signature = (await signSshsig(key, message, namespace)).replace(/\n/g, '\r\n');
    expect(verifySshsig(signature, message, namespace, key.publicLine)).toMatchObject({ ok: true, value: { fingerprint: key.fingerprint } });
  });
});

describe('an OpenSSH public key line', () => {
  it('is read with the fingerprint `ssh-keygen -lf` prints, comment or not', async () => {
    const { path, publicLine } = await sshKeygenKey('line');
    const withComment = parsePublicKeyLine(publicLine);
    const bare = parsePublicKeyLine(publicLine.split(' ').slice(0, 2).join(' '));
    expect(withComment).toMatchObject({ ok: true, value: { fingerprint: fingerprintBySshKeygen(`${path}.pub`), line: publicLine.split(' ').slice(0, 2).join(' ') } });
    expect(bare.ok && withComment.ok && bare.value.blob.equals(withComment.value.blob)).toBe(true);
  });

  it('is refused, by reason, when it is not an Ed25519 key', async () => {
    const rsa = await sshKeygenKey('rsa', 'rsa');
    const blob = Buffer.from(SigningKey.generate().publicLine.split(' ')[1]!, 'base64');
    const lies = Buffer.concat([sshString('ssh-ed25519'), sshString(Buffer.alloc(31))]);
    expect(parsePublicKeyLine(rsa.publicLine)).toMatchObject({ ok: false, error: 'unsupportedKey' });
    expect(parsePublicKeyLine(`ssh-ed25519 ${Buffer.concat([blob, Buffer.from([1])]).toString('base64')}`)).toMatchObject({ ok: false, error: 'malformed' });
    expect(parsePublicKeyLine(`ssh-ed25519 ${lies.toString('base64')}`)).toMatchObject({ ok: false, error: 'malformed' });
    expect(parsePublicKeyLine(`ssh-ed25519 ${rsa.publicLine.split(' ')[1]}`)).toMatchObject({ ok: false, error: 'unsupportedKey' });
    expect(parsePublicKeyLine('ssh-ed25519')).toMatchObject({ ok: false, error: 'malformed' });
    expect(parsePublicKeyLine('ssh-ed25519 !!!!')).toMatchObject({ ok: false, error: 'malformed' });
  });
});
