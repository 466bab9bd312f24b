/**
 * The organization's work on the command line (issue 20): resolving a real
 * conflict (two archives edited the same record, then merged), retracting,
 * the custody log with where each line came from, received bundles, trusted
 * signers, safety settings, and describing evidence files. Every refusal is
 * a clear sentence with its exit code and leaves the archive byte for byte
 * as it was.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordDetail } from '../../shared/ipc';
import { folderContents } from '../engine/testing/folderContents';
import { sampleIncident, temporaryFolder } from '../engine/testing/fixtures';
import { dalelInProcess } from './testing/inProcess';
import { conflictBetween, jsonInputs, succeeds } from './testing/steps';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

const at = (name: string) => join(folder.path, name);
const dalel = (args: string[], env?: NodeJS.ProcessEnv) => dalelInProcess(args, env);

const ok = succeeds;
const jsonFile = jsonInputs(() => folder.path);

const shown = async (dir: string, recordId: string) => JSON.parse(await ok(['show', dir, recordId, '--history', '--json'])) as RecordDetail;

/** Runs a command that must refuse, and checks that it left the archive byte for byte as it was. */
async function refused(dir: string, args: string[], code: number, env?: NodeJS.ProcessEnv) {
  const before = await folderContents(dir);
  const run = await dalel(args, env);
  expect(run.code, `${args.join(' ')}\n${run.out}\n${run.err}`).toBe(code);
  expect(await folderContents(dir)).toEqual(before);
  return run;
}

/** Aigerim's archive and the organization's, with her incident in conflict between them (testing/steps.ts). */
async function conflict() {
  const { partner: aigerim, org, recordId, theirs: hers, ours, merged } = await conflictBetween(folder.path, {
    partnerName: 'Aigerim',
    theirs: 'Almaty, corrected by Aigerim',
    ours: 'Алматы, ұйым түзеткен',
  });
  expect(merged).toContain('dalel resolve');
  return { aigerim, org, recordId, hers, ours };
}

describe('dalel resolve', () => {
  it('shows the versions, refuses what is not one of them, keeps the one chosen with every version in the history', async () => {
    const { org, recordId, hers, ours } = await conflict();
    expect((await shown(org, recordId)).summary).toMatchObject({ conflict: true, heads: [hers, ours].sort() });

    // An edit of a record in conflict points to resolve, not to a "reload" the command cannot do.
    const edit = await refused(org, ['edit', org, recordId, '--json', await jsonFile({ title: 'x' })], 1);
    expect(edit.err).toContain(`dalel resolve DIR ID`);
    expect(edit.err).not.toContain('Reload');

    const listed = await refused(org, ['resolve', org, recordId], 2);
    expect(listed.out).toContain(`${recordId} is in conflict: 2 versions`);
    expect(listed.out).toContain(`  ${hers}\n`);
    expect(listed.out).toContain(`  ${ours}\n`);
    expect(listed.out).toContain('title: Almaty, corrected by Aigerim');
    expect(listed.out).toContain('title: Алматы, ұйым түзеткен');
    expect(listed.out).toContain('Merged from archive “Aigerim”');
    expect(listed.out).toContain('Made in this archive.');
    expect(listed.out).toContain("signed with this archive's key");
    expect(listed.err).toContain('--keep REVISION_ID');

    const wrong = await refused(org, ['resolve', org, recordId, '--keep', 'f'.repeat(64)], 2);
    expect(wrong.err).toContain(`is not one of the current versions of ${recordId}`);
    expect(wrong.err).toContain(hers);
    expect((await refused(org, ['resolve', org, recordId, '--keep', hers, '--json', await jsonFile({})], 2)).err).toContain('not both');
    expect((await refused(org, ['resolve', org, recordId, '--json', await jsonFile({ title: '' })], 1)).err).toContain('title');
    expect((await refused(org, ['resolve', org, '0b7e6f53-5d0e-4d8b-9a51-3f1f1f9d3c11', '--keep', hers], 1)).err).toContain('No record');

    // The first characters of a version's id are enough, as long as they name one.
    const revisionId = await ok(['resolve', org, recordId, '--keep', hers.slice(0, 12)]);
    expect(revisionId).toMatch(/^[0-9a-f]{64}$/);
    const after = await shown(org, recordId);
    expect(after.summary).toMatchObject({ conflict: false, heads: [revisionId], data: { title: 'Almaty, corrected by Aigerim' } });
    expect(after.history.map((signed) => signed.id)).toEqual(expect.arrayContaining([hers, ours, revisionId]));
    expect(after.history.find((signed) => signed.id === revisionId)!.revision.parents.sort()).toEqual([hers, ours].sort());

    // Resolved: a second resolve is refused, and an edit works again.
    expect((await refused(org, ['resolve', org, recordId, '--keep', hers], 1)).err).toContain('only one current version');
    await ok(['edit', org, recordId, '--json', await jsonFile({ title: 'Almaty, agreed' })]);
  }, 60_000);

  it('resolves with merged fields, or keeps a retraction as a retraction', async () => {
    const { org, aigerim, recordId } = await conflict();
    const merged = { ...(await shown(org, recordId)).summary.data, title: 'Almaty (both corrections)' };
    await ok(['resolve', org, recordId, '--json', await jsonFile(merged)]);
    expect((await shown(org, recordId)).summary).toMatchObject({ conflict: false, data: { title: 'Almaty (both corrections)' } });

    // Aigerim retracts it while the organization edits it again: keeping her retraction keeps the record retracted.
    const retraction = await ok(['retract', aigerim, recordId, '--reason', 'Duplicate of the Zhanaozen incident']);
    await ok(['edit', org, recordId, '--json', await jsonFile({ title: 'Almaty, once more' })]);
    await ok(['merge', org, aigerim]);
    expect((await refused(org, ['retract', org, recordId], 1)).err).toBeTruthy();
    const listed = await dalel(['resolve', org, recordId]);
    expect(listed.out).toContain('retracts the record; reason: Duplicate of the Zhanaozen incident');
    await ok(['resolve', org, recordId, '--keep', retraction]);
    const after = await shown(org, recordId);
    expect(after.summary).toMatchObject({ conflict: false, retracted: true, data: null });
    expect(after.history.at(-1)!.revision.retraction).toEqual({ reason: 'Duplicate of the Zhanaozen incident' });
  }, 60_000);

  it('says what is wrong in Russian and Kazakh', async () => {
    const { org, recordId } = await conflict();
    const ru = await refused(org, ['resolve', org, recordId, '--keep', 'abcdef0123', '--lang', 'ru'], 2);
    expect(ru.err).toContain(`«abcdef0123» — не одна из текущих версий ${recordId}`);
    const kk = await refused(org, ['edit', org, recordId, '--json', await jsonFile({ title: 'x' }), '--lang', 'kk'], 1);
    expect(kk.err).toContain('бірнеше ағымдағы нұсқасы бар (қайшылық)');
    expect(kk.err).toContain('dalel resolve DIR ID');
    expect((await dalel(['resolve', org, recordId, '--lang', 'kk'])).out).toContain('қайшылық бар: 2 нұсқа');
  }, 60_000);
});

