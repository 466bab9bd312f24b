/**
 * What `dalel check` finds (issue 17), reading an archive as a repair must:
 * without its record snapshot (every record file is read and every
 * revision's signature checked), its custody log line by line even past a
 * break, every revision the log names looked for among the records, and
 * every evidence file hashed against its name. A check writes nothing (a
 * torn last log line is left as it is); a problem is reported, never
 * thrown, so that one damaged part does not hide the others.
 */
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Attachment } from '../../../shared/model';
import { readArchiveKey } from '../archiveKey';
import { temporaryName } from '../atomicFile';
import { blobPath } from '../blobStore';
import { custodyFile } from '../custodyLog';
import { readJson } from '../documentAdapter';
import { EncryptedStorage } from '../encryptedStorage';
import { RecordStore } from '../recordStore';
import { shards } from '../sealedPacks';
import { FileBroken, type Storage } from '../storage';
import { readVouched } from '../vouched';
import { scanCustody, type CustodyScan } from './custodyScan';
import { revisionsGoneBefore } from './reports';
import { z } from 'zod';

export interface FileProblem {
  file: string;
  /** `missing`: the custody log names a revision of this record that no record file holds. */
  reason: 'unreadable' | 'tampered' | 'missing';
}

export interface EvidenceProblem {
  recordId: string;
  sha256: string;
  /** `missing`: no file; `damaged`: its bytes are not the ones named (or cannot be read). */
  problem: 'missing' | 'damaged';
}

export interface Inspection {
  custody: CustodyScan;
  records: RecordStore;
  fileProblems: FileProblem[];
  evidence: EvidenceProblem[];
  /** Each record's evidence entries, as listed. */
  attachments: Map<string, Attachment[]>;
  /** Temporary files a killed write left behind, relative to the archive folder. */
  leftovers: string[];
}

const recordPath = (recordId: string) => `records/${recordId.slice(0, 2)}/${recordId}.json`;

export async function inspect(storage: Storage, mode: 'check' | 'repair', onProgress?: (done: number, total: number) => void): Promise<Inspection> {
  const fileProblems: FileProblem[] = [];
  // Without these the archive does not open at all; a repair cannot make them again.
  if (!(await readJson(storage, 'settings.json', z.object({ name: z.string() })).catch(() => null))) fileProblems.push({ file: 'settings.json', reason: 'unreadable' });
  if (!(await readArchiveKey(storage).catch(() => null))) fileProblems.push({ file: 'keys/signing.json', reason: 'unreadable' });

  const custody = await scanCustody(storage, mode === 'check');
  if (!custody.broken && storage instanceof EncryptedStorage && storage.stoppedEarly(custodyFile)) {
    // Layout 2: a log cut short of what the passphrase vouched for lost its last lines.
    const vouched = await readVouched(storage);
    if (!vouched || custody.chain.length < vouched.custody.length) {
      const lost = (vouched?.custody.length ?? custody.chain.length + 1) - custody.chain.length;
      custody.broken = { line: custody.chain.length + 1, kind: 'unreadable', intact: [], damaged: lost };
    }
  }
  const { store: records, problems } = await RecordStore.load(storage);
  fileProblems.push(...problems);
  if (storage instanceof EncryptedStorage) {
    for (const file of await storage.missingPacks()) if (!fileProblems.some((problem) => problem.file === file)) fileProblems.push({ file, reason: 'unreadable' });
  }
  // A record file removed whole leaves no trace among the records: the custody log still names its revisions.
  const gone = await revisionsGoneBefore(storage);
  const named = [...custody.chain, ...(custody.broken?.intact ?? [])];
  for (const event of named) {
    const { recordId, revisionId } = event;
    if (!recordId || !revisionId || gone.has(revisionId) || records.holds(recordId, revisionId)) continue;
    const file = recordPath(recordId);
    if (!fileProblems.some((problem) => problem.file === file || problem.file === `packs/${recordId.slice(0, 2)}`)) fileProblems.push({ file, reason: 'missing' });
  }

  const attachments = await listedEvidence(storage, fileProblems);
  const evidence = await checkEvidence(storage, attachments, onProgress);
  return { custody, records, fileProblems, evidence, attachments, leftovers: await leftoversIn(storage.root) };
}

/** Every record's evidence entries; a damaged pack's records are reported with the pack already. */
async function listedEvidence(storage: Storage, problems: FileProblem[]): Promise<Map<string, Attachment[]>> {
  const attachments = new Map<string, Attachment[]>();
  for (const shard of shards) {
    let names: string[];
    try {
      names = await storage.list(`attachments/${shard}`);
    } catch (error) {
      if (error instanceof FileBroken) continue;
      throw error;
    }
    for (const name of names.filter((entry) => entry.endsWith('.json'))) {
      const recordId = name.slice(0, -'.json'.length);
      const file = `attachments/${shard}/${name}`;
      const document = await readJson(storage, file, z.object({ attachments: z.array(z.unknown()) })).catch(() => null);
      // A list that no longer reads loses its entries silently everywhere else: here it is named.
      if (!document) problems.push({ file, reason: 'unreadable' });
      attachments.set(recordId, (document?.attachments ?? []).flatMap((entry) => {
        const parsed = Attachment.safeParse(entry);
        return parsed.success ? [parsed.data] : [];
      }));
    }
  }
  return attachments;
}

/** Every evidence file, hashed once however many records list it. */
async function checkEvidence(storage: Storage, attachments: Map<string, Attachment[]>, onProgress?: (done: number, total: number) => void): Promise<EvidenceProblem[]> {
  const verdicts = new Map<string, EvidenceProblem['problem'] | null>();
  const sizes = new Map([...attachments.values()].flat().map((entry) => [entry.sha256, entry.size]));
  const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
  let done = 0;
  onProgress?.(0, total);
  for (const [sha256, size] of sizes) {
    verdicts.set(sha256, await verdictOf(storage, sha256));
    onProgress?.((done += size), total);
  }
  const problems: EvidenceProblem[] = [];
  for (const [recordId, entries] of attachments) {
    for (const entry of entries) {
      const problem = verdicts.get(entry.sha256);
      if (problem) problems.push({ recordId, sha256: entry.sha256, problem });
    }
  }
  return problems;
}

async function verdictOf(storage: Storage, sha256: string): Promise<EvidenceProblem['problem'] | null> {
  if (!(await storage.exists(blobPath(sha256)))) return 'missing';
  const hash = createHash('sha256');
  try {
    for await (const piece of storage.readStream(blobPath(sha256))) hash.update(piece);
  } catch (error) {
    if (error instanceof FileBroken) return 'damaged';
    throw error;
  }
  return hash.digest('hex') === sha256 ? null : 'damaged';
}

async function leftoversIn(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile() && temporaryName.test(entry.name)).map((entry) => relative(root, join(entry.parentPath, entry.name)));
}
