/**
 * One handler per channel of the contract. A handler receives the parsed
 * request, calls the archive, and returns the response value; failures are
 * thrown as EngineError and mapped by dispatch. No handler reads a request
 * that the contract has not parsed.
 */
import { resolve } from 'node:path';
import type { ArchiveStatus, ChannelName, ParsedRequestOf, ResponseOf } from '../../shared/ipc';
import { Archive } from './archive';
import { exportBundle } from './bundle/export';
import { mediaLocations } from './bundle/evidenceFiles';
import { verifyIsolated } from './bundle/isolatedVerify';
import { countersignBundle } from './bundle/countersign';
import { addCountersignatureFile, tagManifestToSign } from './bundle/countersignElsewhere';
import { countersignWithNcaLayer } from './bundle/countersignNcaLayer';
import { addTimeStamp, timeStampRequestFor } from './bundle/timeStamp';
import { parseTrustedKeys, type VerifyOptions } from './bundle/verify';
import { writeNewFile } from './atomicFile';
import { referencesTo } from './references';
import { signatureOf } from './recordSignature';
import { destroyArchiveFolder } from './destroy';
import { attemptsLeft, manifestOf, readUnlockFailures } from './manifest';
import type { EngineDeps, Progress } from './dispatch';
import { EngineError } from './errors';
import { toTrustedKeys } from './merge/importBundle';
import { overviewOf } from './overview';
import { queryList } from './lists/listIndex';
import { checkArchive, repairArchiveAt } from './repair';
import { PreferenceStore } from './preferences';

/** Opens the other archive of a merge; its errors name it, never the open archive. */
async function openOther(path: string, passphrase: string | undefined): Promise<Archive> {
  try {
    return await Archive.open(path, passphrase, { readOnly: true });
  } catch (error) {
    if (error instanceof EngineError && error.code === 'archiveDamaged') {
      throw new EngineError('otherArchiveDamaged', { path: String(error.params.path), file: String(error.params.file) });
    }
    throw error;
  }
}

export type Handlers = {
  [C in ChannelName]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>>;
};

/** A long task (an export, a check): one at a time, with its progress and a way to cancel it. */
interface RunningTask {
  kind: Progress['task'];
  controller: AbortController;
  done: number;
  total: number;
  startedAt: number;
}

/** What a task is given: where to report progress, and the signal that cancels it. */
interface TaskHooks {
  onProgress(done: number, total: number): void;
  signal: AbortSignal;
}

/** What the handlers share: the open archive, if any, the preferences, and the long task running. */
export class EngineState {
  archive: Archive | undefined;
  task: RunningTask | undefined;
  /** The archive that was locked, or that asked for its passphrase: the UI offers to unlock it. */
  lockedPath: string | undefined;
  readonly preferences: PreferenceStore;

  constructor(readonly deps: EngineDeps) {
    this.preferences = new PreferenceStore(deps.configDir);
  }

  /** Runs a long task in the one task slot; a second one while it runs is refused as busy. */
  async runTask<T>(kind: RunningTask['kind'], work: (hooks: TaskHooks) => Promise<T>): Promise<T> {
    if (this.task) throw new EngineError('busy');
    const task: RunningTask = { kind, controller: new AbortController(), done: 0, total: 0, startedAt: Date.now() };
    this.task = task;
    try {
      return await work({
        signal: task.controller.signal,
        onProgress: (done, total) => {
          task.done = done;
          task.total = total;
          this.deps.onProgress?.({ task: kind, done, total });
        },
      });
    } finally {
      this.task = undefined;
    }
  }

  requireArchive(): Archive {
    if (!this.archive) throw new EngineError('noArchive');
    return this.archive;
  }

  /** Drops the open archive and its keys from memory. */
  /** Closes the open archive: cancels the long task running on it, then forgets its keys. */
  async closeArchive(): Promise<void> {
    const archive = this.archive;
    this.archive = undefined;
    this.task?.controller.abort();
    await archive?.close();
  }

  async status(): Promise<ArchiveStatus> {
    if (this.archive) return this.archive.status();
    return { open: false, defaultPath: this.deps.defaultArchivePath, locked: await this.lockedStatus() };
  }

