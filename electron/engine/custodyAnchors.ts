/**
 * Proofs of time for the custody log (issue 18): a time-stamp authority
 * (RFC 3161) signs the moment at which the log's line N, whose hash chains
 * every line before it, existed. So everything recorded up to that line is
 * provable later as recorded by then, whatever the computer's clock said.
 *
 * What is stamped is a short statement naming the line and its hash
 * (`headStatement`), never the log itself: the request
 * carries only its SHA-256 and a nonce. The tokens are kept in anchors.json,
 * in the archive's storage (sealed in an encrypted archive, like trusted.json).
 * They are checked again whenever they are listed: against the log as it is
 * now, whose chain the archive checked on opening.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { Sha256Hex } from '../../shared/model';
import type { CustodyLog } from './custodyLog';
import { StorageAdapter } from './documentAdapter';
import { EngineError } from './errors';
import { FileBroken, type Storage } from './storage';
import { timeStampRequest } from './timestamp/request';
import { checkTimeStamp, readAnchors, stampedDigest, type TimeStamp, type TimeStampProblem } from './timestamp/token';

export const anchorsFile = 'anchors.json';

const Anchor = z.strictObject({
  /** The custody line's `seq`. */
  seq: z.number().int().nonnegative(),
  /** That line's hash, as it was when stamped. */
  hash: Sha256Hex,
  /** The authority's TimeStampResp, base64 of its DER. */
  token: z.base64(),
});
const AnchorsDocument = z.strictObject({ anchors: z.array(Anchor) });
type Anchor = z.infer<typeof Anchor>;

/** What a listed anchor proves, checked now. */
export interface CustodyAnchor {
  seq: number;
  hash: string;
  /** The proof, when it holds; `anchored` as for a bundle's. */
  stamp?: TimeStamp;
  /** Why it does not: the log's line is not the one stamped (`lineChanged`), or the token's problem. */
  problem?: TimeStampProblem | 'lineChanged';
}

/**
 * The bytes stamped for line `seq` whose hash is `hash`. The hash chains
 * every line before it back to the first, which names the archive, so the
 * statement needs nothing else (an archive's id as shown changes when it is
 * encrypted; its log does not).
 */
export function headStatement(seq: number, hash: string): Buffer {
  return Buffer.from(`Dalel custody log\nseq ${seq}\nhash ${hash}\n`, 'utf8');
}

const problemErrors = {
  malformed: 'timeStampUnreadable',
  notGranted: 'timeStampNotGranted',
  wrongData: 'timeStampNotForBundle',
  signatureInvalid: 'timeStampSignatureInvalid',
  notAnAuthority: 'timeStampNotAnAuthority',
} as const satisfies Record<TimeStampProblem, string>;

export class CustodyAnchors {
  constructor(
    private readonly storage: Storage,
    private readonly custody: CustodyLog,
    private readonly archivePath: string,
  ) {}

  /** A request for the log's last line, to take to an authority. */
  request(): { seq: number; request: Buffer } {
    const seq = this.custody.length - 1;
    return { seq, request: timeStampRequest(headStatement(seq, this.custody.hashAt(seq)!)) };
  }

  /**
   * Keeps an authority's answer to a request made for one of the log's lines
   * (the last one when asked; others may have been added since): found by
   * the hash it stamps, checked, then stored. Changes nothing else.
   */
  async add(response: Uint8Array): Promise<CustodyAnchor & { stamp: TimeStamp }> {
    const stamped = stampedDigest(response);
    if (!stamped) {
      // No token that reads: the authority's refusal, or not a response at all.
      const check = await checkTimeStamp(response, Buffer.alloc(0));
      throw new EngineError(problemErrors[check.ok ? 'malformed' : check.problem]);
    }
    const seq = this.lineStamped(stamped);
    if (seq === null) throw new EngineError('anchorNotForLog');
    const hash = this.custody.hashAt(seq)!;
    const check = await checkTimeStamp(response, headStatement(seq, hash));
    if (!check.ok) throw new EngineError(problemErrors[check.problem]);
    const current = await this.stored();
    const already = current.find((anchor) => anchor.seq === seq);
    if (already) throw new EngineError('anchorExists', { seq, time: (await this.judge(already)).stamp?.time ?? '' });
    const anchors = [...current, { seq, hash, token: Buffer.from(response).toString('base64') }].sort((a, b) => a.seq - b.seq);
    await new StorageAdapter(this.storage, anchorsFile).write({ anchors });
    return { seq, hash, stamp: check.stamp };
  }

  /** Every stored proof, oldest line first, checked against the log as it is now (and `anchors`, a PEM or DER file's bytes). */
  async list(anchors?: Uint8Array): Promise<CustodyAnchor[]> {
    const trusted = anchors === undefined ? undefined : (readAnchors(anchors) ?? []);
    return Promise.all((await this.stored()).map((anchor) => this.judge(anchor, trusted)));
  }

  private async judge(anchor: Anchor, trusted?: Parameters<typeof checkTimeStamp>[2]): Promise<CustodyAnchor> {
    const { seq, hash } = anchor;
    if (this.custody.hashAt(seq) !== hash) return { seq, hash, problem: 'lineChanged' };
    const check = await checkTimeStamp(Buffer.from(anchor.token, 'base64'), headStatement(seq, hash), trusted);
    return check.ok ? { seq, hash, stamp: check.stamp } : { seq, hash, problem: check.problem };
  }

  /** The line whose statement has this digest, newest first, or null. */
  private lineStamped({ algorithm, digest }: { algorithm: string; digest: Buffer }): number | null {
    for (let seq = this.custody.length - 1; seq >= 0; seq--) {
      const statement = headStatement(seq, this.custody.hashAt(seq)!);
      if (createHash(algorithm).update(statement).digest().equals(digest)) return seq;
    }
    return null;
  }

  private async stored(): Promise<Anchor[]> {
    let value: unknown;
    try {
      value = await new StorageAdapter<unknown>(this.storage, anchorsFile).read();
    } catch (error) {
      if (error instanceof FileBroken || error instanceof SyntaxError) throw new EngineError('archiveDamaged', { path: this.archivePath, file: anchorsFile });
      throw error;
    }
    if (value === null) return [];
    const document = AnchorsDocument.safeParse(value);
    if (!document.success) throw new EngineError('archiveDamaged', { path: this.archivePath, file: anchorsFile });
    return document.data.anchors;
  }
}
