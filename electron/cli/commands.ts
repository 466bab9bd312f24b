/**
 * The commands of docs/spec/cli.md that this version has: each parses nothing
 * itself (index.ts did), calls the engine through the contract, and prints
 * either plain translated lines or --json.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import type { TFunction } from 'i18next';
import { archiveIsWhole, minPassphraseLength, type ChannelName, type Language, type RecordDetail, type RecordSummary, type RequestOf, type ResponseOf } from '../../shared/ipc';
import { bundleProfiles, findArea, recordSchemas, recordTypes, redactionKinds, type Area, type BundleProfile, type RecordType, type Redactions, type SavableType } from '../../shared/model';
import { fingerprintOfLine } from '../engine/signingKey';
import { CommandFailure, InputFailure, VerifyRejected } from './failures';
import { describeError } from './output';
import type { Io } from './output';
import { askHidden, canAsk } from './prompt';

export interface CommandContext {
  t: TFunction;
  language: Language;
  io: Io;
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  say(text: string): void;
  warn(text: string): void;
}

interface Command {
  options: ParseArgsConfig['options'];
  /** Names of the positional arguments, for "missing DIR" messages. */
  positionals: string[];
  /** The last positional may repeat (FILE...). */
  variadic?: boolean;
  run(context: CommandContext): Promise<void>;
}

const json = (context: CommandContext, value: unknown) => context.say(JSON.stringify(value, null, 2));

/**
 * The passphrase from --passphrase-file (its first line) or DALEL_PASSPHRASE;
 * never from argv. A file that other users of the computer can read is
 * used, with a warning: the passphrase in it is as good as theirs.
 */
async function readPassphrase(context: CommandContext, option = 'passphrase-file', variable = 'DALEL_PASSPHRASE'): Promise<string | undefined> {
  const file = context.values[option];
  if (typeof file === 'string') {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new InputFailure(context.t('cli:readInputFailed', { file }));
    }
    const { mode } = await stat(file);
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) context.warn(context.t('cli:passphraseFileReadable', { file }));
    return text.split(/\r?\n/)[0];
  }
  return context.io.env[variable];
}

/** A passphrase asked at the terminal (twice for a new one, which must match), or undefined when no one can be asked. */
async function askPassphrase(context: CommandContext, label: 'ask' | 'askOther' | 'askNew'): Promise<string | undefined> {
  if (!canAsk(context.io)) return undefined;
  const given = await askHidden(context.io, context.t(`cli:passphrase.${label}`));
  if (given === null) throw new InputFailure(context.t('cli:passphrase.gaveUp'));
  if (label !== 'askNew') return given;
  const again = await askHidden(context.io, context.t('cli:passphrase.askAgain'));
  if (again !== given) throw new InputFailure(context.t('cli:passphrase.differ'));
  return given;
}

/** A passphrase given by file or environment, else asked at the terminal. */
async function passphraseFor(context: CommandContext, label: 'ask' | 'askNew'): Promise<string | undefined> {
  return (await readPassphrase(context)) ?? (await askPassphrase(context, label));
}

/**
 * Calls `call` with the passphrase given by file or environment; when none
 * was given and the archive turns out to be encrypted, asks at the terminal
 * and tries once more. An unencrypted archive is never asked about.
 */
async function withPassphrase<T>(context: CommandContext, given: string | undefined, label: 'ask' | 'askOther', call: (passphrase: string | undefined) => Promise<T>): Promise<T> {
  try {
    return await call(given);
  } catch (error) {
    const asked = given === undefined && error instanceof CommandFailure && error.error.code === 'passphraseRequired' ? await askPassphrase(context, label) : undefined;
    if (asked === undefined) throw error;
    return call(asked);
  }
}

/** After an import or a merge: the records now in conflict, which only a person can resolve. */
async function sayConflicts(context: CommandContext): Promise<void> {
  if (context.values.json) return;
  const { records } = await context.call('records:conflicts', {});
  if (!records.length) return;
  context.say(context.t('cli:conflicts', { count: records.length }));
  for (const record of records) context.say(`  ${record.recordId}  ${record.heads.join(' ')}`);
}

