/**
 * The commands on signed bundles and other archives: export, verify,
 * import, merge, and trust a signer.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { TFunction } from 'i18next';
import type { ResponseOf } from '../../../shared/ipc';
import { bundleProfiles, redactionKinds, type BundleProfile, type Redactions } from '../../../shared/model';
import { fingerprintForms } from '../../../shared/verify/fingerprintGroups';
import { verdictMarks, verdictOf } from '../../../shared/verify/verdict';
import { InputFailure, VerifyRejected } from '../failures';
import { readAnchors } from '../../engine/timestamp/token';
import { readSubmissionFile } from '../submissionFile';
import { printable } from '../terminalText';
import { type Command, type CommandContext, json, openArchive, readPassphrase, requireOption, sayConflicts, withPassphrase } from './context';

export const bundleCommands: Record<string, Command> = {
  export: {
    options: {
      out: { type: 'string' },
      profile: { type: 'string' },
      only: { type: 'string' },
      'signer-name': { type: 'string' },
      submission: { type: 'string' },
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
      // Read and checked before the archive is opened: a bad file leaves the archive and the output untouched.
      const submissionFile = context.values.submission;
      const submission = typeof submissionFile === 'string' ? await readSubmissionFile(context, submissionFile, profile) : undefined;
      await openArchive(context);
      const result = await context.call('bundle:export', {
        out: resolve(out),
        profile: profile as BundleProfile,
        language: context.language,
        ...(only ? { only } : {}),
        ...(typeof signerName === 'string' ? { signerName } : {}),
        ...(submission ? { submission } : {}),
        ...(context.values['leave-out-damaged'] === true ? { leaveOutDamaged: true } : {}),
      });
      if (context.values.json) return json(context, result);
      context.say(t('cli:exported', { path: result.path, bundleId: result.bundleId, count: result.files, profile: result.profile }));
      context.say(withheldLine(t, result.profile, result.withheld));
      // The file's own hash, computed as it was written: for the covering letter that names it.
      context.say(t('cli:bundleSha256', { sha256: result.sha256 }));
    },
  },

  verify: {
    options: { trusted: { type: 'string' }, 'tsa-anchors': { type: 'string' }, 'cert-anchors': { type: 'string' }, json: { type: 'boolean' } },
    positionals: ['FILE'],
    readOnly: true,
    async run(context) {
      const { t } = context;
      const trustedFile = context.values.trusted;
      const trusted = typeof trustedFile === 'string' ? (await readInput(context, trustedFile)).toString('utf8') : undefined;
      const anchorsFile = context.values['tsa-anchors'];
      const anchors = typeof anchorsFile === 'string' ? await readInput(context, anchorsFile) : undefined;
      if (anchors && !readAnchors(anchors)) throw new InputFailure(t('cli:anchorsUnreadable', { file: anchorsFile as string }));
      const certFile = context.values['cert-anchors'];
      const certAnchors = typeof certFile === 'string' ? await readInput(context, certFile) : undefined;
      if (certAnchors && !readAnchors(certAnchors)) throw new InputFailure(t('cli:anchorsUnreadable', { file: certFile as string }));
      const file = resolve(context.positionals[0]!);
      const report = await context.call('bundle:verify', {
        path: file,
        ...(trusted === undefined ? {} : { trusted }),
        ...(anchors === undefined ? {} : { timestampAnchors: anchors.toString('base64') }),
        ...(certAnchors === undefined ? {} : { countersignatureAnchors: certAnchors.toString('base64') }),
      });
      if (report.failure?.reason === 'fileUnreadable') throw new InputFailure(t('cli:readInputFailed', { file }));
      if (context.values.json) json(context, report);
      else for (const line of describeVerification(t, report)) context.say(line);
      if (!report.valid) throw new VerifyRejected();
      // SECURITY: scripts write `dalel verify case.zip --trusted allowed_signers && accept`: a signer outside the file is a refusal.
      if (trusted !== undefined && report.signer?.trustedAs === null) {
        context.warn(t('cli:signerNotTrusted', { fingerprint: report.signer.fingerprint, file: trustedFile }));
        throw new VerifyRejected();
      }
      // Likewise `--tsa-anchors`: asked to hold the bundle to a proof of time, a bundle without one, or by another authority, is refused.
      if (anchors !== undefined && report.timestamp?.anchored !== true) {
        context.warn(t(report.timestamp ? 'cli:timeStampNotAnchored' : 'cli:timeStampMissing', { file: anchorsFile as string }));
        throw new VerifyRejected();
      }
      // And `--cert-anchors`: a bundle not countersigned, or by a certificate outside them, is refused.
      if (certAnchors !== undefined && report.countersignature?.anchored !== true) {
        context.warn(t(report.countersignature ? 'cli:countersignatureNotAnchored' : 'cli:countersignatureMissing', { file: certFile as string }));
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
};

async function readInput(context: CommandContext, file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch {
    throw new InputFailure(context.t('cli:readInputFailed', { file }));
  }
}

function setAsideText(t: TFunction, where: 'import' | 'merge', setAside: ResponseOf<'archive:merge'>['setAside']): string {
  const keys = [...new Set(setAside.map((change) => change.author))].join(', ');
  return t(where === 'import' ? 'cli:setAsideImport' : 'cli:setAsideMerge', { count: setAside.length, keys });
}

/**
 * The report of `dalel verify` in plain words: the one verdict the app gives
 * too (intact and signed by a key you trust, intact but the signer not
 * verified, changed or damaged, not checked), who signed with the
 * fingerprint in groups and as digits to read aloud, each check, and what
 * failed. The JSON of `--json` and the exit codes stay as they were.
 */
