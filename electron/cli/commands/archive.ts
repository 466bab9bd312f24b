/**
 * The commands on an archive folder as a whole: create it, show its key,
 * encrypt it, change its passphrase, check and repair it, and its state hash.
 */
import { basename, resolve } from 'node:path';
import type { TFunction } from 'i18next';
import { archiveIsWhole, minPassphraseLength, type RequestOf, type ResponseOf } from '../../../shared/ipc';
import { CommandFailure, InputFailure, VerifyRejected } from '../failures';
import { describeError } from '../output';
import { type Command, type CommandContext, askPassphrase, json, openArchive, passphraseFor, readPassphrase, withPassphrase } from './context';

export const archiveCommands: Record<string, Command> = {
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

  key: {
    options: { json: { type: 'boolean' } },
    positionals: ['DIR'],
    readOnly: true,
    async run(context) {
      const status = await openArchive(context);
      const key = await context.call('key:show', {});
      if (context.values.json) return json(context, key);
      context.say(`${key.publicKey} ${status.open ? status.name.replace(/\s+/g, '_') : ''}`.trim());
      context.say(key.fingerprint);
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

  check: {
    options: { json: { type: 'boolean' } },
    positionals: ['DIR'],
    readOnly: true,
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
    readOnly: true,
    async run(context) {
      await openArchive(context);
      context.say((await context.call('archive:stateHash', {})).stateHash);
    },
  },
};

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
