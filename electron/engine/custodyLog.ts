/**
 * The custody log: one JSON line per event, each carrying the hash of the
 * line before it, appended durably and never rewritten (docs/design.md). Opening
 * checks the whole chain; a removed, reordered or edited line is reported by
 * its line number. A torn last line (a crash during an append that was never
 * acknowledged) is dropped by the storage. The lines a trusted record
 * snapshot vouches for (recordSnapshot.ts: their count and digest, checked
 * when it was written) are only parsed, not checked again.
 */
import { createHash, type Hash } from 'node:crypto';
import { CustodyEvent, genesisHash, type CustodyAction } from '../../shared/model';
import { canonicalJson, sha256Hex } from './canonical';
import { EngineError } from './errors';
import { UnitBroken, type Storage } from './storage';

export const custodyFile = 'custody.log';

export interface CustodyFacts {
  recordId?: string;
  revisionId?: string;
  hashes?: string[];
  note?: string;
}

const encoder = new TextEncoder();
const newline = new Uint8Array([0x0a]);

/** The first `length` lines of the log and the sha256 of their bytes, each followed by a newline. */
export interface CustodyPrefix {
  length: number;
  digest: string;
}

/** A line's hash: the sha256 of its canonical JSON without the hash itself. */
export function hashOf(event: Omit<CustodyEvent, 'hash'>): string {
  return sha256Hex(canonicalJson(event));
}

export class CustodyLog {
  private constructor(
    private readonly storage: Storage,
    private lastHash: string,
    private nextSeq: number,
    /** The lines a trusted snapshot vouches for, parsed only when someone asks for them. */
    private trustedUnits: readonly Uint8Array[],
    /** The lines after those, checked on open or appended since. */
    private checked: CustodyEvent[],
    private readonly digest: Hash,
    /** True when the log still begins with the lines of the prefix it was opened with. */
    readonly prefixMatched: boolean,
  ) {}

  /**
   * Reads and checks the chain; throws custodyBroken naming the first bad
   * line. The lines of `trusted`, if the log still begins with them, were
   * checked before and are not checked again.
   */
  static async open(storage: Storage, trusted?: CustodyPrefix): Promise<CustodyLog> {
    let units: Uint8Array[];
    try {
      // A torn last line (an append that never finished) was never acknowledged: storage drops it.
      units = await storage.readUnits(custodyFile);
    } catch (error) {
      if (error instanceof UnitBroken) throw new EngineError('custodyBroken', { line: error.index + 1 });
      throw error;
    }
    const digest = createHash('sha256');
    let prefixMatched = false;
    for (const [index, unit] of units.entries()) {
      digest.update(unit).update(newline);
      if (index + 1 === trusted?.length) prefixMatched = digest.copy().digest('hex') === trusted.digest;
    }
    const trustedUnits = prefixMatched ? units.slice(0, trusted!.length) : [];
    const decoder = new TextDecoder();
    let previous = trustedUnits.length ? (JSON.parse(decoder.decode(trustedUnits.at(-1))) as CustodyEvent).hash : genesisHash;
    const checked: CustodyEvent[] = [];
    for (let index = trustedUnits.length; index < units.length; index += 1) {
      const event = parseLine(decoder.decode(units[index]));
      const { hash, ...rest } = event ?? ({} as CustodyEvent);
      if (!event || event.seq !== index || event.prev !== previous || hashOf(rest) !== hash) {
        throw new EngineError('custodyBroken', { line: index + 1 });
      }
      checked.push(event);
      previous = hash;
    }
    return new CustodyLog(storage, previous, units.length, trustedUnits, checked, digest, prefixMatched);
  }

  async append(actor: string, action: CustodyAction, facts: CustodyFacts = {}): Promise<CustodyEvent> {
    const [event] = this.prepare(actor, [{ action, ...facts }]);
    await this.appendPrepared([event!]);
    return event!;
  }