function describeVerification(t: TFunction, report: ResponseOf<'bundle:verify'>): string[] {
  const verdict = verdictOf(report);
  const name = report.signer?.trustedAs ?? '';
  const words = `${verdictMarks[verdict]} ${t(`verify:verdict.${verdict}`, { name })}`;
  const lines = [report.bundleId ? `${report.bundleId}: ${words}` : words];
  if (verdict !== 'notChecked') lines.push(t(`verify:verdict.${verdict}Text`, { name }));
  if (report.signer) {
    lines.push(`${t('cli:signer')}: ${report.signer.fingerprint}`);
    const forms = fingerprintForms(report.signer.fingerprint);
    if (forms) {
      lines.push(`  ${t('verify:fingerprint.groups')}: ${forms.groups.join(' ')}`);
      lines.push(`  ${t('verify:fingerprint.numbers')}: ${forms.numbers.join(' ')}`);
    }
  }
  // SECURITY: sample records must never read as evidence: said before anything else about the records.
  if (report.counts?.illustrative) lines.push(t('cli:illustrativeRecords', { illustrative: report.counts.illustrative, records: report.counts.records }));
  const authorSigned = (report.authors ?? []).reduce((sum, author) => sum + author.records, 0);
  if (report.authors && report.counts) lines.push(t('cli:authorSigned', { signed: authorSigned, count: report.counts.records }));
  for (const author of report.authors ?? []) {
    const who = author.trustedAs !== null ? t('cli:authorTrusted', { name: author.trustedAs }) : t('cli:authorUntrusted');
    lines.push(`  ${author.fingerprint}: ${t('cli:authorRecords', { count: author.records })}, ${who}`);
  }
  if (report.timestamp) {
    const { time, authority, accuracy, anchored } = report.timestamp;
    lines.push(t('cli:timeStampLine', { time, authority: printable(authority) }));
    if (accuracy !== undefined) lines.push(t('cli:timeStampAccuracy', { seconds: String(accuracy) }));
    if (anchored === null) lines.push(t('cli:timeStampUnchecked'));
  } else if (report.valid) lines.push(t('cli:timeStampNone'));
  if (report.countersignature) {
    const { subject, issuer, signingTime, validFrom, validTo, validAtSigning } = report.countersignature;
    lines.push(t('cli:countersignatureLine', { subject: printable(subject), issuer: printable(issuer) }));
    if (report.countersignature.iin) lines.push(t('cli:countersignatureIin', { iin: report.countersignature.iin }));
    if (report.countersignature.bin) lines.push(t('cli:countersignatureBin', { bin: report.countersignature.bin }));
    lines.push(t('cli:countersignatureValidity', { from: validFrom, to: validTo, time: signingTime ?? '—' }));
    if (validAtSigning === false) lines.push(t('cli:countersignatureOutsideValidity'));
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

function withheldLine(t: TFunction, profile: BundleProfile, withheld: Redactions): string {
  if (profile === 'internal') return t('cli:withheldNothingInternal');
  const parts = redactionKinds.flatMap((kind) => (withheld[kind] ? [t(`report:redactions.${kind}`, { count: withheld[kind] })] : []));
  return parts.length ? t('cli:withheld', { list: parts.join('; ') }) : t('cli:withheldNone');
}