describe('dalel retract', () => {
  it('retracts with a reason, keeps the history, and refuses a second retraction without writing', async () => {
    const dir = at('archive');
    await ok(['init', dir, '--no-encryption']);
    const recordId = await ok(['add', dir, '--type', 'incident', '--json', await jsonFile(sampleIncident())]);
    const revisionId = await ok(['retract', dir, recordId, '--reason', 'Entered twice']);
    const after = await shown(dir, recordId);
    expect(after.summary).toMatchObject({ retracted: true, headId: revisionId, revisionCount: 2, data: null });
    expect(after.history[0]!.revision.data).toMatchObject({ title: sampleIncident().title });
    expect(after.history[1]!.revision.retraction).toEqual({ reason: 'Entered twice' });
    expect(await ok(['list', dir])).toContain('[retracted]');
    expect((await refused(dir, ['retract', dir, recordId], 1)).err).toContain('was retracted');
    expect((await refused(dir, ['retract', dir, '0b7e6f53-5d0e-4d8b-9a51-3f1f1f9d3c11'], 1)).err).toContain('No record');
    expect(await ok(['custody', dir, '--record', recordId])).toContain('Record retracted');
  });
});

describe('dalel custody', () => {
  it('prints every line of the log with its time, action, record or file, and where it came from', async () => {
    const { org, recordId, hers } = await conflict();
    const file = at('photo.jpg');
    await writeFile(file, 'not really a photo');
    const [sha256] = (await ok(['attach', org, recordId, file])).split(' ');
    const lines = (await ok(['custody', org])).split('\n');
    expect(lines[0]).toMatch(/^#0 {2}\d{4}-\d\d-\d\dT.* {2}Archive created {2}this archive \(/);
    const mergedLine = lines.find((line) => line.includes(`revision ${hers}`))!;
    expect(mergedLine).toContain('Archive merged');
    expect(mergedLine).toContain(`record ${recordId}`);
    expect(mergedLine).toMatch(/from archive “Aigerim” \([0-9a-f-]{36}\), key SHA256:/);
    expect(lines.find((line) => line.includes('Attachment added'))).toContain(`file ${sha256}`);

    const events = JSON.parse(await ok(['custody', org, '--json'])) as { seq: number; action: string; origin: { kind: string } }[];
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index));
    expect(events[0]).toMatchObject({ action: 'archive_created', origin: { kind: 'asRecorded' } });
    expect(events.filter((event) => event.origin.kind === 'merged').length).toBeGreaterThan(0);
    const own = (JSON.parse(await ok(['custody', org, '--record', recordId, '--json'])) as { recordId?: string }[]);
    expect(own.every((event) => event.recordId === recordId)).toBe(true);
    expect((await refused(org, ['custody', org, '--record', 'not-an-id'], 1)).err).toBeTruthy();
  }, 60_000);
});