  /**
   * The lines that would follow the log's last line now, without writing
   * them: an import puts them in its journal, so that its replay after a
   * crash appends exactly these.
   */
  prepare(actor: string, entries: readonly ({ action: CustodyAction } & CustodyFacts)[]): CustodyEvent[] {
    const at = new Date().toISOString();
    let prev = this.lastHash;
    return entries.map(({ action, ...facts }, index) => {
      const body = { seq: this.nextSeq + index, at, actor, action, ...facts, prev };
      const event: CustodyEvent = { ...body, hash: hashOf(body) };
      prev = event.hash;
      return event;
    });
  }

  /**
   * Appends prepared lines in one durable write. Lines the log already holds
   * (a replay after a crash that came after some were written) are skipped;
   * lines that no longer follow the log are refused.
   */
  async appendPrepared(events: readonly CustodyEvent[]): Promise<void> {
    const fresh = events.filter((event) => event.seq >= this.nextSeq);
    if (!fresh.length) return;
    if (fresh[0]!.seq !== this.nextSeq || fresh[0]!.prev !== this.lastHash) throw new EngineError('custodyBroken', { line: this.nextSeq + 1 });
    const units = fresh.map((event) => encoder.encode(JSON.stringify(event)));
    await this.storage.appendUnits(custodyFile, units);
    for (const unit of units) this.digest.update(unit).update(newline);
    for (const event of fresh) {
      this.checked.push(event);
      this.indexed(event);
    }
    this.lastHash = fresh.at(-1)!.hash;
    this.nextSeq += fresh.length;
    await this.afterAppend?.(this.nextSeq, this.lastHash);
  }

  /** The hash of line `index` (from 0), parsing that line alone; undefined past the end. */
  hashAt(index: number): string | undefined {
    if (index < 0 || index >= this.nextSeq) return undefined;
    if (index < this.trustedUnits.length) return (JSON.parse(new TextDecoder().decode(this.trustedUnits[index])) as CustodyEvent).hash;
    return this.checked[index - this.trustedUnits.length]?.hash;
  }

  /** Called after every durable append with the log's new length and last hash (vouched.ts keeps them sealed). */
  afterAppend: ((length: number, hash: string) => Promise<void>) | null = null;

  /** Every event, oldest first. */
  all(): readonly CustodyEvent[] {
    if (this.trustedUnits.length) {
      // Checked when the snapshot that vouches for them was written.
      const decoder = new TextDecoder();
      // concat, not unshift(...): a spread of 100k lines would overflow the call stack.
      this.checked = this.trustedUnits.map((unit) => JSON.parse(decoder.decode(unit)) as CustodyEvent).concat(this.checked);
      this.trustedUnits = [];
    }
    return this.checked;
  }

  /** Each record's events, made on first use (an export of many records asks for every one). */
  private byRecord: Map<string, CustodyEvent[]> | null = null;

  /** The log as it is now, for a record snapshot to vouch for. */
  prefix(): CustodyPrefix {
    return { length: this.nextSeq, digest: this.digest.copy().digest('hex') };
  }

  /** The records named by the lines from `seq` on. */
  recordsNamedSince(seq: number): Set<string> {
    const since = seq >= this.trustedUnits.length ? this.checked.slice(seq - this.trustedUnits.length) : this.all().slice(seq);
    return new Set(since.flatMap((event) => (event.recordId ? [event.recordId] : [])));
  }

  /** Events that concern one record, oldest first. */
  eventsFor(recordId: string): CustodyEvent[] {
    if (!this.byRecord) {
      this.byRecord = new Map();
      for (const event of this.all()) this.indexed(event);
    }
    return [...(this.byRecord.get(recordId) ?? [])];
  }

  private indexed(event: CustodyEvent): void {
    if (!this.byRecord || !event.recordId) return;
    const events = this.byRecord.get(event.recordId);
    if (events) events.push(event);
    else this.byRecord.set(event.recordId, [event]);
  }

  get length(): number {
    return this.nextSeq;
  }
}

export function parseLine(line: string): CustodyEvent | null {
  try {
    const parsed = CustodyEvent.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
