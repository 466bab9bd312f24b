/**
 * The organization's work that was in the app only: resolve a conflict,
 * retract a record, read the custody log, the received bundles and the
 * trusted signers, stop trusting a signer, and read or change the archive's
 * safety settings. Each calls the same channels as the app, the same way;
 * input is checked before anything is written, so a refusal changes nothing.
 */
import { Fingerprint, type ReceivedBundle } from '../../../shared/model';
import { provenanceByRevision, provenanceOfEvent } from '../../../shared/model/provenance';
import { CommandFailure, InputFailure, VerifyRejected } from '../failures';
import { printable } from '../terminalText';
import { type Command, type CommandContext, json, openArchive, readJsonInput } from './context';
import { conflictVersions, custodyLine, describeVersions, type KnownKeys } from './organizationText';
import { describeSafety, parseSettings } from './safetySettings';

/** This archive's key and the names it trusts others as: how the app names the keys it shows. */
async function knownKeys(context: CommandContext): Promise<KnownKeys> {
  const [{ fingerprint }, { signers }] = await Promise.all([context.call('key:show', {}), context.call('trust:list', {})]);
  return { own: fingerprint, trustedNames: new Map(signers.map((signer) => [signer.fingerprint, signer.name] as const)) };
}

const dirOf = (context: CommandContext) => context.positionals[0]!;

