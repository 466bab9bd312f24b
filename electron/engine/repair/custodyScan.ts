/**
 * Reading a custody log that may be broken, for `dalel check` and `dalel
 * repair` (issue 17): the lines whose chain holds, where it breaks and how,
 * and the lines after the break that are intact on their own (each parses
 * and its hash is its content's). Two writers without the lock leave a fork:
 * a line that names the same line before it as the line above it does. A
 * repair keeps the chain, links the intact lines after the break on again
 * (same event, new place in the chain) and sets aside the rest.
 */
import { genesisHash, type CustodyEvent } from '../../../shared/model';
import { custodyFile, hashOf, parseLine } from '../custodyLog';
import { UnitBroken, type Storage } from '../storage';

export interface CustodyBreak {
  /** The first line that does not follow the chain, from 1. */
  line: number;
  /** `forked`: it follows an earlier line, as a second writer's would; `altered`: it is damaged or edited; `unreadable`: it cannot be read (a damaged sealed frame). */
  kind: 'forked' | 'altered' | 'unreadable';
  /** Lines from the break on, each whole and unaltered on its own: linked on again by a repair. */
  intact: CustodyEvent[];
  /** Lines from the break on that are neither: set aside by a repair. */
  damaged: number;
}

export interface CustodyScan {
  /** The lines whose chain holds, from the first. */
  chain: CustodyEvent[];
  broken: CustodyBreak | null;
  /** The raw lines from the break on, as read: what a repair sets aside. */
  rest: Uint8Array[];
}

/** `check`: the file is left exactly as it is (a torn last line is not cut, as opening would). */
export async function scanCustody(storage: Storage, check = false): Promise<CustodyScan> {
  let units: readonly Uint8Array[];
  let unreadableAt: number | null = null;
  try {
    units = await storage.readUnits(custodyFile, { leaveTorn: check });
  } catch (error) {
    if (!(error instanceof UnitBroken)) throw error;
    units = error.readable;
    unreadableAt = error.index;
  }
  const decoder = new TextDecoder();
  const chain: CustodyEvent[] = [];
  let index = 0;
  for (; index < units.length; index += 1) {
    const event = parseLine(decoder.decode(units[index]));
    const previous = chain.at(-1)?.hash ?? genesisHash;
    if (!event || event.seq !== index || event.prev !== previous || !intact(event)) break;
    chain.push(event);
  }
  const rest = units.slice(index);
  if (!rest.length && unreadableAt === null) return { chain, broken: null, rest: [] };
  const events = rest.map((unit) => parseLine(decoder.decode(unit)));
  const whole = events.filter((event): event is CustodyEvent => event !== null && intact(event));
  const first = events[0];
  const known = new Set([genesisHash, ...chain.map((event) => event.hash)]);
  const kind = !rest.length ? 'unreadable' : first && intact(first) && known.has(first.prev) ? 'forked' : 'altered';
  return { chain, broken: { line: index + 1, kind, intact: whole, damaged: rest.length - whole.length }, rest: [...rest] };
}

const intact = (event: CustodyEvent) => {
  const { hash, ...rest } = event;
  return hashOf(rest) === hash;
};

/** The intact lines after a break, linked on after `chain`: the same events, each with its new place and hash. */
export function relinked(chain: readonly CustodyEvent[], events: readonly CustodyEvent[]): CustodyEvent[] {
  let prev = chain.at(-1)?.hash ?? genesisHash;
  return events.map((event, offset) => {
    const { hash: _hash, ...rest } = event;
    const body = { ...rest, seq: chain.length + offset, prev };
    const linked = { ...body, hash: hashOf(body) };
    prev = linked.hash;
    return linked;
  });
}
