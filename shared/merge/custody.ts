/**
 * The union of custody events from several archives. Each archive keeps its
 * own append-only log, a chain from the genesis hash where every line names
 * the hash of the line before it; a merge must keep each of those chains
 * whole and apart, never weave them into one. So the union is a list of
 * chains: the events linked by `prev`, grouped together and ordered by `seq`
 * (then hash). A chain is known by its root, the first event we hold of it:
 * for a whole log that is its `archive_created` line, so each chain stands for
 * one archive. A chain that does not start at the genesis hash is a fragment
 * (lines before it are missing) and is reported. Events are deduplicated by
 * hash, never dropped, and a chain that forks (two lines continue the same
 * line, as when an archive folder was copied and both copies went on) is kept
 * whole and reported. It does not recompute hashes (that needs sha256): the
 * engine checks each event's hash before merging.
 */
import { genesisHash, type CustodyEvent } from '../model';
import { compareText, distinctContents, instant } from './content';
import { orderedGraph } from './graph';

export interface CustodyChain {
  /** The hash of the chain's first event held here. */
  root: string;
  /** Whether the root is its log's first line (seq 0 after the genesis hash), i.e. nothing before it is missing. */
  fromGenesis: boolean;
  /** By seq, then hash: for an intact log, exactly the order it was written in. */
  events: CustodyEvent[];
}

export type CustodyProblem =
  /** Two different contents claim one hash: at most one can be genuine. Both are kept. */
  | { kind: 'sameHashDifferentContent'; hash: string; copies: number }
  /** An event names a previous line that no input holds. */
  | { kind: 'gap'; hash: string; missingPrev: string }
  /** Two or more events continue the same line. */
  | { kind: 'fork'; prev: string; hashes: string[] }
  /** An event's seq is not one more than its previous line's (0 after the genesis hash). */
  | { kind: 'sequence'; hash: string; seq: number; expected: number }
  /** Events that precede each other in a ring: impossible with real hashes. */
  | { kind: 'cycle'; hashes: string[] };

export interface CustodyMerge {
  /** Ordered by the time of their root event, then its hash. */
  chains: CustodyChain[];
  problems: CustodyProblem[];
}

/**
 * The union of two sets of custody events (raw logs, or custodyEventsOf an
 * earlier merge). Like mergeRecords, its value depends only on the set of
 * distinct events: commutative, associative, idempotent.
 */
export function mergeCustody(a: readonly CustodyEvent[], b: readonly CustodyEvent[]): CustodyMerge {
  const copiesByHash = new Map<string, CustodyEvent[]>();
  for (const event of [...a, ...b]) {
    const list = copiesByHash.get(event.hash);
    if (list) list.push(event);
    else copiesByHash.set(event.hash, [event]);
  }
  const problems: CustodyProblem[] = [];
  const hashes = [...copiesByHash.keys()].sort(compareText);
  const nodeOf = new Map(hashes.map((hash, index) => [hash, index]));
  const variantsOf = hashes.map((hash) => {
    const variants = distinctContents(copiesByHash.get(hash)!).sort((x, y) => x.seq - y.seq);
    if (variants.length > 1) problems.push({ kind: 'sameHashDifferentContent', hash, copies: variants.length });
    return variants;
  });

  const chainOf = hashes.map((_, index) => index);
  const find = (node: number): number => {
    while (chainOf[node] !== node) node = chainOf[node] = chainOf[chainOf[node]!]!;
    return node;
  };
  const successors = new Map<string, Set<string>>();
  const edges = variantsOf.map((variants, node) => {
    const previous: number[] = [];
    for (const event of variants) {
      const prevNode = nodeOf.get(event.prev);
      if (event.prev !== genesisHash) {
        const next = successors.get(event.prev) ?? new Set<string>();
        successors.set(event.prev, next.add(event.hash));
      }
      let expected = 0;
      if (prevNode !== undefined) {
        previous.push(prevNode);
        chainOf[find(prevNode)] = find(node);
        expected = variantsOf[prevNode]![0]!.seq + 1;
      } else if (event.prev !== genesisHash) {
        problems.push({ kind: 'gap', hash: event.hash, missingPrev: event.prev });
        continue;
      }
      if (event.seq !== expected) problems.push({ kind: 'sequence', hash: event.hash, seq: event.seq, expected });
    }
    return previous;
  });
  for (const [prev, next] of successors) {
    if (next.size > 1) problems.push({ kind: 'fork', prev, hashes: [...next].sort(compareText) });
  }
  for (const cycle of orderedGraph(edges).cycles) {
    problems.push({ kind: 'cycle', hashes: cycle.map((node) => hashes[node]!) });
  }

  const members = new Map<number, CustodyEvent[]>();
  variantsOf.forEach((variants, node) => {
    const chain = find(node);
    const list = members.get(chain);
    if (list) list.push(...variants);
    else members.set(chain, [...variants]);
  });
  const chains = [...members.values()].map((events) => chainFrom(events, nodeOf));
  chains.sort((x, y) => {
    const [p, q] = [x.rootEvent.at, y.rootEvent.at];
    return instant(p) - instant(q) || compareText(p, q) || compareText(x.chain.root, y.chain.root);
  });
  return { chains: chains.map(({ chain }) => chain), problems: sortedProblems(problems) };
}

/** Every event of the chains, chain after chain: the input for merging them again. */
export function custodyEventsOf(chains: readonly CustodyChain[]): CustodyEvent[] {
  return chains.flatMap((chain) => chain.events);
}

function chainFrom(events: CustodyEvent[], held: ReadonlyMap<string, number>): { chain: CustodyChain; rootEvent: CustodyEvent } {
  // Variants of one hash arrive sorted by canonical text; the stable sort keeps that as the last tie-break.
  events.sort((x, y) => x.seq - y.seq || compareText(x.hash, y.hash));
  // The first event whose previous line is not held; only a reported cycle has none.
  const root = events.find((event) => !held.has(event.prev)) ?? events[0]!;
  return { chain: { root: root.hash, fromGenesis: root.prev === genesisHash && root.seq === 0, events }, rootEvent: root };
}

function sortedProblems(problems: CustodyProblem[]): CustodyProblem[] {
  const keyed = problems.map((problem) => ({ problem, text: JSON.stringify(problem) }));
  keyed.sort((x, y) => compareText(x.problem.kind, y.problem.kind) || compareText(x.text, y.text));
  return keyed.filter((entry, index) => index === 0 || entry.text !== keyed[index - 1]!.text).map((entry) => entry.problem);
}
