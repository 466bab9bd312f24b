// Merge as an organization sees it: archives from several defenders, the same
// records edited on both sides, copies arriving twice, in any order. Property
// tests simulate defenders editing, retracting and exchanging bundles, then
// check that the merge loses nothing, never depends on order, and reports a
// conflict exactly when two sides edited the same version independently.
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { genesisHash, type CustodyAction, type CustodyEvent, type RecordType, type SignedRevision } from '../model';
import {
  conflictsOf,
  currentStateOf,
  custodyEventsOf,
  headsOf,
  historyOrder,
  mergeCustody,
  mergeRecords,
  resolveConflictParents,
  type RecordSet,
} from '.';

/**
 * A 64-hex id for test content: eight seeded FNV-1a hashes of its canonical
 * JSON. Merge never checks ids (the engine does), it only needs them to be
 * distinct per content; shared/ stays pure, so no node:crypto here.
 */
function sha256(value: unknown): string {
  const text = canonicalize(value)!;
  let hex = '';
  for (let seed = 0; seed < 8; seed += 1) {
    let hash = (0x811c9dc5 ^ Math.imul(seed + 1, 0x9e3779b1)) >>> 0;
    for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
    hex += hash.toString(16).padStart(8, '0');
  }
  return hex;
}
const canonical = (value: unknown) => canonicalize(value)!;
const bytes = (value: unknown) => JSON.stringify(value);
const at = (minute: number) => new Date(Date.UTC(2022, 0, 5, 6, minute)).toISOString();