export const organizationCommands: Record<string, Command> = {
  /**
   * Resolves a conflict as the app's Conflicts screen does: a new revision
   * whose parents are every current version, with the fields of the one kept
   * (`--keep`, a retraction kept as one) or merged ones (`--json`). Without
   * either, it shows the versions to choose from and resolves nothing.
   */
  resolve: {
    options: { keep: { type: 'string' }, json: { type: 'string' } },
    positionals: ['DIR', 'ID'],
    async run(context) {
      const { t } = context;
      const keep = context.values.keep as string | undefined;
      const file = context.values.json as string | undefined;
      if (keep !== undefined && file !== undefined) throw new InputFailure(t('cli:resolve.oneChoice'));
      const merged = file === undefined ? undefined : await readJsonInput(context, file);
      await openArchive(context);
      const recordId = context.positionals[1]!;
      const detail = await context.call('records:get', { recordId });
      const { heads } = detail.summary;
      if (!detail.summary.conflict) throw new CommandFailure({ code: 'notInConflict' });
      const versions = conflictVersions(detail);
      if (keep === undefined && merged === undefined) {
        const keys = await knownKeys(context);
        const origins = provenanceByRevision((await context.call('custody:list', { recordId })).events, keys.own);
        context.say(t('cli:resolve.versions', { id: recordId, count: versions.length }));
        for (const line of describeVersions(t, versions, origins, keys)) context.say(printable(line));
        throw new InputFailure(t('cli:resolve.choose'));
      }
      let request: { data: unknown; retraction?: { reason: string } } = { data: merged };
      if (keep !== undefined) {
        // The whole id, or the beginning of one version's id (as `dalel show` and the list above print them).
        const matching = versions.filter((signed) => keep.length >= 8 && signed.id.startsWith(keep.toLowerCase()));
        if (matching.length > 1) throw new InputFailure(t('cli:resolve.ambiguous', { given: keep, id: recordId }));
        const kept = matching[0];
        if (!kept) throw new InputFailure(t('cli:resolve.notAVersion', { given: keep, id: recordId, heads: heads.join(', ') }));
        const { data, retraction } = kept.revision;
        // Keeping a retraction resolves with a tombstone: the record stays retracted.
        request = data === null ? { data, retraction: { reason: retraction?.reason ?? '' } } : { data };
      }
      const saved = await context.call('records:resolve', { recordId, heads, ...request });
      context.say(saved.revisionId);
    },
  },

  /** Retracts a record as the app does: a tombstone revision with the reason; every earlier version stays in its history. */
  retract: {
    options: { reason: { type: 'string' } },
    positionals: ['DIR', 'ID'],
    async run(context) {
      await openArchive(context);
      const recordId = context.positionals[1]!;
      const current = await context.call('records:get', { recordId });
      const reason = typeof context.values.reason === 'string' ? context.values.reason.trim() : '';
      const saved = await context.call('records:retract', { recordId, parent: current.summary.headId, reason });
      context.say(saved.revisionId);
    },
  },

  /** The custody log, every line oldest first (or one record's, as its page shows it), each with where it came from. */
  custody: {
    options: { record: { type: 'string' }, json: { type: 'boolean' } },
    positionals: ['DIR'],
    readOnly: true,
    async run(context) {
      await openArchive(context);
      const recordId = context.values.record as string | undefined;
      const { events } = await context.call('custody:list', recordId === undefined ? {} : { recordId });
      const keys = await knownKeys(context);
      if (context.values.json) return json(context, events.map((event) => ({ ...event, origin: provenanceOfEvent(event, keys.own) })));
      if (!events.length) return context.say(context.t('cli:custody.empty'));
      for (const event of events) context.say(printable(custodyLine(context.t, event, keys)));
    },
  },

  /** Bundles kept whole as received evidence, newest first, as the app's Received bundles lists them. */
  received: {
    options: { json: { type: 'boolean' } },
    positionals: ['DIR'],
    readOnly: true,
    async run(context) {
      await openArchive(context);
      const { bundles } = await context.call('bundle:received', {});
      const keys = await knownKeys(context);
      const newest = [...bundles].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
      const listed = newest.map((bundle) => ({ ...bundle, trustedAs: keys.trustedNames.get(bundle.signer.fingerprint) ?? null }));
      if (context.values.json) return json(context, listed);
      if (!listed.length) return context.say(context.t('cli:receivedList.none'));
      for (const bundle of listed) for (const line of receivedLines(context, bundle)) context.say(printable(line));
    },
  },

  /** The signers this archive trusts, newest first: name, fingerprint, when added and by which key. */
  trusted: {
    options: { json: { type: 'boolean' } },
    positionals: ['DIR'],
    readOnly: true,
    async run(context) {
      const { t } = context;
      await openArchive(context);
      const [{ signers }, { fingerprint: own }] = await Promise.all([context.call('trust:list', {}), context.call('key:show', {})]);
      const newest = [...signers].sort((a, b) => b.addedAt.localeCompare(a.addedAt));
      if (context.values.json) return json(context, newest);
      if (!newest.length) return context.say(t('cli:trustedList.none'));
      for (const signer of newest) {
        const added = signer.addedBy === own ? t('cli:trustedList.added', { at: signer.addedAt }) : t('cli:trustedList.addedByOther', { at: signer.addedAt, key: signer.addedBy });
        context.say(printable(`${signer.fingerprint}  ${signer.name}  (${added})`));
      }
    },
  },

  /** Takes a signer off the trusted list, as the app's "Stop trusting" does; the engine writes its custody line. */
  untrust: {
    options: {},
    positionals: ['DIR', 'FINGERPRINT'],
    async run(context) {
      const { t } = context;
      const given = context.positionals[1]!.trim();
      if (!Fingerprint.safeParse(given).success) throw new InputFailure(t('cli:untrust.badFingerprint', { given }));
      await openArchive(context);
      const listed = (await context.call('trust:list', {})).signers.find((signer) => signer.fingerprint === given);
      const { removed } = listed ? await context.call('trust:remove', { fingerprint: given }) : { removed: false };
      if (!removed) {
        context.warn(t('cli:untrust.notTrusted', { fingerprint: given, dir: dirOf(context) }));
        // Refused, said on stderr: exit 1, as for a bundle that does not verify.
        throw new VerifyRejected();
      }
      context.say(printable(t('cli:untrust.done', { name: listed!.name, fingerprint: given })));
    },
  },

  /**
   * The archive's safety settings (Settings → Safety in the app), and with
   * `--set NAME=VALUE` (repeatable) a change to them: every one is checked,
   * and the archive's state too, before the one write.
   */
  settings: {
    options: { set: { type: 'string', multiple: true }, json: { type: 'boolean' } },
    positionals: ['DIR'],
    readOnly: true,
    changesWith: ['set'],
    async run(context) {
      const { t } = context;
      const given = (context.values.set as string[] | undefined) ?? [];
      const changes = parseSettings(t, given);
      const status = await openArchive(context);
      if (!status.open) return;
      let { safety } = status;
      if (given.length) {
        // The app offers the limit on an encrypted archive only: an unencrypted one has no passphrase to get wrong.
        if (!status.encrypted && typeof changes.unlockAttemptLimit === 'number') throw new InputFailure(t('cli:settings.limitNeedsEncryption'));
        const next = await context.call('archive:setSafety', { ...safety, ...changes });
        if (next.open) safety = next.safety;
      }
      if (context.values.json) return json(context, safety);
      for (const line of describeSafety(t, safety)) context.say(line);
      context.say(t('cli:settings.warning'));
      context.say(t('cli:settings.appOnly'));
    },
  },
};

/** One received bundle: id and profile, signer, when, what it holds, and the changes set aside with it. */
function receivedLines({ t }: CommandContext, bundle: ReceivedBundle & { trustedAs: string | null }): string[] {
  const signedBy = [bundle.signer.name, bundle.signer.organization].filter((part) => part.trim()).join(', ');
  const trust = bundle.trustedAs === null ? t('cli:receivedList.notTrusted') : t('cli:receivedList.trustedAs', { name: bundle.trustedAs });
  const lines = [
    `${bundle.bundleId}  ${t(`report:profile.${bundle.profile}.name`)}  ${bundle.fileName}  sha256 ${bundle.sha256}`,
    `  ${signedBy ? t('cli:receivedList.signedBy', { name: signedBy }) : t('cli:receivedList.noSignerName')}: ${bundle.signer.fingerprint}, ${trust}`,
    `  ${t('cli:receivedList.when', { made: bundle.createdAt, received: bundle.receivedAt })}`,
    `  ${t('cli:receivedList.holds', { records: bundle.records, files: bundle.attachments })}`,
  ];
  if (bundle.setAside?.length) lines.push(`  ${t('cli:receivedList.setAside', { count: bundle.setAside.length })}`);
  return lines;
}
