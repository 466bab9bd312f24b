/**
 * The graph algorithms the merge needs, on nodes numbered 0..n-1 in the order
 * the caller ranks them: strongly connected components (to find cycles) and a
 * topological order that breaks ties by rank, so that the order depends only
 * on the graph and the ranks, never on the order edges were listed in. It
 * knows nothing of revisions or custody events; it never throws on a cycle.
 */

/** Tarjan's algorithm without recursion (a long linear history must not overflow the stack). */
export function stronglyConnected(edges: readonly (readonly number[])[]): number[] {
  const count = edges.length;
  const index = new Array<number>(count).fill(-1);
  const low = new Array<number>(count).fill(0);
  const onStack = new Array<boolean>(count).fill(false);
  const component = new Array<number>(count).fill(-1);
  const stack: number[] = [];
  let next = 0;
  let components = 0;
  for (let root = 0; root < count; root += 1) {
    if (index[root] !== -1) continue;
    const work: [node: number, edge: number][] = [[root, 0]];
    index[root] = low[root] = next++;
    stack.push(root);
    onStack[root] = true;
    while (work.length) {
      const frame = work[work.length - 1]!;
      const node = frame[0];
      const out = edges[node]!;
      if (frame[1] < out.length) {
        const target = out[frame[1]++]!;
        if (index[target] === -1) {
          index[target] = low[target] = next++;
          stack.push(target);
          onStack[target] = true;
          work.push([target, 0]);
        } else if (onStack[target]) {
          low[node] = Math.min(low[node]!, index[target]!);
        }
        continue;
      }
      work.pop();
      const caller = work[work.length - 1];
      if (caller) low[caller[0]] = Math.min(low[caller[0]]!, low[node]!);
      if (low[node] === index[node]) {
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = false;
          component[member] = components;
        } while (member !== node);
        components += 1;
      }
    }
  }
  return component;
}

export interface OrderedGraph {
  /** Every node once: each after the nodes it points to, ties broken by lowest number first. */
  order: number[];
  /** Groups of nodes that point to each other in a ring (or one node that points to itself), each sorted. */
  cycles: number[][];
}

/**
 * Orders nodes so that each comes after every node it points to (a revision
 * after its parents), lowest-numbered first among those that are ready. The
 * members of a cycle cannot be ordered that way: they are placed together,
 * lowest-numbered first, once everything outside the cycle that they point to
 * is placed, and reported.
 */
export function orderedGraph(edges: readonly (readonly number[])[]): OrderedGraph {
  const component = stronglyConnected(edges);
  const members = new Map<number, number[]>();
  component.forEach((group, node) => {
    const list = members.get(group);
    if (list) list.push(node);
    else members.set(group, [node]);
  });
  // Nodes are visited in ascending order, so each member list is sorted and its first entry ranks the group.
  const rankOf = new Map<number, number>([...members].map(([group, list]) => [group, list[0]!]));
  const waitingOn = new Map<number, number>();
  const dependents = new Map<number, number[]>();
  const cycles: number[][] = [];
  for (const [group, list] of members) {
    const pointsTo = new Set<number>();
    let selfLoop = false;
    for (const node of list) {
      for (const target of edges[node]!) {
        if (component[target] === group) selfLoop ||= target === node || list.length > 1;
        else pointsTo.add(component[target]!);
      }
    }
    if (selfLoop || list.length > 1) cycles.push(list);
    waitingOn.set(group, pointsTo.size);
    for (const target of pointsTo) {
      const list = dependents.get(target);
      if (list) list.push(group);
      else dependents.set(target, [group]);
    }
  }
  const ready = new MinHeap();
  for (const [group, count] of waitingOn) if (count === 0) ready.push(rankOf.get(group)!);
  const groupAtRank = new Map([...rankOf].map(([group, rank]) => [rank, group]));
  const order: number[] = [];
  while (ready.size) {
    const group = groupAtRank.get(ready.pop())!;
    order.push(...members.get(group)!);
    for (const dependent of dependents.get(group) ?? []) {
      const left = waitingOn.get(dependent)! - 1;
      waitingOn.set(dependent, left);
      if (left === 0) ready.push(rankOf.get(dependent)!);
    }
  }
  cycles.sort((a, b) => a[0]! - b[0]!);
  return { order, cycles };
}

/** A binary min-heap of numbers: the next ready node in O(log n), so that a record of thousands of revisions stays fast. */
class MinHeap {
  private readonly items: number[] = [];

  get size(): number {
    return this.items.length;
  }

  push(value: number): void {
    const items = this.items;
    items.push(value);
    let at = items.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (items[parent]! <= value) break;
      items[at] = items[parent]!;
      at = parent;
    }
    items[at] = value;
  }

  pop(): number {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length) {
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        if (left >= items.length) break;
        const right = left + 1;
        const child = right < items.length && items[right]! < items[left]! ? right : left;
        if (items[child]! >= last) break;
        items[at] = items[child]!;
        at = child;
      }
      items[at] = last;
    }
    return top;
  }
}