  private async lockedStatus() {
    if (!this.lockedPath) return null;
    try {
      const manifest = await manifestOf(this.lockedPath);
      const failures = await readUnlockFailures(this.lockedPath);
      return { path: this.lockedPath, safety: manifest.safety, attemptsLeft: attemptsLeft(manifest, failures) };
    } catch {
      this.lockedPath = undefined; // gone or unreadable: nothing to unlock any more
      return null;
    }
  }
}

const needsPassphrase = new Set(['passphraseRequired', 'wrongPassphrase', 'wrongPassphraseLimited']);

export function createHandlers(state: EngineState): Handlers {
  const { deps } = state;
  /** Bundles are checked in a thread of their own (isolatedVerify.ts). */
  const isolated = (file: string, options: VerifyOptions) => verifyIsolated(deps.verifyWorker, file, options);
  return {
    'app:info': async () => ({ version: deps.version, osLocale: deps.osLocale, networkAllowed: false }),
    'settings:get': async () => state.preferences.get(),
    'settings:set': async (changes) => state.preferences.set(changes),
    'archive:status': async () => state.status(),
    'archive:create': async ({ path, name, organization, protection }) => {
      const passphrase = protection.kind === 'passphrase' ? protection.passphrase : null;
      const archive = await Archive.create(path ?? deps.defaultArchivePath, { name, organization, passphrase, scryptCost: deps.scryptCost, holder: deps.holder });
      await state.closeArchive();
      state.archive = archive;
      state.lockedPath = undefined;
      return archive.status();
    },
    'archive:open': async ({ path, passphrase }) => {
      const target = path ?? deps.defaultArchivePath;
      try {
        const archive = await Archive.open(target, passphrase, { holder: deps.holder });
        await state.closeArchive();
        state.archive = archive;
        state.lockedPath = undefined;
        return archive.status();
      } catch (error) {
        if (error instanceof EngineError && needsPassphrase.has(error.code)) {
          await state.closeArchive();
          state.lockedPath = target;
        }
        if (error instanceof EngineError && error.code === 'archiveDestroyed') state.lockedPath = undefined;
        throw error;
      }
    },
    // Both report progress as a check ("verify"): reading every file is most of their work.
    'archive:check': async ({ path, passphrase }) => {
      // An archive open here is checked as it is on disk, its lock shared with this process: nothing writes meanwhile.
      return state.runTask('verify', (task) => checkArchive(path, passphrase, deps.holder ?? 'app', task.onProgress));
    },
    'archive:repair': async ({ path, passphrase }) => {
      // The repair rewrites files the open archive holds in memory: it is closed first, and left locked for the person
      // to open again (the app does at once; a repair that fails, a wrong passphrase, leaves the unlock screen).
      if (state.archive && resolve(state.archive.path) === resolve(path)) {
        await state.closeArchive();
        state.lockedPath = resolve(path);
      }
      const { found, report, after } = await state.runTask('verify', (task) => repairArchiveAt(path, passphrase, deps.holder ?? 'app', task.onProgress));
      return { found, report: report && { setAside: report.setAside, notRepaired: report.notRepaired }, after };
    },
    'archive:lock': async () => {
      const archive = state.archive;
      await state.closeArchive();
      if (archive) state.lockedPath = archive.path;
      return state.status();
    },
    'archive:changePassphrase': async ({ current, next, newKey }) => {
      const archive = state.requireArchive();
      if (!newKey) {
        await archive.changePassphrase(current, next, deps.scryptCost);
        return {};
      }
      await archive.reseal(current, next, deps.scryptCost);
      await state.closeArchive();
      state.archive = await Archive.open(archive.path, next, { holder: deps.holder });
      return {};
    },
    'archive:encrypt': async ({ passphrase }) => {
      const archive = state.requireArchive();
      await archive.encryptInPlace(passphrase, deps.scryptCost);
      await state.closeArchive();
      state.archive = await Archive.open(archive.path, passphrase, { holder: deps.holder });
      return state.archive.status();
    },
    'archive:setSafety': async (safety) => {
      await state.requireArchive().setSafety(safety);
      return state.status();
    },
    'archive:destroy': async () => {
      const path = state.archive?.path ?? state.lockedPath;
      if (!path) throw new EngineError('noArchive');
      const { safety } = state.archive ?? (await manifestOf(path));
      if (!safety.quickDelete) throw new EngineError('quickDeleteDisabled');
      const archive = state.archive;
      state.archive = undefined;
      state.task?.controller.abort();
      archive?.forgetKeys();
      state.lockedPath = undefined;
      await destroyArchiveFolder(path);
      // A write that was under way may have made files again after the removal: they go too.
      if (archive) {
        await archive.settled();
        await archive.close();
        await destroyArchiveFolder(path);
      }
      return state.status();
    },
    'archive:choose': async ({ purpose }) => ({ path: await deps.dialogs.chooseFolder(purpose) }),
    'archive:stateHash': async () => ({ stateHash: await state.requireArchive().stateHash() }),
    'records:list': async ({ type }) => ({ records: state.requireArchive().listRecords(type) }),
    'records:overview': async (request) => overviewOf(state.requireArchive(), Date.now(), request),
    'records:query': async (request) => queryList(state.requireArchive(), request),
    'records:get': async ({ recordId }) => {
      const archive = state.requireArchive();
      return { ...archive.getRecord(recordId), attachments: await archive.listAttachments(recordId) };
    },
    'records:references': async ({ recordId }) => ({ references: referencesTo(state.requireArchive(), recordId) }),
    'records:signature': async ({ recordId }) => signatureOf(state.requireArchive(), recordId),
    'records:save': async (request) => state.requireArchive().save(request),
    'records:retract': async (request) => state.requireArchive().retract(request),
    // SECURITY: the paths come from the caller: the command's arguments, or in the app a file the
    // person picked or dropped. A picker-only flow for the app is part of the "Evidence" issue.
    'attachments:add': async ({ recordId, paths, description, sensitive }) => {
      const archive = state.requireArchive();
      const files = paths.map((path) => ({ path, description, sensitive }));
      return { attachments: await state.runTask('attach', (task) => archive.attach(recordId, files, task)) };
    },
    'custody:list': async ({ recordId }) => {
      const archive = state.requireArchive();
      return { events: recordId === undefined ? archive.custodyLog() : archive.custodyOf(recordId) };
    },
    'custody:anchorRequest': async ({ out }) => {
      const { seq, request } = await state.requireArchive().custodyAnchorRequest();
      await writeNewFile(out, request);
      return { seq, out };
    },
    'custody:addAnchor': async ({ response }) => {
      const { seq, hash, stamp } = await state.requireArchive().addCustodyAnchor(Buffer.from(response, 'base64'));
      return { seq, hash, timestamp: stamp };
    },
    'custody:anchors': async ({ timestampAnchors }) => {
      const anchors = await state.requireArchive().listCustodyAnchors(timestampAnchors === undefined ? undefined : Buffer.from(timestampAnchors, 'base64'));
      return { anchors: anchors.map(({ seq, hash, stamp, problem }) => ({ seq, hash, ...(stamp ? { timestamp: stamp } : {}), ...(problem ? { problem } : {}) })) };
    },
    'key:show': async () => {
      const { key } = state.requireArchive();
      return { publicKey: key.publicLine, fingerprint: key.fingerprint };
    },
    'bundle:export': async ({ out, profile, language, only, signerName, submission, leaveOutDamaged }) => {
      const archive = state.requireArchive();
      return state.runTask('export', (task) =>
        exportBundle(archive, { out, profile, language, only, signerName, submission, leaveOutDamaged, softwareVersion: deps.version, printPdf: deps.printPdf, ...task }),
      );
    },
    'bundle:locations': async ({ files }) => ({ files: await mediaLocations(state.requireArchive(), files) }),
    'bundle:chooseOut': async ({ suggested }) => ({ path: (await deps.dialogs.chooseSaveFile?.(suggested)) ?? null }),
    'bundle:verify': async ({ path, trusted, timestampAnchors, countersignatureAnchors }) => {
      // Without a list of its own, a check in an open archive names the signers that archive trusts.
      const listed = trusted !== undefined ? parseTrustedKeys(trusted) : toTrustedKeys((await state.archive?.trustedSigners()) ?? []);
      const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));
      const anchors = {
        ...(timestampAnchors === undefined ? {} : { timestampAnchors: bytes(timestampAnchors) }),
        ...(countersignatureAnchors === undefined ? {} : { countersignatureAnchors: bytes(countersignatureAnchors) }),
      };
      return state.runTask('verify', async (task) => (await verifyIsolated(deps.verifyWorker, path, { trusted: listed, ...anchors, ...task })).report);
    },
    'bundle:timeStampRequest': async ({ path, out }) =>
      state.runTask('verify', async (task) => {
        const { bundleId, request } = await timeStampRequestFor(path, isolated, task);
        await writeNewFile(out, request);
        return { bundleId, out };
      }),
    'bundle:countersign': async ({ path, pkcs12, password }) =>
      state.runTask('verify', async (task) => {
        const added = await countersignBundle(path, Buffer.from(pkcs12, 'base64'), password, isolated, task);
        return { bundleId: added.bundleId, sha256: added.sha256, countersignature: added.countersignature };
      }),
    'bundle:countersignWithNcaLayer': async ({ path, language }) =>
      state.runTask('verify', async (task) => {
        const ncaLayer = { locale: language, ...(deps.ncaLayerAddress ? { address: deps.ncaLayerAddress } : {}) };
        const added = await countersignWithNcaLayer(path, ncaLayer, isolated, task);
        return { bundleId: added.bundleId, sha256: added.sha256, countersignature: added.countersignature };
      }),
    'bundle:addCountersignature': async ({ path, signature }) =>
      state.runTask('verify', async (task) => {
        const added = await addCountersignatureFile(path, Buffer.from(signature, 'base64'), isolated, task);
        return { bundleId: added.bundleId, sha256: added.sha256, countersignature: added.countersignature };
      }),
    'bundle:extractTagManifest': async ({ path, out }) =>
      state.runTask('verify', async (task) => {
        const { bundleId, tagManifest } = await tagManifestToSign(path, isolated, task);
        await writeNewFile(out, tagManifest);
        return { bundleId, out };
      }),
    'bundle:addTimeStamp': async ({ path, response }) =>
      state.runTask('verify', async (task) => {
        const added = await addTimeStamp(path, Buffer.from(response, 'base64'), isolated, task);
        return { bundleId: added.bundleId, sha256: added.sha256, timestamp: added.stamp };
      }),
    'bundle:import': async ({ path, allowUntrusted }) => {
      const archive = state.requireArchive();
      return state.runTask('import', (task) => archive.importBundle(path, { ...task, allowUntrusted: allowUntrusted ?? false, verify: isolated }));
    },
    'bundle:received': async () => ({ bundles: await state.requireArchive().receivedBundles() }),
    'csv:import': async (request) => {
      const archive = state.requireArchive();
      return state.runTask('import', () => archive.importCsv(request));
    },
    'bundle:recheck': async ({ sha256 }) => {
      const archive = state.requireArchive();
      const { report, bundle } = await state.runTask('verify', () => archive.recheckReceived(sha256));
      return { report, bundle: bundle ?? null };
    },
    'archive:merge': async ({ path, passphrase }) => {
      const archive = state.requireArchive();
      return state.runTask('merge', async (task) => {
        const other = await openOther(path, passphrase);
        try {
          return await archive.mergeFrom(other, task);
        } finally {
          await other.close();
        }
      });
    },
    'trust:list': async () => ({ signers: await state.requireArchive().trustedSigners() }),
    'trust:add': async ({ publicKey, name }) => state.requireArchive().trust(publicKey, name),
    'trust:remove': async ({ fingerprint }) => state.requireArchive().untrust(fingerprint),
    'records:conflicts': async () => ({ records: state.requireArchive().conflicts() }),
    'records:resolve': async (request) => state.requireArchive().resolveConflict(request),
    'tasks:progress': async () => {
      const task = state.task;
      return task ? { task: task.kind, done: task.done, total: task.total, startedAt: task.startedAt } : { task: null, done: 0, total: 0, startedAt: null };
    },
    'drafts:get': async ({ key, recordId }) => ({ draft: (await state.requireArchive().draft(key, recordId)) as ResponseOf<'drafts:get'>['draft'] }),
    'drafts:put': async ({ key, data, recordId }) => ({ savedAt: await state.requireArchive().saveDraft(key, data, recordId) }),
    'drafts:delete': async ({ key }) => ({ deleted: await state.requireArchive().discardDraft(key) }),
    'tasks:cancel': async () => {
      const task = state.task;
      task?.controller.abort();
      return { cancelled: task !== undefined };
    },
  };
}
