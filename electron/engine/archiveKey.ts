/** The archive's signing key as its folder keeps it (keys/signing.json, sealed when the archive is encrypted). */
import { z } from 'zod';
import { readJson } from './documentAdapter';
import { SigningKey } from './signingKey';
import type { Storage } from './storage';

export const keyFilePath = 'keys/signing.json';
export const KeyFile = z.object({ publicKey: z.string(), privateKey: z.base64() });

/** The key, or null when its file is missing, damaged or does not match its own public line. */
export async function readArchiveKey(storage: Storage): Promise<SigningKey | null> {
  const keyFile = await readJson(storage, keyFilePath, KeyFile);
  try {
    const key = SigningKey.fromPkcs8(Buffer.from(keyFile?.privateKey ?? '', 'base64'));
    return key.publicLine === keyFile?.publicKey ? key : null;
  } catch {
    return null;
  }
}
