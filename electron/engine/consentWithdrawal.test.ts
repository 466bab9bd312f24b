/**
 * A person's withdrawal of consent stays in force until they are asked
 * again: no later version (an edit, a replacement, a conflict resolved)
 * may drop it, and the public export keeps withholding the statement.
 */
import { execFileSync } from 'node:child_process';
import { cp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceInput } from '../../shared/model';
import { Archive } from './archive';
import { exportBundle } from './bundle/export';
import { folderContents } from './testing/folderContents';
import { sampleTestimony, temporaryFolder } from './testing/fixtures';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

const statement = 'Біз жедел жәрдем шақыра алмадық — withdrawn from publishing';
const withdrawal = { uses: ['publishAnonymous' as const], at: { at: '2022-02-01T10:00+06:00', precision: 'minute' as const }, method: 'written' as const };
const original = sampleTestimony({ content: statement }) as SourceInput & { consent: Record<string, unknown> };
const withdrawn = { ...original, consent: { ...original.consent, publishAnonymous: false, withdrawals: [withdrawal] } };

let exports = 0;
/** Whether a public bundle of the archive carries the statement anywhere. */
async function published(archive: Archive): Promise<boolean> {
  const out = join(folder.path, `public-${(exports += 1)}.zip`);
  await exportBundle(archive, { out, profile: 'public', language: 'en', softwareVersion: 'test' });
  const dir = join(folder.path, `unzipped-${exports}`);
  execFileSync('unzip', ['-q', out, '-d', dir]);
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && (await readFile(join(entry.parentPath, entry.name))).includes(Buffer.from(statement))) return true;
  }
  return false;
}

/** An archive whose one testimony's person withdrew consent to publishing. */
async function withdrawnArchive(name = 'архив') {
  const path = join(folder.path, name);
  const archive = await Archive.create(path, { name: 'Қорғаушы', organization: 'Дәлел', passphrase: null });
  const first = await archive.save({ type: 'source', data: original });
  const second = await archive.save({ type: 'source', recordId: first.recordId, parent: first.revisionId, data: withdrawn });
  return { archive, path, recordId: first.recordId, first, second };
}

describe('a withdrawal of consent', () => {
  it('cannot be dropped by an edit that removes it (a merge patch setting withdrawals to null)', async () => {
    const { archive, path, recordId, second } = await withdrawnArchive();
    const before = await folderContents(path);
    const patched = { ...withdrawn, consent: { ...withdrawn.consent, withdrawals: undefined, publishAnonymous: true } };
    await expect(archive.save({ type: 'source', recordId, parent: second.revisionId, data: patched })).rejects.toMatchObject({
      code: 'consentWithdrawalKept',
      params: { use: 'publishAnonymous', date: '2022-02-01T10:00+06:00' },
    });
    expect(await folderContents(path)).toEqual(before);
    expect(await published(archive)).toBe(false);
    await archive.close();
  });

  it('cannot be dropped by replacing the record with its first version, nor by removing the consent', async () => {
    const { archive, path, recordId, second } = await withdrawnArchive();
    const before = await folderContents(path);
    await expect(archive.save({ type: 'source', recordId, parent: second.revisionId, data: original })).rejects.toMatchObject({ code: 'consentWithdrawalKept' });
    // A person named in a document needs no consent: the engine must not take that way out either.
    const noConsent = { ...original, kind: 'document', consent: undefined };
    await expect(archive.save({ type: 'source', recordId, parent: second.revisionId, data: noConsent })).rejects.toMatchObject({ code: 'consentWithdrawalKept' });
    // Asked again before the withdrawal, or the same day when only the day is known: not surely after it.
    const earlier = { ...original, consent: { ...original.consent, givenAt: { at: '2022-02-01T09:00+06:00', precision: 'minute' } } };
    await expect(archive.save({ type: 'source', recordId, parent: second.revisionId, data: earlier })).rejects.toMatchObject({ code: 'consentWithdrawalKept' });
    expect(await folderContents(path)).toEqual(before);
    expect(await published(archive)).toBe(false);
    await archive.close();
  });

  it('stays, and other fields may change, when a version keeps it', async () => {
    const { archive, recordId, second } = await withdrawnArchive();
    const retitled = { ...withdrawn, title: 'Pharmacist, Medeu district (corrected)' };
    await expect(archive.save({ type: 'source', recordId, parent: second.revisionId, data: retitled })).resolves.toMatchObject({ recordId });
    expect(archive.getRecord(recordId).history.at(-1)!.revision.data).toMatchObject({ title: retitled.title, consent: { withdrawals: [withdrawal] } });
    expect(await published(archive)).toBe(false);
    await archive.close();
  });

  it('may be left out once the person was asked again after it', async () => {
    const { archive, recordId, second } = await withdrawnArchive();
    const askedAgain = { ...original, consent: { ...original.consent, givenAt: { at: '2022-03-01T12:00+06:00', precision: 'minute' } } };
    await expect(archive.save({ type: 'source', recordId, parent: second.revisionId, data: askedAgain })).resolves.toMatchObject({ recordId });
    expect(await published(archive)).toBe(true);
    await archive.close();
  });

  it('cannot be dropped by resolving a conflict with a version made before it', async () => {
    const path = join(folder.path, 'k');
    const created = await Archive.create(path, { name: 'Қорғаушы', organization: 'Дәлел', passphrase: null });
    const first = await created.save({ type: 'source', data: original });
    await created.close();
    // k2: a copy of k made before the withdrawal (the same key), where someone fixes the title.
    const copyPath = join(folder.path, 'k2');
    await cp(path, copyPath, { recursive: true });
    const k = await Archive.open(path);
    await k.save({ type: 'source', recordId: first.recordId, parent: first.revisionId, data: withdrawn });
    const k2 = await Archive.open(copyPath);
    const retitled = { ...original, title: 'Pharmacist, Medeu district (corrected)' };
    await k2.save({ type: 'source', recordId: first.recordId, parent: first.revisionId, data: retitled });
    await k.mergeFrom(k2);
    const [conflict] = k.conflicts();
    expect(conflict!.heads).toHaveLength(2);
    // While the conflict waits, whichever version is shown, an export keeps every version's withdrawals.
    expect(await published(k)).toBe(false);

    const before = await folderContents(path);
    const kept = k.getRecord(first.recordId).history.find((signed) => conflict!.heads.includes(signed.id) && signed.revision.data!.title === retitled.title)!;
    await expect(k.resolveConflict({ recordId: first.recordId, heads: conflict!.heads, data: kept.revision.data })).rejects.toMatchObject({
      code: 'consentWithdrawalKept',
      params: { use: 'publishAnonymous', context: 'resolve' },
    });
    expect(await folderContents(path)).toEqual(before);
    expect(k.conflicts()).toHaveLength(1);

    // A merged version: the corrected title, the withdrawal kept.
    const merged = { ...withdrawn, title: retitled.title };
    await expect(k.resolveConflict({ recordId: first.recordId, heads: conflict!.heads, data: merged })).resolves.toMatchObject({ recordId: first.recordId });
    expect(k.conflicts()).toEqual([]);
    expect(await published(k)).toBe(false);
    await k2.close();
    await k.close();
  });
});
