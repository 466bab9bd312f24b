/**
 * `dalel repair` (issue 17): brings an archive back to everything that still
 * verifies, and never deletes what does not.
 *
 * - Everything it will change is first copied into `set-aside/<time>/`,
 *   through the archive's storage (sealed when the archive is): a damaged
 *   record file, a damaged evidence file, and the whole custody log when
 *   its chain is broken — as stored on disk when it no longer opens, so that
 *   what might still be recovered is kept.
 * - Then its report, signed with the archive's key (SSHSIG, namespace
 *   `dalel-repair`), and the custody log: its chain, the intact lines after
 *   a break linked on again (same events, new place), and one line
 *   `archive_repaired` whose `hashes` name the report. That write is the
 *   moment of change: a repair killed before it changed nothing but the
 *   set-aside folder; killed after it, running it again finishes the work.
 * - Then the changes: record files written again with the revisions that
 *   verify (salvage.ts), evidence entries taken off their records' lists,
 *   damaged evidence files out of the store, leftovers of killed writes removed.
 *
 * What cannot be done here (a damaged pack of an encrypted archive, a
 * missing record file, an unreadable settings, key or evidence-list file)
 * is named in `notRepaired`, to be restored from a backup; what it has on
 * disk is set aside first. The caller holds the lock.
 */
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Attachment, CustodyEvent } from '../../../shared/model';
import { AttachmentStore } from '../attachmentStore';
import { blobPath } from '../blobStore';
import { custodyFile, hashOf } from '../custodyLog';
import { encodeDocument } from '../documentAdapter';
import { snapshotFile } from '../recordSnapshot';
import type { SigningKey } from '../signingKey';
import { signSshsig } from '../sshsig';
import { FileBroken, type Storage } from '../storage';
import { readVouched, writeVouched } from '../vouched';
import { relinked } from './custodyScan';
import type { Inspection } from './inspect';
import { setAsideDir } from './reports';
import { salvageRevisions } from './salvage';

export const repairNamespace = 'dalel-repair';

export interface RepairReport {
  repairedAt: string;
  /** Where the set-aside copies and this report are, inside the archive. */
  setAside: string;
  custody: null | { brokenAt: number; kind: string; kept: number; relinked: number; setAside: number };
  records: { file: string; reason: string; revisionsKept: number }[];
  evidence: { recordId: string; sha256: string; problem: string; entry: Attachment | null }[];
  /** Revisions the custody log names that are no longer held: set aside here, or already gone. */
  revisionsGone: string[];
  leftoversRemoved: string[];
  /** What a repair here cannot bring back: restore it from a backup. */
  notRepaired: string[];
}

const encoder = new TextEncoder();