async function openArchive(context: CommandContext, given?: string) {
  const path = resolve(context.positionals[0]!);
  const status = await withPassphrase(context, given ?? (await readPassphrase(context)), 'ask', (passphrase) =>
    context.call('archive:open', { path, ...(passphrase === undefined ? {} : { passphrase }) }),
  );
  // Record files that could not be read or were altered: their records are left out of everything, said on every command.
  if (status.open && status.problems.length) {
    context.warn(context.t('cli:damagedFiles', { count: status.problems.length }));
    for (const problem of status.problems) context.warn(`  ${problem.file} (${context.t(`cli:damage.${problem.reason}`)})`);
  }
  // What the unlock found changed while the archive was locked: said on every command, on stderr.
  if (status.open && status.tampering.length) {
    context.warn(context.t('common:tampering.title'));
    for (const kind of status.tampering) context.warn(`  ${context.t(`common:tampering.${kind}`)}`);
  }
  return status;
}

async function readJsonInput(context: CommandContext, file: string): Promise<unknown> {
  const { t } = context;
  let text: string;
  try {
    text = file === '-' ? await readStream(context.io.stdin) : await readFile(file, 'utf8');
  } catch {
    throw new InputFailure(t('cli:readInputFailed', { file }));
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new InputFailure(t('cli:notJson', { file: file === '-' ? 'stdin' : file }));
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export const commands: Record<string, Command> = {
  init: {
    options: { name: { type: 'string' }, org: { type: 'string' }, 'no-encryption': { type: 'boolean' }, json: { type: 'boolean' } },
    positionals: ['DIR'],
    async run(context) {
      const path = resolve(context.positionals[0]!);
      const unencrypted = Boolean(context.values['no-encryption']);
      const passphrase = unencrypted ? undefined : await passphraseFor(context, 'askNew');
      if (!unencrypted && passphrase === undefined) throw new InputFailure(context.t('cli:initNeedsPassphrase'));
      if (passphrase !== undefined && passphrase.length < minPassphraseLength) {
        throw new InputFailure(context.t('cli:passphraseTooShort', { min: minPassphraseLength }));
      }
      const status = await context.call('archive:create', {
        path,
        name: (context.values.name as string | undefined) ?? basename(path),
        organization: (context.values.org as string | undefined) ?? '',
        protection: passphrase === undefined ? { kind: 'none' } : { kind: 'passphrase', passphrase },
      });
      if (!status.open) return;
      if (unencrypted) context.warn(context.t('cli:unencryptedNotice'));
      if (context.values.json) return json(context, { path: status.path, archiveId: status.archiveId, fingerprint: status.fingerprint });
      context.say(context.t('cli:created', { path: status.path }));
      context.say(context.t('cli:fingerprint', { fingerprint: status.fingerprint }));
    },
  },

  add: {
    options: { type: { type: 'string' }, parent: { type: 'string' }, json: { type: 'string' } },
    positionals: ['DIR'],
    async run(context) {
      const type = requireOption(context, 'type');
      if (!(type in recordSchemas)) throw new InputFailure(context.t('cli:badOptions', { detail: `--type ${type}` }));
      let data = await readJsonInput(context, requireOption(context, 'json'));
      const parent = context.values.parent as string | undefined;
      // An effect's parent is its incident.
      if (type === 'effect' && parent && isObject(data) && data.incident === undefined) data = { ...data, incident: parent };
      await openArchive(context);
      const saved = await context.call('records:save', { type: type as SavableType, data });
      // A source's parent is the record it supports: the source joins that record's sources.
      if (type === 'source' && parent) {
        const target = await context.call('records:get', { recordId: parent });
        const fields = target.summary.data ?? {};
        const sources = Array.isArray(fields.sources) ? (fields.sources as string[]) : [];
        await context.call('records:save', {
          type: target.summary.type as SavableType,
          recordId: parent,
          parent: target.summary.headId,
          data: { ...fields, sources: [...sources, saved.recordId] },
        });
      }
      context.say(saved.recordId);
    },
  },

  edit: {
    options: { json: { type: 'string' } },
    positionals: ['DIR', 'ID'],
    async run(context) {
      const data = await readJsonInput(context, requireOption(context, 'json'));
      await openArchive(context);
      const recordId = context.positionals[1]!;
      const current = await context.call('records:get', { recordId });
      const saved = await context.call('records:save', {
        type: current.summary.type as SavableType,
        recordId,
        parent: current.summary.headId,
        data,
      });
      context.say(saved.revisionId);
    },
  },

  list: {
    options: { type: { type: 'string' }, json: { type: 'boolean' } },
    positionals: ['DIR'],
    async run(context) {
      const status = await openArchive(context);
      const type = context.values.type as string | undefined;
      const types = type ? [type] : [...recordTypes];
      const records: RecordSummary[] = [];
      for (const each of types) records.push(...(await context.call('records:list', { type: each as RecordType })).records);
      records.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.recordId.localeCompare(b.recordId));
      if (context.values.json) return json(context, records);
      if (status.open && !status.encrypted) context.warn(context.t('cli:unencryptedArchive'));
      if (!records.length) return context.say(context.t('cli:noRecords'));
      for (const record of records) context.say(listLine(context.t, record));
    },
  },

  show: {
    options: { history: { type: 'boolean' }, json: { type: 'boolean' } },
    positionals: ['DIR', 'ID'],
    async run(context) {
      await openArchive(context);
      const detail = await context.call('records:get', { recordId: context.positionals[1]! });
      if (context.values.json) {
        const { history: _history, ...withoutHistory } = detail;
        return json(context, context.values.history ? detail : withoutHistory);
      }
      for (const line of describeRecord(context, detail, Boolean(context.values.history))) context.say(line);
    },
  },

  key: {
    options: { json: { type: 'boolean' } },
    positionals: ['DIR'],
    async run(context) {
      const status = await openArchive(context);
      const key = await context.call('key:show', {});
      if (context.values.json) return json(context, key);
      context.say(`${key.publicKey} ${status.open ? status.name.replace(/\s+/g, '_') : ''}`.trim());
      context.say(key.fingerprint);
    },
  },

  attach: {
    options: {},
    positionals: ['DIR', 'ID', 'FILE'],
    variadic: true,
    async run(context) {
      await openArchive(context);
      const [, recordId, ...files] = context.positionals;
      const result = await context.call('attachments:add', { recordId: recordId!, paths: files.map((file) => resolve(file)) });
      result.attachments.forEach((entry, index) => context.say(`${entry.sha256}  ${files[index]}`));
    },
  },

  encrypt: {
    options: {},
    positionals: ['DIR'],
    async run(context) {
      const passphrase = await passphraseFor(context, 'askNew');
      if (passphrase === undefined) throw new InputFailure(context.t('cli:encryptNeedsPassphrase'));
      if (passphrase.length < minPassphraseLength) throw new InputFailure(context.t('cli:passphraseTooShort', { min: minPassphraseLength }));
      const path = resolve(context.positionals[0]!);
      await context.call('archive:open', { path }).catch((error: unknown) => {
        // Only an encrypted archive asks for a passphrase to open.
        if (error instanceof CommandFailure && error.error.code === 'passphraseRequired') {
          throw new CommandFailure({ code: 'alreadyEncrypted' });
        }
        throw error;
      });
      await context.call('archive:encrypt', { passphrase });
      context.say(context.t('cli:encrypted', { path }));
    },
  },

  rekey: {
    options: { 'new-passphrase-file': { type: 'string' } },
    positionals: ['DIR'],
    async run(context) {
      const path = resolve(context.positionals[0]!);
      const current = await passphraseFor(context, 'ask');
      if (current === undefined) throw new InputFailure(context.t('cli:passphraseNeeded'));
      await openArchive(context, current);
      const next = (await readPassphrase(context, 'new-passphrase-file', 'DALEL_NEW_PASSPHRASE')) ?? (await askPassphrase(context, 'askNew'));
      if (next === undefined) throw new InputFailure(context.t('cli:rekeyNeedsPassphrase'));
      if (next.length < minPassphraseLength) throw new InputFailure(context.t('cli:passphraseTooShort', { min: minPassphraseLength }));
      await context.call('archive:changePassphrase', { current, next, newKey: true });
      context.say(context.t('cli:rekeyed', { path }));
    },
  },

  export: {
    options: {
      out: { type: 'string' },
      profile: { type: 'string' },
      only: { type: 'string' },
      'signer-name': { type: 'string' },
      'leave-out-damaged': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    positionals: ['DIR'],
    async run(context) {
      const { t } = context;
      const out = requireOption(context, 'out');
      // SECURITY: no default. `internal` carries every name, contact and statement; it is never written by omission.
      const profile = context.values.profile;
      if (typeof profile !== 'string' || !profile) throw new InputFailure(t('cli:profileRequired', { profiles: bundleProfiles.join(', ') }));
      if (!(bundleProfiles as readonly string[]).includes(profile)) {
        throw new InputFailure(t('cli:badProfile', { profile: String(profile), profiles: bundleProfiles.join(', ') }));
      }
      const only = typeof context.values.only === 'string' ? context.values.only.split(',').map((id) => id.trim()).filter(Boolean) : undefined;
      const signerName = context.values['signer-name'];
      // Only a legal bundle names its signer by choice: internal names the archive, public names no one.
      if (typeof signerName === 'string' && profile !== 'legal') throw new InputFailure(t('cli:signerNameLegalOnly'));
      await openArchive(context);
      const result = await context.call('bundle:export', {
        out: resolve(out),
        profile: profile as BundleProfile,
        language: context.language,
        ...(only ? { only } : {}),
        ...(typeof signerName === 'string' ? { signerName } : {}),
        ...(context.values['leave-out-damaged'] === true ? { leaveOutDamaged: true } : {}),
      });
      if (context.values.json) return json(context, result);
      context.say(t('cli:exported', { path: result.path, bundleId: result.bundleId, count: result.files, profile: result.profile }));
      context.say(withheldLine(t, result.profile, result.withheld));
    },
  },

  verify: {
    options: { trusted: { type: 'string' }, json: { type: 'boolean' } },
    positionals: ['FILE'],
    async run(context) {
      const { t } = context;
      const trustedFile = context.values.trusted;
      let trusted: string | undefined;
      if (typeof trustedFile === 'string') {
        try {
          trusted = await readFile(trustedFile, 'utf8');
        } catch {
          throw new InputFailure(t('cli:readInputFailed', { file: trustedFile }));
        }
      }
      const file = resolve(context.positionals[0]!);
      const report = await context.call('bundle:verify', { path: file, ...(trusted === undefined ? {} : { trusted }) });
      if (report.failure?.reason === 'fileUnreadable') throw new InputFailure(t('cli:readInputFailed', { file }));
      if (context.values.json) json(context, report);
      else for (const line of describeVerification(t, report)) context.say(line);
      if (!report.valid) throw new VerifyRejected();
      // SECURITY: scripts write `dalel verify case.zip --trusted allowed_signers && accept`: a signer outside the file is a refusal.
      if (trusted !== undefined && report.signer?.trustedAs === null) {
        context.warn(t('cli:signerNotTrusted', { fingerprint: report.signer.fingerprint, file: trustedFile }));
        throw new VerifyRejected();
      }
    },
  },

  import: {
    options: { json: { type: 'boolean' }, 'allow-untrusted': { type: 'boolean' } },
    positionals: ['DIR', 'FILE'],
    async run(context) {
      const { t } = context;
      const file = resolve(context.positionals[1]!);
      await openArchive(context);
      // SECURITY: a bundle from a key the archive does not trust is refused unless the person says otherwise.
      const outcome = await context.call('bundle:import', { path: file, allowUntrusted: context.values['allow-untrusted'] === true });
      if (outcome.report.failure?.reason === 'fileUnreadable') throw new InputFailure(t('cli:readInputFailed', { file }));
      if (context.values.json) json(context, outcome);
      else {
        for (const line of describeVerification(t, outcome.report)) context.say(line);
        const { imported } = outcome;
        if (imported?.kind === 'merged') context.say(t('cli:imported', { revisions: imported.revisionsAdded, files: imported.attachmentsAdded }));
        if (imported?.setAside.length) context.say(setAsideText(t, 'import', imported.setAside));
        if (imported?.kind === 'received') context.say(t('cli:received', { bundleId: imported.bundleId }));
        if (!imported) context.say(t('cli:notImported'));
      }
      if (!outcome.imported) throw new VerifyRejected();
      await sayConflicts(context);
    },
  },

  merge: {
    options: { 'other-passphrase-file': { type: 'string' }, json: { type: 'boolean' } },
    positionals: ['DIR', 'OTHER_DIR'],
    async run(context) {
      const other = resolve(context.positionals[1]!);
      const given = await readPassphrase(context, 'other-passphrase-file', 'DALEL_OTHER_PASSPHRASE');
      await openArchive(context);
      const outcome = await withPassphrase(context, given, 'askOther', (passphrase) =>
        context.call('archive:merge', { path: other, ...(passphrase === undefined ? {} : { passphrase }) }),
      );
      if (context.values.json) return json(context, outcome);
      context.say(context.t('cli:merged', { path: other, revisions: outcome.revisionsAdded, files: outcome.attachmentsAdded }));
      if (outcome.setAside.length) context.say(setAsideText(context.t, 'merge', outcome.setAside));
      await sayConflicts(context);
    },
  },

  trust: {
    options: { name: { type: 'string' }, json: { type: 'boolean' } },
    positionals: ['DIR', 'PUBKEY_FILE'],
    async run(context) {
      const name = requireOption(context, 'name');
      const file = context.positionals[1]!;
      let line: string;
      try {
        line = (await readFile(file, 'utf8')).split(/\r?\n/).find((text) => text.trim() && !text.startsWith('#')) ?? '';
      } catch {
        throw new InputFailure(context.t('cli:readInputFailed', { file }));
      }
      await openArchive(context);
      const signer = await context.call('trust:add', { publicKey: line, name });
      if (context.values.json) return json(context, signer);
      context.say(context.t('cli:trusted', { name: signer.name, fingerprint: signer.fingerprint }));
    },
  },

  check: {
    options: { json: { type: 'boolean' } },
    positionals: ['DIR'],
    async run(context) {
      const found = await beforeRepair(context, 'archive:check');
      if (context.values.json) json(context, found);
      else for (const line of describeCheck(context.t, found)) context.say(line);
      if (!archiveIsWhole(found)) {
        if (!context.values.json) context.say(context.t('cli:check.advice', { dir: context.positionals[0] }));
        throw new VerifyRejected();
      }
    },
  },

  repair: {
    options: { json: { type: 'boolean' } },
    positionals: ['DIR'],
    async run(context) {
      const { t } = context;
      const outcome = await beforeRepair(context, 'archive:repair');
      if (context.values.json) return json(context, outcome);
      if (!outcome.report) return context.say(t('cli:check.clean'));
      for (const line of describeCheck(t, outcome.found)) context.say(line);
      context.say(t('cli:repair.done', { setAside: outcome.report.setAside }));
      for (const file of outcome.report.notRepaired) context.say(`  ${t('cli:repair.notRepaired', { file })}`);
      if (!archiveIsWhole(outcome.after)) {
        for (const line of describeCheck(t, outcome.after)) context.say(line);
        throw new VerifyRejected();
      }
    },
  },

  'state-hash': {
    options: {},
    positionals: ['DIR'],
    async run(context) {
      await openArchive(context);
      context.say((await context.call('archive:stateHash', {})).stateHash);
    },
  },
};

/** The report of `dalel verify` in plain words: the verdict, who signed, each check, and what failed. */
/**
 * A check or a repair works on the folder itself, not on an opened archive
 * (a broken custody log refuses to open). Its passphrase is asked as for
 * opening; anything that stops it from running is exit 2.
 */
async function beforeRepair<C extends 'archive:check' | 'archive:repair'>(context: CommandContext, channel: C): Promise<ResponseOf<C>> {
  const path = resolve(context.positionals[0]!);
  try {
    return await withPassphrase(context, await readPassphrase(context), 'ask', (passphrase) =>
      context.call(channel, { path, ...(passphrase === undefined ? {} : { passphrase }) } as RequestOf<C>),
    );
  } catch (error) {
    if (error instanceof CommandFailure) throw new InputFailure(describeError(context.t, error.error));
    throw error;
  }
}

/** What a check found, one line per problem, in the person's language. */
function describeCheck(t: TFunction, found: ResponseOf<'archive:check'>): string[] {
  if (archiveIsWhole(found)) return [t('cli:check.clean')];
  const lines = [t('cli:check.problems')];
  const { custody } = found;
  if (custody) lines.push(`  ${t(`cli:check.custody.${custody.kind}`, { line: custody.line, intact: custody.intact, damaged: custody.damaged })}`);
  for (const problem of found.records) lines.push(`  ${t('cli:check.record', { file: problem.file, reason: t(`cli:damage.${problem.reason}`) })}`);
  for (const problem of found.evidence) lines.push(`  ${t(`cli:check.evidence.${problem.problem}`, { sha256: problem.sha256, recordId: problem.recordId })}`);
  for (const file of found.leftovers) lines.push(`  ${t('cli:check.leftover', { file })}`);
  return lines;
}

/** Changes by keys the archive does not trust, not applied: how many, whose keys, and how to take them. */
function setAsideText(t: TFunction, where: 'import' | 'merge', setAside: ResponseOf<'archive:merge'>['setAside']): string {
  const keys = [...new Set(setAside.map((change) => change.author))].join(', ');
  return t(where === 'import' ? 'cli:setAsideImport' : 'cli:setAsideMerge', { count: setAside.length, keys });
}

function describeVerification(t: TFunction, report: ResponseOf<'bundle:verify'>): string[] {
  const lines = [report.bundleId ? `${report.bundleId}: ${t(report.valid ? 'verify:valid' : 'verify:invalid')}` : t(report.valid ? 'verify:valid' : 'verify:invalid')];
  if (report.signer) {
    lines.push(`${t('cli:signer')}: ${report.signer.fingerprint}`);
    lines.push(
      report.signer.trustedAs !== null
        ? t('verify:trusted', { name: report.signer.trustedAs })
        : t('verify:untrusted', { fingerprint: report.signer.fingerprint }),
    );
  }
  const authorSigned = (report.authors ?? []).reduce((sum, author) => sum + author.records, 0);
  if (report.authors && report.counts) lines.push(t('cli:authorSigned', { signed: authorSigned, count: report.counts.records }));
  for (const author of report.authors ?? []) {
    const who = author.trustedAs !== null ? t('cli:authorTrusted', { name: author.trustedAs }) : t('cli:authorUntrusted');
    lines.push(`  ${author.fingerprint}: ${t('cli:authorRecords', { count: author.records })}, ${who}`);
  }
  for (const check of report.checks) {
    if (check.id === 'trust') continue;
    lines.push(`  ${check.ok ? '✓' : '✗'} ${t(`verify:check.${check.id}`)}`);
  }
  if (report.failure) {
    const { reason, file, detail } = report.failure;
    lines.push(t(`verify:failure.${reason}`, { file: file ?? '', ...detail }));
  }
  return lines;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What an export left out, in one line: an internal bundle says that it carries everything. */
function withheldLine(t: TFunction, profile: BundleProfile, withheld: Redactions): string {
  if (profile === 'internal') return t('cli:withheldNothingInternal');
  const parts = redactionKinds.flatMap((kind) => (withheld[kind] ? [t(`report:redactions.${kind}`, { count: withheld[kind] })] : []));
  return parts.length ? t('cli:withheld', { list: parts.join('; ') }) : t('cli:withheldNone');
}

function requireOption(context: CommandContext, name: string): string {
  const value = context.values[name];
  if (typeof value !== 'string' || !value) throw new InputFailure(context.t('cli:missingArgument', { name: `--${name}` }));
  return value;
}

function incidentFields(record: RecordSummary) {
  return (record.data ?? {}) as {
    title?: string;
    startedAt?: { at: string };
    endedAt?: { at: string };
    ongoing?: boolean;
    scope?: string;
    kinds?: string[];
    areas?: Area[];
  };
}

/** One line a record: id, type, when, and what (an effect has no title: its category and description). */
function listLine(t: TFunction, record: RecordSummary): string {
  const fields = (record.data ?? {}) as Record<string, unknown> & ReturnType<typeof incidentFields>;
  const when = fields.startedAt?.at ?? (fields.occurredAt as { at?: string } | undefined)?.at ?? (fields.collectedAt as { at?: string } | undefined)?.at ?? '';
  const what =
    record.type === 'effect'
      ? `${t(`taxonomy:category.${String(fields.category)}`)}: ${String(fields.description ?? '').slice(0, 80)}`
      : (fields.title ?? '');
  const mark = `${record.retracted ? ` [${t('cli:retracted')}]` : ''}${record.conflict ? ` [${t('cli:inConflict', { count: record.heads.length })}]` : ''}`;
  return `${record.recordId}  ${record.type.padEnd(8)}  ${when.padEnd(22)}  ${what}${mark}`;
}

function describeRecord({ t, language }: CommandContext, detail: RecordDetail, withHistory: boolean): string[] {
  const { summary } = detail;
  const fields = incidentFields(summary);
  const areaName = (area: Area) => ('code' in area ? (findArea(area.code)?.name[language] ?? area.code) : area.place);
  const end = fields.ongoing ? t('cli:ongoing') : (fields.endedAt?.at ?? '…');
  const lines = [`${summary.recordId} (${t(`taxonomy:recordType.${summary.type}`)})`];
  // A conflict first: the fields below are only those of the version made last.
  if (summary.conflict) lines.push(`[${t('cli:inConflict', { count: summary.heads.length })}] ${summary.heads.join(' ')}`);
  if (summary.retracted) lines.push(`[${t('cli:retracted')}]`);
  else if (summary.type !== 'incident') {
    // Effects and sources: their fields as stored, one per line.
    for (const [key, value] of Object.entries(summary.data ?? {})) lines.push(`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  } else {
    lines.push(`${t('cli:fieldTitle')}: ${fields.title ?? ''}`);
    lines.push(`${t('cli:fieldPeriod')}: ${fields.startedAt?.at ?? ''} — ${end}`);
    if (fields.scope) lines.push(`${t('cli:fieldScope')}: ${t(`taxonomy:scope.${fields.scope}`)}`);
    if (fields.kinds?.length) lines.push(`${t('cli:fieldKinds')}: ${fields.kinds.map((k) => t(`taxonomy:kind.${k}`)).join(', ')}`);
    if (fields.areas?.length) lines.push(`${t('cli:fieldAreas')}: ${fields.areas.map(areaName).join(', ')}`);
  }
  lines.push(t('cli:revisions', { count: summary.revisionCount }));
  if (detail.attachments.length) {
    lines.push(t('cli:attachmentsHeading'));
    for (const entry of detail.attachments) lines.push(`  ${entry.sha256}  ${entry.size}  ${entry.originalName}`);
  }
  if (withHistory) {
    lines.push(t('cli:historyHeading'));
    for (const signed of detail.history) {
      lines.push(`  ${signed.revision.createdAt}  ${signed.id}  ${fingerprintOfLine(signed.revision.author)}`);
    }
  }
  return lines;
}
