/**
 * Merge as an organization lives it, on real archives: random histories of
 * three defenders who create, edit and attach, and send each other internal
 * bundles; then organizations merge their folders, or import their
 * bundles, in every order and grouping. The union never depends on order or
 * grouping, merging again changes nothing, every revision of every input is
 * kept, and a record is in conflict exactly when two sides edited it.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Archive } from '../archive';
import { exportBundle } from '../bundle/export';
import { sampleIncident, temporaryFolder } from '../testing/fixtures';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

let made = 0;
/** A new archive that trusts these archives' keys, as a team's members and their organization do. */
async function fresh(name: string, trusting: readonly Archive[] = []): Promise<Archive> {
  const archive = await Archive.create(join(folder.path, `${name}-${(made += 1)}`), { name, organization: '', passphrase: null });
  for (const other of trusting) await archive.trust(other.key.publicLine, other.path);
  return archive;
}
/** The three defenders of the history being played. */
let team: Archive[] = [];

async function bundleOf(archive: Archive): Promise<string> {
  const out = join(folder.path, `bundle-${(made += 1)}.zip`);
  await exportBundle(archive, { out, profile: 'internal', language: 'en', softwareVersion: 'test' });
  return out;
}

const revisionIdsOf = (archive: Archive) =>
  (['incident', 'effect', 'source'] as const).flatMap((type) =>
    archive.listRecords(type).flatMap((summary) => archive.getRecord(summary.recordId).history.map((signed) => signed.id)),
  );

/**
 * An organization's archive: the given archives merged in this order. It
 * trusts the defenders and the archives it merges (another organization's
 * vouches for the files it lists on the defenders' records).
 */
async function mergedInOrder(order: readonly Archive[]): Promise<Archive> {
  const org = await fresh('org', [...new Set([...team, ...order])]);
  for (const archive of order) await org.mergeFrom(archive);
  return org;
}

type Step =
  | { kind: 'create'; side: number }
  | { kind: 'edit'; side: number; pick: number }
  | { kind: 'attach'; side: number; pick: number }
  | { kind: 'send'; from: number; to: number };

const side = fc.integer({ min: 0, max: 2 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), side }),
  fc.record({ kind: fc.constant('edit' as const), side, pick: fc.nat() }),
  fc.record({ kind: fc.constant('attach' as const), side, pick: fc.nat() }),
  fc.record({ kind: fc.constant('send' as const), from: side, to: side }),
);

/** Plays a history on three defenders' archives; edits a record in conflict by resolving it. */
async function play(steps: readonly Step[]): Promise<Archive[]> {
  const defenders = [await fresh('a'), await fresh('b'), await fresh('c')];
  for (const archive of defenders) for (const other of defenders) if (other !== archive) await archive.trust(other.key.publicLine, other.path);
  team = defenders;
  let counter = 0;
  for (const next of steps) {
    counter += 1;
    if (next.kind === 'create') {
      await defenders[next.side]!.save({ type: 'incident', data: sampleIncident({ title: `Оқиға ${counter}` }) });
    } else if (next.kind === 'send') {
      if (next.from !== next.to) await defenders[next.to]!.importBundle(await bundleOf(defenders[next.from]!));
    } else {
      const archive = defenders[next.side]!;
      const records = archive.listRecords('incident');
      if (!records.length) continue;
      const record = records[next.pick % records.length]!;
      if (next.kind === 'attach') {
        const file = join(folder.path, `file-${counter}.txt`);
        await writeFile(file, `Evidence ${counter} — дәлел`);
        await archive.attach(record.recordId, [{ path: file }]);
      } else if (record.conflict) {
        await archive.resolveConflict({ recordId: record.recordId, heads: record.heads, data: sampleIncident({ title: `Шешім ${counter}` }) });
      } else {
        await archive.save({ type: 'incident', recordId: record.recordId, parent: record.headId, data: sampleIncident({ title: `Түзету ${counter}` }) });
      }
    }
  }
  return defenders;
}

describe('merging real archives', () => {
  it('does not depend on order or grouping, loses nothing, and changes nothing the second time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 8 }), async (steps) => {
        const [a, b, c] = await play(steps);
        const abc = await mergedInOrder([a!, b!, c!]);
        const cba = await mergedInOrder([c!, b!, a!]);
        const bca = await mergedInOrder([b!, c!, a!]);
        const expected = await abc.stateHash();
        expect(await cba.stateHash()).toBe(expected);
        expect(await bca.stateHash()).toBe(expected);

        // (A ∪ B) ∪ C = A ∪ (B ∪ C)
        const ab = await mergedInOrder([a!, b!]);
        const bc = await mergedInOrder([b!, c!]);
        expect(await (await mergedInOrder([ab, c!])).stateHash()).toBe(expected);
        expect(await (await mergedInOrder([a!, bc])).stateHash()).toBe(expected);

        await abc.mergeFrom(b!);
        await abc.mergeFrom(abc);
        expect(await abc.stateHash()).toBe(expected);

        const kept = new Set(revisionIdsOf(abc));
        for (const archive of [a!, b!, c!]) for (const id of revisionIdsOf(archive)) expect(kept.has(id)).toBe(true);
        expect(kept.size).toBe(new Set([a!, b!, c!].flatMap(revisionIdsOf)).size);

        // Bundles in the opposite order give the same archive as the folders.
        const imported = await fresh('org', team);
        for (const archive of [c!, a!, b!]) await imported.importBundle(await bundleOf(archive));
        expect(await imported.stateHash()).toBe(expected);
      }),
      { numRuns: 8 },
    );
  }, 180_000);

  it('finds a conflict exactly when both sides edited the record they shared', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 2 }), fc.nat({ max: 2 }), fc.boolean(), async (editsA, editsB, retractB) => {
        const a = await fresh('a');
        const b = await fresh('b', [a]);
        team = [a, b];
        const { recordId } = await a.save({ type: 'incident', data: sampleIncident({ title: 'Shared' }) });
        await b.importBundle(await bundleOf(a));
        for (let index = 0; index < editsA; index += 1) {
          const head = a.getRecord(recordId).summary.headId;
          await a.save({ type: 'incident', recordId, parent: head, data: sampleIncident({ title: `A ${index}` }) });
        }
        for (let index = 0; index < editsB; index += 1) {
          const head = b.getRecord(recordId).summary.headId;
          await b.save({ type: 'incident', recordId, parent: head, data: sampleIncident({ title: `B ${index}` }) });
        }
        if (retractB) await b.retract({ recordId, parent: b.getRecord(recordId).summary.headId, reason: 'duplicate' });
        const org = await mergedInOrder([a, b]);
        const bothChanged = editsA > 0 && (editsB > 0 || retractB);
        expect(org.conflicts().map((record) => record.recordId)).toEqual(bothChanged ? [recordId] : []);
        expect(org.getRecord(recordId).summary.conflict).toBe(bothChanged);
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