export async function repairArchive(storage: Storage, key: SigningKey, found: Inspection, now = new Date()): Promise<RepairReport> {
  const aside = `${setAsideDir}/${now.toISOString().replace(/[:.]/g, '-')}`;
  const report: RepairReport = {
    repairedAt: now.toISOString(),
    setAside: aside,
    custody: null,
    records: [],
    evidence: [],
    revisionsGone: [],
    leftoversRemoved: [],
    notRepaired: [],
  };
  const changes: (() => Promise<void>)[] = [];
  const kept = new Set<string>();

  for (const problem of found.fileProblems) {
    const { file } = problem;
    // Only a record file is written again from what verifies in it; any other is kept as stored and named.
    if (problem.reason === 'missing' || !file.startsWith('records/')) {
      if (problem.reason !== 'missing') await setAsideStored(storage, file, aside);
      report.notRepaired.push(file);
      continue;
    }
    const bytes = await readable(storage, file);
    if (!bytes) {
      await setAsideStored(storage, file, aside);
      report.notRepaired.push(file);
      continue;
    }
    await storage.write(`${aside}/${file}`, bytes);
    const salvaged = salvageRevisions(bytes, file.split('/').at(-1)!.replace(/\.json$/, ''));
    for (const signed of salvaged.revisions) kept.add(signed.id);
    changes.push(() => (salvaged.revisions.length ? storage.write(file, encodeDocument(salvaged)) : storage.remove(file)));
    report.records.push({ file, reason: problem.reason, revisionsKept: salvaged.revisions.length });
  }

  for (const sha256 of new Set(found.evidence.filter((item) => item.problem === 'damaged').map((item) => item.sha256))) {
    const path = blobPath(sha256);
    if (!(await copied(storage, path, `${aside}/${path}`))) await setAsideStored(storage, path, aside);
    changes.push(() => storage.remove(path));
  }
  const byRecord = new Map<string, Set<string>>();
  for (const problem of found.evidence) {
    byRecord.set(problem.recordId, (byRecord.get(problem.recordId) ?? new Set()).add(problem.sha256));
    const entry = found.attachments.get(problem.recordId)?.find((listed) => listed.sha256 === problem.sha256) ?? null;
    report.evidence.push({ ...problem, entry });
  }
  const attachments = new AttachmentStore(storage);
  for (const [recordId, sha256s] of byRecord) changes.push(async () => void (await attachments.takeOff(recordId, sha256s)));

  const { chain, broken } = found.custody;
  const events = broken ? [...chain, ...relinked(chain, broken.intact)] : [...chain];
  if (broken) {
    await setAsideStored(storage, custodyFile, aside);
    report.custody = { brokenAt: broken.line, kind: broken.kind, kept: chain.length, relinked: broken.intact.length, setAside: found.custody.rest.length };
  }
  report.revisionsGone = [
    ...new Set(events.flatMap((event) => (event.recordId && event.revisionId && !found.records.holds(event.recordId, event.revisionId) && !kept.has(event.revisionId) ? [event.revisionId] : []))),
  ];
  for (const leftover of found.leftovers) {
    changes.push(() => rm(join(storage.root, leftover), { force: true }));
    report.leftoversRemoved.push(leftover);
  }

  const signed = encoder.encode(`${JSON.stringify(report, null, 2)}\n`);
  await storage.write(`${aside}/repair.json`, signed);
  await storage.write(`${aside}/repair.json.sig`, encoder.encode(await signSshsig(key, signed, repairNamespace)));
  events.push(repairEvent(events.at(-1), key, report, createHash('sha256').update(signed).digest('hex'), now));

  // The sealed length first moves back to the chain both the old and the new log begin with: a stop between
  // the two writes is then no "custody log cut" on the next open.
  const vouched = await readVouched(storage);
  if (vouched && chain.length) await writeVouched(storage, { ...vouched, custody: { length: chain.length, hash: chain.at(-1)!.hash } });
  await storage.writeUnits(custodyFile, events.map((event) => encoder.encode(JSON.stringify(event))));
  if (vouched) await writeVouched(storage, { ...vouched, custody: { length: events.length, hash: events.at(-1)!.hash } });

  for (const change of changes) await change();
  // The snapshot vouched for the old log: the next open reads every record file again.
  await storage.remove(snapshotFile);
  return report;
}

function repairEvent(last: CustodyEvent | undefined, key: SigningKey, report: RepairReport, reportSha256: string, now: Date): CustodyEvent {
  const parts = [
    report.custody && `custody log broken at line ${report.custody.brokenAt} (${report.custody.kind}): ${report.custody.relinked} line(s) linked on again`,
    report.records.length && `${report.records.length} record file(s) rewritten with what verifies`,
    report.evidence.length && `${report.evidence.length} evidence entr(y/ies) set aside`,
    report.notRepaired.length && `not repairable here: ${report.notRepaired.join(', ')}`,
  ].filter(Boolean);
  const body = {
    seq: (last?.seq ?? -1) + 1,
    at: now.toISOString(),
    actor: key.fingerprint,
    action: 'archive_repaired' as const,
    hashes: [reportSha256],
    note: `see ${report.setAside}/repair.json: ${parts.join('; ') || 'leftovers of interrupted writes removed'}`.slice(0, 2000),
    prev: last?.hash ?? '0'.repeat(64),
  };
  return { ...body, hash: hashOf(body) };
}

/** The file as stored on disk (sealed, in an encrypted archive): what is kept of one that no longer opens. */
async function setAsideStored(storage: Storage, path: string, aside: string): Promise<void> {
  const stored = await storage.readStored(path);
  if (stored) await storage.write(`${aside}/${path}.stored`, stored);
}

async function readable(storage: Storage, path: string): Promise<Uint8Array | null> {
  try {
    return await storage.read(path);
  } catch (error) {
    if (error instanceof FileBroken) return null;
    throw error;
  }
}

/** Copies a file that opens whole; false (nothing written) for one that fails part way. */
async function copied(storage: Storage, from: string, to: string): Promise<boolean> {
  if (!(await storage.exists(from))) return false;
  try {
    for await (const piece of storage.readStream(from)) void piece;
  } catch (error) {
    if (error instanceof FileBroken) return false;
    throw error;
  }
  await storage.writeStream(to, storage.readStream(from));
  return true;
}
