/**
 * The archive's list of trusted signers (trusted.json) and of received
 * redacted bundles (received.json): two small lowdb documents, each added to
 * as a union, so adding the same signer or bundle again changes nothing. A
 * damaged document reads as damage, never as an empty list.
 */
import { z } from 'zod';
import { ReceivedBundle, TrustedSigner } from '../../shared/model';
import { StorageAdapter } from './documentAdapter';
import { EngineError } from './errors';
import { FileBroken, type Storage } from './storage';

const trustedFile = 'trusted.json';
const receivedFile = 'received.json';

const TrustedDocument = z.strictObject({ signers: z.array(TrustedSigner) });
const ReceivedDocument = z.strictObject({ bundles: z.array(ReceivedBundle) });

export class ExchangeStore {
  constructor(
    private readonly storage: Storage,
    private readonly archivePath: string,
  ) {}

  async trusted(): Promise<TrustedSigner[]> {
    return (await this.read(trustedFile, TrustedDocument))?.signers ?? [];
  }

  async received(): Promise<ReceivedBundle[]> {
    return (await this.read(receivedFile, ReceivedDocument))?.bundles ?? [];
  }

  /** Adds signers whose fingerprint is not listed yet; a listed one keeps its first name. */
  async addTrusted(signers: readonly TrustedSigner[]): Promise<void> {
    const current = await this.trusted();
    const known = new Set(current.map((signer) => signer.fingerprint));
    const fresh = signers.filter((signer) => !known.has(signer.fingerprint) && known.add(signer.fingerprint));
    if (fresh.length) await new StorageAdapter(this.storage, trustedFile).write({ signers: [...current, ...fresh] });
  }

  /** Takes signers off the list; a fingerprint not listed changes nothing. */
  async removeTrusted(fingerprints: readonly string[]): Promise<void> {
    const current = await this.trusted();
    const kept = current.filter((signer) => !fingerprints.includes(signer.fingerprint));
    if (kept.length !== current.length) await new StorageAdapter(this.storage, trustedFile).write({ signers: kept });
  }

  /** Adds bundles whose file (sha256) is not listed yet. */
  async addReceived(bundles: readonly ReceivedBundle[]): Promise<void> {
    const current = await this.received();
    const known = new Set(current.map((bundle) => bundle.sha256));
    const fresh = bundles.filter((bundle) => !known.has(bundle.sha256) && known.add(bundle.sha256));
    if (fresh.length) await new StorageAdapter(this.storage, receivedFile).write({ bundles: [...current, ...fresh] });
  }

  private async read<T>(file: string, schema: z.ZodType<T>): Promise<T | null> {
    let value: unknown;
    try {
      value = await new StorageAdapter<unknown>(this.storage, file).read();
    } catch (error) {
      if (error instanceof FileBroken || error instanceof SyntaxError) throw new EngineError('archiveDamaged', { path: this.archivePath, file });
      throw error;
    }
    if (value === null) return null;
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new EngineError('archiveDamaged', { path: this.archivePath, file });
    return parsed.data;
  }
}