const recordIds = [0, 1, 2, 3].map((n) => `6f1c2a10-0000-4000-8000-00000000000${n}`);
const recordTypes: RecordType[] = ['incident', 'effect', 'source', 'incident'];
const authors = [0, 1, 2].map((n) => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAISide${n}`);
const actors = [0, 1, 2].map((n) => `SHA256:side${n}${'A'.repeat(38)}`);

interface Draft {
  recordId: string;
  type?: RecordType;
  parents?: string[];
  minute?: number;
  author?: number;
  data?: Record<string, unknown> | null;
}

/** A revision with its real content id (the signature is a stand-in: merge does not verify). */
function revision({ recordId, type = 'incident', parents = [], minute = 0, author = 0, data = { title: 'Mobile data cut' } }: Draft): SignedRevision {
  const body = {
    format: 1 as const,
    recordId,
    type,
    parents: [...parents].sort(),
    author: authors[author]!,
    createdAt: at(minute),
    data,
    ...(data === null ? { retraction: { reason: `retracted at ${minute}` } } : {}),
  };
  return { id: sha256(body), signature: 'c2lnbmF0dXJl', revision: body };
}

function custodyLine(log: CustodyEvent[], actor: string, action: CustodyAction, minute: number, note?: string): CustodyEvent {
  const last = log[log.length - 1];
  const body = { seq: log.length, at: at(minute), actor, action, ...(note ? { note } : {}), prev: last?.hash ?? genesisHash };
  const event = { ...body, hash: sha256(body) };
  log.push(event);
  return event;
}

// ---- A simulated world: three defenders' archives, edited and exchanged ----

type Command =
  | { op: 'edit'; side: number; record: number; minute: number; retract: boolean }
  | { op: 'sync'; from: number; to: number; record: number | null; resolve: boolean; minute: number };

interface Side {
  held: Map<string, Set<string>>;
  log: CustodyEvent[];
  imported: Map<string, CustodyEvent>;
}

class World {
  readonly revisions = new Map<string, SignedRevision>();
  readonly ancestors = new Map<string, Set<string>>();
  readonly sides: Side[] = [0, 1, 2].map((n) => {
    const log: CustodyEvent[] = [];
    custodyLine(log, actors[n]!, 'archive_created', 0, `archive ${n}`);
    return { held: new Map(), log, imported: new Map() };
  });
  private counter = 0;

  constructor(commands: Command[]) {
    for (const command of commands) {
      if (command.op === 'edit') this.edit(command.side, command.record, command.minute, command.retract);
      else this.sync(command);
    }
  }

  /** The oracle's heads, from transitive ancestry rather than the parents lists merge reads. */
  headsAmong(ids: Set<string>): string[] {
    return [...ids].filter((id) => ![...ids].some((other) => this.ancestors.get(other)!.has(id))).sort();
  }

  private edit(side: number, record: number, minute: number, retract: boolean): void {
    const recordId = recordIds[record]!;
    const held = this.sides[side]!.held.get(recordId);
    // A record is created once, by one defender; others get it only through a bundle.
    if (!held && [...this.revisions.values()].some((signed) => signed.revision.recordId === recordId)) return;
    const data = retract ? null : { title: `record ${record}`, note: `edit ${(this.counter += 1)} by ${side}` };
    const made = revision({ recordId, type: recordTypes[record], parents: held ? this.headsAmong(held) : [], minute, author: side, data });
    this.revisions.set(made.id, made);
    this.ancestors.set(made.id, new Set(made.revision.parents.flatMap((parent) => [parent, ...this.ancestors.get(parent)!])));
    this.sides[side]!.held.set(recordId, new Set([...(held ?? []), made.id]));
    custodyLine(this.sides[side]!.log, actors[side]!, retract ? 'record_retracted' : 'record_saved', minute);
  }

  private sync({ from, to, record, resolve, minute }: Extract<Command, { op: 'sync' }>): void {
    if (from === to) return;
    const [source, target] = [this.sides[from]!, this.sides[to]!];
    for (const event of [...source.log, ...source.imported.values()]) target.imported.set(event.hash, event);
    custodyLine(target.log, actors[to]!, 'bundle_imported', minute);
    for (const [recordId, ids] of source.held) {
      if (record !== null && recordId !== recordIds[record]) continue;
      const held = new Set([...(target.held.get(recordId) ?? []), ...ids]);
      target.held.set(recordId, held);
      if (resolve && this.headsAmong(held).length > 1) this.edit(to, recordIds.indexOf(recordId), minute, false);
    }
  }
}

interface Damage {
  /** Leave some revisions and custody lines out, as a partial bundle would (gaps). */
  lossy: boolean;
  /** Add a forged copy of a revision: same id, other content. */
  forge: boolean;
}

/** A side's archive as a merge input: copies repeated, order shuffled, some keys reordered, maybe damaged. */
function inputsOf(world: World, side: number, seed: number, damage: Damage): { records: RecordSet; custody: CustodyEvent[] } {
  const random = mulberry32(seed + side);
  const records: [string, SignedRevision[]][] = [];
  for (const [recordId, ids] of world.sides[side]!.held) {
    let list = [...ids].map((id) => world.revisions.get(id)!);
    if (damage.lossy) list = list.filter(() => random() > 0.25);
    const victim = list[Math.floor(random() * list.length)];
    if (damage.forge && victim && random() < 0.3) list.push({ ...victim, revision: { ...victim.revision, data: { title: 'forged' } } });
    list = list.map((signed) => (random() < 0.3 ? reversedKeys(signed) : signed));
    list.push(...list.filter(() => random() < 0.3));
    if (list.length) records.push([recordId, shuffled(list, random)]);
  }
  let custody = [...world.sides[side]!.log, ...world.sides[side]!.imported.values()];
  if (damage.lossy) custody = custody.filter(() => random() > 0.1);
  custody.push(...custody.filter(() => random() < 0.3));
  return { records: Object.fromEntries(shuffled(records, random)), custody: shuffled(custody, random) };
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(list: T[], random: () => number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([key, inner]) => [key, reversedKeys(inner)])) as T;
  }
  return value;
}

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('edit' as const), side: fc.nat(2), record: fc.nat(3), minute: fc.nat(40), retract: fc.nat(5).map((n) => n === 0) }) },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('sync' as const), from: fc.nat(2), to: fc.nat(2), record: fc.option(fc.nat(3)), resolve: fc.boolean(), minute: fc.nat(40) }),
  },
);

const scenario = (damaged: boolean) =>
  fc.record({
    commands: fc.array(command, { minLength: 4, maxLength: 40, size: 'max' }),
    seed: fc.nat(),
    lossy: damaged ? fc.boolean() : fc.constant(false),
    forge: damaged ? fc.boolean() : fc.constant(false),
  });

function setup({ commands, seed, lossy, forge }: { commands: Command[]; seed: number; lossy: boolean; forge: boolean }) {
  const world = new World(commands);
  const [a, b, c] = [0, 1, 2].map((side) => inputsOf(world, side, seed, { lossy, forge }));
  return { world, a: a!, b: b!, c: c! };
}

const runs = { numRuns: 200 };
const contents = (records: RecordSet) => new Set(Object.values(records).flatMap((list) => list.map(canonical)));

describe('merging revision sets, for any archives and edit histories', () => {
  it('gives the same bytes whichever archive comes first', () => {
    fc.assert(
      fc.property(scenario(true), (input) => {
        const { a, b } = setup(input);
        expect(bytes(mergeRecords(a.records, b.records))).toBe(bytes(mergeRecords(b.records, a.records)));
        expect(bytes(mergeCustody(a.custody, b.custody))).toBe(bytes(mergeCustody(b.custody, a.custody)));
      }),
      runs,
    );
  });

  it('gives the same bytes however the merges are grouped', () => {
    fc.assert(
      fc.property(scenario(true), (input) => {
        const { a, b, c } = setup(input);
        const left = mergeRecords(mergeRecords(a.records, b.records).records, c.records);
        const right = mergeRecords(a.records, mergeRecords(b.records, c.records).records);
        expect(bytes(left)).toBe(bytes(right));
        const custodyLeft = mergeCustody(custodyEventsOf(mergeCustody(a.custody, b.custody).chains), c.custody);
        const custodyRight = mergeCustody(a.custody, custodyEventsOf(mergeCustody(b.custody, c.custody).chains));
        expect(bytes(custodyLeft)).toBe(bytes(custodyRight));
      }),
      runs,
    );
  });

  it('changes nothing when an archive is merged with itself', () => {
    fc.assert(
      fc.property(scenario(true), (input) => {
        const { a } = setup(input);
        const alone = mergeRecords(a.records, {});
        expect(bytes(mergeRecords(a.records, a.records))).toBe(bytes(alone));
        expect(bytes(mergeRecords(alone.records, alone.records))).toBe(bytes(alone));
        expect(contents(alone.records)).toEqual(contents(a.records));
        const custody = mergeCustody(a.custody, []);
        expect(bytes(mergeCustody(a.custody, a.custody))).toBe(bytes(custody));
        const events = custodyEventsOf(custody.chains);
        expect(bytes(mergeCustody(events, events))).toBe(bytes(custody));
      }),
      runs,
    );
  });

  it('keeps every revision and custody event of every input, invents none, and puts parents first', () => {
    fc.assert(
      fc.property(scenario(true), (input) => {
        const { a, b, c } = setup(input);
        const merged = mergeRecords(a.records, mergeRecords(b.records, c.records).records);
        const inputs = [a, b, c].flatMap(({ records }) => [...contents(records)]);
        expect(contents(merged.records)).toEqual(new Set(inputs));
        for (const [recordId, list] of Object.entries(merged.records)) {
          const seen = new Set<string>();
          for (const signed of list) {
            expect(signed.revision.recordId).toBe(recordId);
            for (const parent of signed.revision.parents) if (list.some((other) => other.id === parent)) expect(seen).toContain(parent);
            seen.add(signed.id);
          }
        }
        const custodyInputs = [a, b, c].flatMap(({ custody }) => custody.map(canonical));
        const custody = mergeCustody(a.custody, custodyEventsOf(mergeCustody(b.custody, c.custody).chains));
        expect(new Set(custodyEventsOf(custody.chains).map(canonical))).toEqual(new Set(custodyInputs));
        expect(custodyEventsOf(custody.chains)).toHaveLength(new Set(custodyInputs).size);
      }),
      runs,
    );
  });

  it('finds a conflict exactly when both sides edited the same version, each without the other', () => {
    let forks = 0;
    let agreements = 0;
    fc.assert(
      fc.property(scenario(false), (input) => {
        const { world, a, b, c } = setup(input);
        const inputs = [a, b, c];
        for (const [i, j] of [[0, 1], [0, 2], [1, 2]] as const) {
          const merged = mergeRecords(inputs[i]!.records, inputs[j]!.records);
          expect(merged.problems).toEqual([]);
          for (const recordId of recordIds) {
            const mine = world.sides[i]!.held.get(recordId) ?? new Set<string>();
            const theirs = world.sides[j]!.held.get(recordId) ?? new Set<string>();
            // Only sides that are themselves settled: a conflict one side already had is not a fork of this merge.
            if (world.headsAmong(mine).length > 1 || world.headsAmong(theirs).length > 1) continue;
            const fork = [...mine].some((id) => !theirs.has(id)) && [...theirs].some((id) => !mine.has(id));
            const heads = headsOf(merged.records[recordId] ?? []).map((signed) => signed.id);
            expect(heads.length > 1).toBe(fork);
            if (fork) expect(heads.sort()).toEqual([...world.headsAmong(mine), ...world.headsAmong(theirs)].sort());
            if (fork) forks += 1;
            else if (mine.size && theirs.size) agreements += 1;
          }
        }
      }),
      runs,
    );
    expect(forks).toBeGreaterThan(20);
    expect(agreements).toBeGreaterThan(50);
  });

  it('shows every head of a conflict and no winner, until a revision on all heads resolves it', () => {
    fc.assert(
      fc.property(scenario(false), (input) => {
        const { world, a, b, c } = setup(input);
        const merged = mergeRecords(a.records, mergeRecords(b.records, c.records).records).records;
        const conflicted = new Set(conflictsOf(merged).map(({ recordId }) => recordId));
        for (const [recordId, list] of Object.entries(merged)) {
          const union = new Set(world.sides.flatMap((side) => [...(side.held.get(recordId) ?? [])]));
          const expected = world.headsAmong(union);
          const state = currentStateOf(list)!;
          expect(state.conflict).toBe(expected.length > 1);
          expect(conflicted.has(recordId)).toBe(expected.length > 1);
          if (!state.conflict) {
            expect([state.head.id]).toEqual(expected);
            expect(state.retracted).toBe(state.head.revision.data === null);
            continue;
          }
          expect(state.heads.map((signed) => signed.id).sort()).toEqual(expected);
          expect(resolveConflictParents(list)).toEqual(expected);
          const resolution = revision({ recordId, type: list[0]!.revision.type, parents: resolveConflictParents(list), minute: 59, author: 2 });
          const resolved = mergeRecords(merged, { [recordId]: [resolution] }).records;
          expect(currentStateOf(resolved[recordId]!)).toEqual({ conflict: false, head: resolution, retracted: false });
          // A defender who sends the old versions again does not reopen it.
          expect(conflictsOf(mergeRecords(resolved, a.records).records)).not.toContainEqual(expect.objectContaining({ recordId }));
        }
      }),
      runs,
    );
  });

  it('keeps each archive’s custody log as one whole chain, in the order it was written', () => {
    fc.assert(
      fc.property(scenario(false), (input) => {
        const { world, a, b, c } = setup(input);
        const merged = mergeCustody(a.custody, custodyEventsOf(mergeCustody(b.custody, c.custody).chains));
        expect(merged.problems).toEqual([]);
        expect(merged.chains).toHaveLength(3);
        for (const side of world.sides) {
          const chain = merged.chains.find(({ root }) => root === side.log[0]!.hash)!;
          expect(chain.fromGenesis).toBe(true);
          expect(chain.events.map(({ hash }) => hash)).toEqual(side.log.map(({ hash }) => hash));
        }
      }),
      runs,
    );
  });
});

describe('merging revision sets reports what it must not accept', () => {
  const [incident, other] = [recordIds[0]!, recordIds[1]!];
  const created = revision({ recordId: incident, minute: 1 });
  const edited = revision({ recordId: incident, parents: [created.id], minute: 2, data: { title: 'Mobile data cut in Almaty' } });

  it('keeps both copies of a forged revision id and says so, whichever side it came from', () => {
    const forged: SignedRevision = { ...edited, revision: { ...edited.revision, data: { title: 'Nothing happened' } } };
    const merged = mergeRecords({ [incident]: [created, edited] }, { [incident]: [created, forged] });
    expect(merged.problems).toEqual([{ kind: 'sameIdDifferentContent', recordId: incident, revisionId: edited.id, copies: 2 }]);
    expect(merged.records[incident]).toHaveLength(3);
    expect(merged.records[incident]).toEqual(expect.arrayContaining([edited, forged]));
    expect(bytes(mergeRecords({ [incident]: [created, forged] }, { [incident]: [created, edited] }))).toBe(bytes(merged));
    // Neither copy wins: the record shows both.
    expect(currentStateOf(merged.records[incident]!)).toMatchObject({ conflict: true });
  });

  it('files a revision under the record its signed content names, and reports where it was listed', () => {
    const merged = mergeRecords({ [other]: [created] }, {});
    expect(merged.problems).toEqual([{ kind: 'wrongRecord', recordId: incident, revisionId: created.id, filedUnder: other }]);
    expect(merged.records).toEqual({ [incident]: [created] });
  });

  it('reports a revision whose type is not its record’s', () => {
    const retyped = revision({ recordId: incident, type: 'effect', parents: [created.id], minute: 3 });
    const merged = mergeRecords({ [incident]: [created, retyped] }, {});
    expect(merged.problems).toEqual([{ kind: 'typeMismatch', recordId: incident, revisionId: retyped.id, type: 'effect', recordType: 'incident' }]);
    expect(merged.records[incident]).toEqual([created, retyped]);
  });

  it('keeps a revision whose parent is missing, reports the gap, and closes it when the parent arrives', () => {
    const partial = mergeRecords({ [incident]: [edited] }, {});
    expect(partial.problems).toEqual([{ kind: 'gap', recordId: incident, revisionId: edited.id, missingParents: [created.id] }]);
    expect(partial.records[incident]).toEqual([edited]);
    const whole = mergeRecords(partial.records, { [incident]: [created] });
    expect(whole.problems).toEqual([]);
    expect(whole.records[incident]).toEqual([created, edited]);
  });

  it('reports revisions that are each other’s parents, keeps them, and shows no head for them', () => {
    const first = { ...created, id: 'a'.repeat(64), revision: { ...created.revision, parents: ['b'.repeat(64)] } };
    const second = { ...created, id: 'b'.repeat(64), revision: { ...created.revision, parents: ['a'.repeat(64)], createdAt: at(0) } };
    const child = { ...created, id: 'c'.repeat(64), revision: { ...created.revision, parents: ['a'.repeat(64)] } };
    const merged = mergeRecords({ [incident]: [child, first] }, { [incident]: [second] });
    expect(merged.problems).toEqual([{ kind: 'cycle', recordId: incident, revisionIds: [first.id, second.id] }]);
    expect(merged.records[incident]!.map(({ id }) => id)).toEqual([second.id, first.id, child.id]);
    expect(currentStateOf([first, second])).toBeUndefined();
  });

  it('orders history by parents even when a defender’s clock ran backwards', () => {
    const late = revision({ recordId: incident, parents: [created.id], minute: 0, author: 1 });
    expect(historyOrder([late, created])).toEqual([created, late]);
  });

  it('treats an edit against a retraction as a conflict, not as either side winning', () => {
    const retracted = revision({ recordId: incident, parents: [created.id], minute: 3, author: 1, data: null });
    const merged = mergeRecords({ [incident]: [created, edited] }, { [incident]: [created, retracted] });
    expect(currentStateOf(merged.records[incident]!)).toEqual({ conflict: true, heads: [edited, retracted] });
    expect(resolveConflictParents(merged.records[incident]!)).toEqual([edited.id, retracted.id].sort());
    expect(currentStateOf(mergeRecords({ [incident]: [created] }, { [incident]: [created, retracted] }).records[incident]!)).toEqual({
      conflict: false,
      head: retracted,
      retracted: true,
    });
  });
});

describe('merging custody logs reports what it must not accept', () => {
  const log: CustodyEvent[] = [];
  for (const action of ['archive_created', 'record_saved', 'record_saved', 'bundle_exported'] as const) custodyLine(log, actors[0]!, action, log.length);
  const otherLog: CustodyEvent[] = [];
  custodyLine(otherLog, actors[1]!, 'archive_created', 0);
  custodyLine(otherLog, actors[1]!, 'record_saved', 1);

  it('keeps two archives’ logs as two chains, each in its own order', () => {
    const merged = mergeCustody([...otherLog].reverse(), [...log].reverse());
    expect(merged.problems).toEqual([]);
    expect(merged.chains.map(({ events }) => events)).toEqual(
      [log, otherLog].sort((x, y) => (x[0]!.hash < y[0]!.hash ? -1 : 1)),
    );
  });

  it('reports a missing line and keeps what follows it as a fragment', () => {
    const merged = mergeCustody([log[0]!, log[2]!, log[3]!], []);
    expect(merged.problems).toEqual([{ kind: 'gap', hash: log[2]!.hash, missingPrev: log[1]!.hash }]);
    expect(merged.chains).toEqual([
      { root: log[0]!.hash, fromGenesis: true, events: [log[0]] },
      { root: log[2]!.hash, fromGenesis: false, events: [log[2], log[3]] },
    ]);
    expect(mergeCustody(custodyEventsOf(merged.chains), [log[1]!]).chains).toEqual([{ root: log[0]!.hash, fromGenesis: true, events: log }]);
  });

  it('reports a log that forked, as when an archive folder was copied and both copies went on', () => {
    const copy = log.slice(0, 2);
    custodyLine(copy, actors[0]!, 'record_retracted', 9);
    const merged = mergeCustody(log, copy);
    expect(merged.problems).toEqual([{ kind: 'fork', prev: log[1]!.hash, hashes: [log[2]!.hash, copy[2]!.hash].sort() }]);
    expect(merged.chains).toHaveLength(1);
    expect(custodyEventsOf(merged.chains)).toHaveLength(5);
  });

  it('keeps both copies of a forged line and reports its hash and a broken sequence', () => {
    const forged = { ...log[1]!, note: 'inserted' };
    const renumbered = { ...otherLog[1]!, seq: 7 };
    const merged = mergeCustody(log, [forged, otherLog[0]!, renumbered]);
    expect(merged.problems).toEqual([
      { kind: 'sameHashDifferentContent', hash: log[1]!.hash, copies: 2 },
      { kind: 'sequence', hash: renumbered.hash, seq: 7, expected: 1 },
    ]);
    expect(custodyEventsOf(merged.chains)).toEqual(expect.arrayContaining([log[1], forged, renumbered]));
    expect(bytes(mergeCustody([forged, otherLog[0]!, renumbered], log))).toBe(bytes(merged));
  });

  it('reports lines that precede each other in a ring', () => {
    const [x, y] = ['d'.repeat(64), 'e'.repeat(64)];
    const ring = [
      { ...log[1]!, hash: x, prev: y },
      { ...log[2]!, hash: y, prev: x },
    ];
    const merged = mergeCustody(ring, []);
    expect(merged.problems).toContainEqual({ kind: 'cycle', hashes: [x, y] });
    expect(custodyEventsOf(merged.chains)).toHaveLength(2);
  });
});
