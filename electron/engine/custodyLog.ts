/**
 * The custody log: one JSON line per event, each carrying the hash of the
 * line before it, appended durably and never rewritten (DESIGN.md). Opening
 * checks the whole chain; a removed, reordered or edited line is reported by
 * its line number. A torn last line (a crash during an append that was never
 * acknowledged) is dropped.
 */
import { CustodyEvent, genesisHash, type CustodyAction } from '../../shared/model';
import { canonicalJson, sha256Hex } from './canonical';
import { EngineError } from './errors';
import type { Storage } from './storage';

export const custodyFile = 'custody.log';

export interface CustodyFacts {
  recordId?: string;
  revisionId?: string;
  hashes?: string[];
  note?: string;
}

const encoder = new TextEncoder();

function hashOf(event: Omit<CustodyEvent, 'hash'>): string {
  return sha256Hex(canonicalJson(event));
}

export class CustodyLog {
  private constructor(
    private readonly storage: Storage,
    private lastHash: string,
    private nextSeq: number,
    private readonly events: CustodyEvent[],
  ) {}

  /** Reads and checks the chain; throws custodyBroken naming the first bad line. */
  static async open(storage: Storage): Promise<CustodyLog> {
    const bytes = (await storage.read(custodyFile)) ?? new Uint8Array();
    let text = new TextDecoder().decode(bytes);
    const lastNewline = text.lastIndexOf('\n');
    if (lastNewline !== text.length - 1) {
      // An append that never finished was never acknowledged: drop it.
      await storage.truncate(custodyFile, encoder.encode(text.slice(0, lastNewline + 1)).length);
      text = text.slice(0, lastNewline + 1);
    }
    const events: CustodyEvent[] = [];
    let previous = genesisHash;
    const lines = text.split('\n').slice(0, -1);
    for (const [index, line] of lines.entries()) {
      const event = parseLine(line);
      const { hash, ...rest } = event ?? ({} as CustodyEvent);
      if (!event || event.seq !== index || event.prev !== previous || hashOf(rest) !== hash) {
        throw new EngineError('custodyBroken', { line: index + 1 });
      }
      events.push(event);
      previous = hash;
    }
    return new CustodyLog(storage, previous, events.length, events);
  }

  async append(actor: string, action: CustodyAction, facts: CustodyFacts = {}): Promise<CustodyEvent> {
    const body = { seq: this.nextSeq, at: new Date().toISOString(), actor, action, ...facts, prev: this.lastHash };
    const event: CustodyEvent = { ...body, hash: hashOf(body) };
    await this.storage.append(custodyFile, encoder.encode(`${JSON.stringify(event)}\n`));
    this.lastHash = event.hash;
    this.nextSeq += 1;
    this.events.push(event);
    return event;
  }

  /** Events that concern one record, oldest first. */
  eventsFor(recordId: string): CustodyEvent[] {
    return this.events.filter((event) => event.recordId === recordId);
  }

  get length(): number {
    return this.nextSeq;
  }
}

function parseLine(line: string): CustodyEvent | null {
  try {
    const parsed = CustodyEvent.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