describe('dalel received, trusted and untrust', () => {
  it('lists a legal bundle kept whole and an internal one kept with changes set aside', async () => {
    const aigerim = at('aigerim');
    const org = at('org');
    await ok(['init', aigerim, '--name', 'Aigerim', '--no-encryption']);
    const recordId = await ok(['add', aigerim, '--type', 'incident', '--json', await jsonFile(sampleIncident({ title: 'Almaty' }))]);
    await ok(['export', aigerim, '--out', at('legal.zip'), '--profile', 'legal', '--signer-name', 'Aigerim N.']);
    await ok(['init', org, '--no-encryption']);
    expect(await ok(['received', org])).toContain('No received bundles');
    await ok(['import', org, at('legal.zip'), '--allow-untrusted']);

    // Someone else edits her record and sends it as an internal bundle: the edit is set aside with the bundle.
    await ok(['export', aigerim, '--out', at('internal.zip'), '--profile', 'internal']);
    await ok(['import', org, at('internal.zip'), '--allow-untrusted']);
    await ok(['init', at('other'), '--no-encryption']);
    await ok(['import', at('other'), at('internal.zip'), '--allow-untrusted']);
    await ok(['edit', at('other'), recordId, '--json', await jsonFile({ title: 'Nothing happened' })]);
    await ok(['export', at('other'), '--out', at('forged.zip'), '--profile', 'internal']);
    await ok(['import', org, at('forged.zip'), '--allow-untrusted']);

    const text = await ok(['received', org]);
    expect(text).toContain('  Legal  legal.zip');
    expect(text).toContain('signed by Aigerim N.');
    expect(text).toContain('not among your trusted signers');
    expect(text).toContain('1 change to your records set aside with it');
    const bundles = JSON.parse(await ok(['received', org, '--json'])) as { profile: string; setAside?: unknown[]; trustedAs: string | null }[];
    expect(bundles.map((bundle) => bundle.profile).sort()).toEqual(['internal', 'legal']);
    expect(bundles.find((bundle) => bundle.profile === 'internal')!.setAside).toHaveLength(1);
    expect(bundles.every((bundle) => bundle.trustedAs === null)).toBe(true);
  }, 90_000);

  it('lists trusted signers and takes one off the list, writing its custody line', async () => {
    const org = at('org');
    await ok(['init', org, '--no-encryption']);
    await ok(['init', at('aigerim'), '--no-encryption']);
    const [publicKey, fingerprint] = (await ok(['key', at('aigerim')])).split('\n');
    await writeFile(at('aigerim.pub'), `${publicKey}\n`);
    expect(await ok(['trusted', org])).toContain('No trusted signers yet');
    await ok(['trust', org, at('aigerim.pub'), '--name', 'Айгерім, Алматы']);
    expect(await ok(['trusted', org])).toMatch(new RegExp(`^${fingerprint!.replace(/[+/]/g, '\\$&')} {2}Айгерім, Алматы {2}\\(added \\d{4}-`));
    expect(JSON.parse(await ok(['trusted', org, '--json']))).toMatchObject([{ name: 'Айгерім, Алматы', fingerprint }]);

    expect((await refused(org, ['untrust', org, 'aigerim'], 2)).err).toContain('is not a key fingerprint');
    const unknown = `SHA256:${'A'.repeat(43)}`;
    expect((await refused(org, ['untrust', org, unknown], 1)).err).toContain(`${unknown} is not among this archive's trusted signers`);
    expect((await refused(org, ['untrust', org, unknown, '--lang', 'kk'], 1)).err).toContain('сенімді қол қоюшыларының арасында жоқ');

    expect(await ok(['untrust', org, fingerprint!])).toContain(`No longer trusted: Айгерім, Алматы (${fingerprint})`);
    expect(await ok(['trusted', org])).toContain('No trusted signers yet');
    const last = (await ok(['custody', org])).split('\n').at(-1)!;
    expect(last).toContain('Key no longer trusted');
    expect(last).toContain(fingerprint);
  }, 60_000);
});

