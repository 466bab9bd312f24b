/**
 * Test and bench helper: the attacks of the hostile corpus (hostileCorpus.ts)
 * that are in data/bundle.json, each in a bag signed with a fresh key, so
 * that only the budgets on bundle.json itself can refuse them: its size, its
 * shape on the bytes, its counts, and the schema item by item.
 */
import { randomUUID } from 'node:crypto';
import { signRevision } from '../../revisions';
import { SigningKey } from '../../signingKey';
import { sampleIncident } from '../../testing/fixtures';
import { bundleChange, MiB, pick, record, signed, text, withBundleJson, type Attack } from './hostileAttack';
import { arraysJson, scalarsJson } from './hostileBytes';
import { bagEntries, makeBag } from './makeBundle';

export const jsonAttacks: Attack[] = [
  {
    id: 'bundle-json-240mb',
    attack: 'a signed bundle whose bundle.json is ~240 MB of nested empty arrays (reported at 34 MB zipped: JSON.parse of it grew to 5.9 GB and Node died)',
    reason: 'fileTooLarge',
    build: async (size) => withBundleJson(arraysJson(pick(size, 240e6, 25 * MiB)), true),
  },
  {
    id: 'bundle-json-dense-arrays',
    attack: 'a bundle.json within its size of nothing but empty arrays, three bytes each',
    reason: 'bundleJsonTooComplex',
    build: async (size) => withBundleJson(arraysJson(pick(size, 23 * MiB, 2 * MiB))),
  },
  {
    id: 'bundle-json-dense-scalars',
    attack: 'a bundle.json within its size of nothing but numbers, two bytes each',
    reason: 'bundleJsonTooComplex',
    build: async (size) => withBundleJson(scalarsJson(pick(size, 23 * MiB, 2 * MiB))),
  },
  {
    id: 'bundle-json-deep',
    attack: "a revision whose fields nest a million arrays deep (a recursive reader's stack overflows)",
    reason: 'bundleJsonTooComplex',
    build: async (size) => {
      const depth = pick(size, 1_000_000, 10_000);
      const bag = await makeBag({
        ...bundleChange((bundle) => (bundle.records = [record([{ id: '0'.repeat(64), signature: '', revision: { data: { deep: 'DEEP' } } }])]), true),
        payload: (files) => files.set('data/bundle.json', text(Buffer.from(files.get('data/bundle.json')!).toString().replace('"DEEP"', `${'['.repeat(depth)}${']'.repeat(depth)}`))),
      });
      const entries = bagEntries(bag).map((entry) => (entry.name === `${bag.name}/data/bundle.json` ? { ...entry, method: 0 } : entry));
      return { entries, file: 'data/bundle.json' };
    },
  },
  {
    id: 'bundle-json-many-records',
    attack: 'tens of thousands of tiny records, each of which would cost a signature check',
    reason: 'bundleJsonTooComplex',
    build: async (size) => {
      const count = pick(size, 50_000, 10_001);
      const { entries } = await signed(bundleChange((bundle) => (bundle.records = Array.from({ length: count }, () => record()))));
      return { entries, file: 'data/bundle.json' };
    },
  },
  {
    id: 'bundle-json-many-revisions',
    attack: 'an internal bundle of 20,000 correctly signed revisions, each checked before the one forged at the end',
    reason: 'bundleJsonTooComplex',
    build: async (size) => {
      const key = SigningKey.generate();
      const recordId = randomUUID();
      const data = { ...sampleIncident() };
      const revisions = Array.from({ length: pick(size, 20_000, 10_001) }, () => signRevision(key, { recordId, type: 'incident', parents: [], data }));
      revisions.at(-1)!.signature = revisions[0]!.signature;
      const { entries } = await signed(bundleChange((bundle) => (bundle.records = [{ ...record(revisions), recordId }]), true));
      return { entries, file: 'data/bundle.json' };
    },
  },
  {
    id: 'bundle-json-schema-flood',
    attack: "50,000 attachments that are not, a dozen schema problems each: zod's report of them all takes gigabytes",
    reason: 'bundleJsonInvalid',
    build: async () => {
      const { entries } = await signed(bundleChange((bundle) => (bundle.attachments = Array.from({ length: 50_000 }, () => ({ note: 'not an attachment' })))), ['data/bundle.json']);
      return { entries, file: 'data/bundle.json' };
    },
  },
  {
    id: 'bundle-json-cross-check-flood',
    attack: 'tens of thousands of well-formed attachments and custody lines, each breaking the rules that relate them to the bundle',
    reason: 'bundleJsonInvalid',
    build: async (size) => {
      const change = (bundle: Record<string, unknown>) => {
        const [attachment] = bundle.attachments as Record<string, unknown>[];
        // Another record's, under another file's name, with a field a format 1 bundle may not have: three problems each.
        bundle.attachments = Array.from({ length: pick(size, 40_000, 2000) }, () => ({ ...attachment, recordId: randomUUID(), path: `attachments/${'0'.repeat(64)}`, metadataLocation: 'present' }));
        // Unchained in a format 1 bundle, by an actor named as in a public one: two problems each.
        const line = { seq: 0, at: '2025-01-05T09:00:00.000Z', actor: 'key-1', action: 'record_saved' };
        bundle.custody = Array.from({ length: pick(size, 50_000, 2000) }, (_, seq) => ({ ...line, seq }));
      };
      const { entries } = await signed(bundleChange(change), ['data/bundle.json']);
      return { entries, file: 'data/bundle.json' };
    },
  },
  {
    id: 'bundle-json-item-flood',
    attack: 'one attachment listing 500,000 removed kinds of metadata, each wrong',
    reason: 'bundleJsonTooComplex',
    build: async (size) => {
      const removed = Array.from({ length: pick(size, 500_000, 20_000) }, () => 0);
      const change = (bundle: Record<string, unknown>) => ((bundle.attachments as Record<string, unknown>[])[0]!.cleaned = { removed, original: '0'.repeat(64) });
      const { entries } = await signed(bundleChange(change), ['data/bundle.json']);
      return { entries, file: 'data/bundle.json' };
    },
  },
];
