/**
 * Which storage an archive's manifest asks for: plain, or encrypted in the
 * layout its `encryption` names (encryptedStorage.ts).
 */
import type { Keyring } from './crypto/keyring';
import { EncryptedStorage, layout1DataDir, type SealedLayoutOptions } from './encryptedStorage';
import type { Encryption } from './manifest';
import { PlainStorage, type Storage } from './storage';

/** How the sealed files of an archive with this `encryption` are laid out. */
export function sealedLayoutOf(encryption: Encryption): SealedLayoutOptions {
  return encryption.scheme === 'dalel-aes-256-gcm-2' ? { version: 2, dataDir: encryption.dataDir } : { version: 1, dataDir: layout1DataDir };
}

export function storageFor(root: string, encryption: Encryption | null, keyring: Keyring | null): Storage {
  if (!encryption) return new PlainStorage(root);
  if (!keyring) throw new Error('an encrypted archive needs its keys');
  return new EncryptedStorage(root, keyring, sealedLayoutOf(encryption));
}