describe('dalel settings', () => {
  it('shows and changes the safety settings, refusing a bad name or value without writing', async () => {
    const dir = at('plain');
    await ok(['init', dir, '--no-encryption']);
    const shownSettings = await ok(['settings', dir]);
    expect(shownSettings).toContain('quick-delete=off');
    expect(shownSettings).toContain('unlock-attempt-limit=off');
    expect(shownSettings).toContain('preference of the app on each computer');
    expect(JSON.parse(await ok(['settings', dir, '--json']))).toEqual({ quickDelete: false, unlockAttemptLimit: null });

    const unknown = await refused(dir, ['settings', dir, '--set', 'quick-delete=on', '--set', 'self-destruct=on'], 2);
    expect(unknown.err).toContain('There is no setting “self-destruct”. The settings are: quick-delete, unlock-attempt-limit.');
    expect((await refused(dir, ['settings', dir, '--set', 'quick-delete=maybe'], 2)).err).toContain('quick-delete is on or off, not “maybe”');
    expect((await refused(dir, ['settings', dir, '--set', 'quick-delete'], 2)).err).toContain('is not NAME=VALUE');
    expect((await refused(dir, ['settings', dir, '--set', 'lock-after-minutes=5'], 2)).err).toContain('“lock-after-minutes” is not a setting of the archive');
    expect((await refused(dir, ['settings', dir, '--set', 'unlock-attempt-limit=5'], 2)).err).toContain('encrypted archive only');
    const kk = await refused(dir, ['settings', dir, '--set', 'frob=1', '--lang', 'kk'], 2);
    expect(kk.err).toContain('«frob» деген баптау жоқ');
    const ru = await refused(dir, ['settings', dir, '--set', 'quick-delete=да', '--lang', 'ru'], 2);
    expect(ru.err).toContain('quick-delete принимает значение on или off, а не «да»');

    expect(await ok(['settings', dir, '--set', 'quick-delete=on'])).toContain('quick-delete=on');
    expect(JSON.parse(await ok(['settings', dir, '--json']))).toEqual({ quickDelete: true, unlockAttemptLimit: null });
  });

  it('sets a limit on wrong passphrases on an encrypted archive, within the app’s range', async () => {
    const dir = at('sealed');
    const env = { DALEL_PASSPHRASE: 'Жаңаөзен 2022 қаңтар' };
    await ok(['init', dir], env);
    for (const value of ['2', '101', '5.5', 'ten']) {
      expect((await refused(dir, ['settings', dir, '--set', `unlock-attempt-limit=${value}`], 2, env)).err).toContain('a whole number from 3 to 100');
    }
    await ok(['settings', dir, '--set', 'unlock-attempt-limit=5', '--set', 'quick-delete=on'], env);
    expect(JSON.parse(await ok(['settings', dir, '--json'], env))).toEqual({ quickDelete: true, unlockAttemptLimit: 5 });
    await ok(['settings', dir, '--set', 'unlock-attempt-limit=off'], env);
    expect(JSON.parse(await ok(['settings', dir, '--json'], env))).toEqual({ quickDelete: true, unlockAttemptLimit: null });
  });
});

describe('dalel attach --sensitive --description', () => {
  it('marks the files sensitive and describes them, and says when a file kept what it was first given', async () => {
    const dir = at('archive');
    await ok(['init', dir, '--no-encryption']);
    const recordId = await ok(['add', dir, '--type', 'incident', '--json', await jsonFile(sampleIncident())]);
    const files = [at('терминал.jpg'), at('чек.pdf')];
    await writeFile(files[0]!, 'photo bytes');
    await writeFile(files[1]!, 'receipt bytes');
    await ok(['attach', dir, recordId, ...files, '--sensitive', '--description', 'Pharmacy terminal, 6 January']);
    const { attachments } = await shown(dir, recordId);
    expect(attachments.map(({ sensitive, description }) => ({ sensitive, description }))).toEqual([
      { sensitive: true, description: 'Pharmacy terminal, 6 January' },
      { sensitive: true, description: 'Pharmacy terminal, 6 January' },
    ]);

    const plain = at('plain.txt');
    await writeFile(plain, 'plain bytes');
    await ok(['attach', dir, recordId, plain]);
    expect((await shown(dir, recordId)).attachments.at(-1)).toMatchObject({ sensitive: false, description: '' });

    const again = await dalel(['attach', dir, recordId, plain, '--description', 'Another description']);
    expect(again.code).toBe(0);
    expect(again.err).toContain('was already on this record');
    expect((await shown(dir, recordId)).attachments.at(-1)).toMatchObject({ description: '' });
  });
});
