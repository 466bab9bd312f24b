/**
 * Encryption at rest as a defender meets it, in the built UI against the real
 * engine: the first run asks for a passphrase (strength meter, the warning
 * that a lost passphrase means lost data, too short refused); a wrong
 * passphrase is said plainly and changes nothing; Ctrl+L and idle time lock
 * the archive and clear every trace of its records from the page; the
 * passphrase can be changed and an unencrypted archive encrypted in place;
 * quick delete and the unlock attempt limit (both off by default) leave a
 * folder that no longer opens and holds none of the records' words. The
 * first run, unlock, lock and wrong passphrase run in all three languages.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from '@playwright/test';
import type { DalelApi } from '../../shared/ipc';
import { expect, test, testPassphrase, type DalelSession } from './harness';
import { expectNoEnglishLeft, localeText } from './localeTexts';
import { createArchive, expectNoAxeViolations, expectNoRawKeys, saveIncidentDirectly, sampleIncidents } from './rendererSteps';

const incident = sampleIncidents[1]!;
const weakPassphrase = 'password1';
const newPassphrase = 'quiet harbour 42 under snow';
const thirdPassphrase = 'a third one, after the laptop came back';

/** Every file under `dir` with the sha256 of its bytes: equal snapshots mean nothing on disk changed. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  if (existsSync(dir)) walk(dir);
  return files;
}

/** The files under `dir` whose bytes contain `text` (UTF-8). */
function filesContaining(dir: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8');
  return Object.keys(snapshot(dir)).filter((file) => readFileSync(join(dir, file)).includes(needle));
}

async function stateHash(page: Page): Promise<string> {
  const result = await page.evaluate(() => (window as unknown as { dalel: DalelApi }).dalel.archive.stateHash({}));
  if (!result.ok) throw new Error(`stateHash failed: ${result.error.code}`);
  return result.value.stateHash;
}

async function unlock(page: Page, passphrase: string) {
  await page.locator('#unlock-passphrase').fill(passphrase);
  await page.locator('#unlock-passphrase').press('Enter');
}

async function openSettings(page: Page) {
  await page.getByRole('navigation').locator('a[href="#/settings"]').click();
  await expect(page.locator('#settings-lock-after')).toBeVisible();
}

function expectCleanRun(dalel: DalelSession) {
  expect(dalel.missingKeys).toEqual([]);
  expect(dalel.pageErrors).toEqual([]);
  expect(dalel.externalRequests).toEqual([]);
}

for (const [lng, osLocale] of [
  ['en', 'en-US'],
  ['ru', 'ru-RU'],
  ['kk', 'kk-KZ'],
] as const) {
  test.describe(`in ${lng}`, () => {
    test.use({ osLocale });
    const text = (key: string, params?: Record<string, string | number>) => localeText(lng, key, params);

    test('first run with a passphrase, then wrong passphrase, unlock, and lock on Ctrl+L', async ({ dalel }) => {
      test.setTimeout(120_000);
      const { page } = dalel;
      const folder = join(dalel.dir, 'archive');
      await dalel.open();
      await expect(page.locator('html')).toHaveAttribute('lang', lng);
      if (lng !== 'en') expect(text('security:unlock.title')).not.toBe(localeText('en', 'security:unlock.title'));

      await test.step('the first run asks for a passphrase, rates it and warns that a lost one means lost data', async () => {
        await expect(page.locator('#protection-passphrase')).toBeChecked();
        await expect(page.getByText(text('security:passphrase.lostTitle'))).toBeVisible();
        await expect(page.getByText(text('security:passphrase.lostText'))).toBeVisible();
        const meter = page.getByRole('meter', { name: text('security:strength.label') });
        await expect(meter).toHaveAttribute('value', '0');
        await page.locator('#archive-passphrase').fill(weakPassphrase);
        await expect(page.locator('#archive-passphrase-strength-verdict')).toHaveText(text('security:strength.level0'));
        await expect(meter).toHaveAttribute('value', '1');
        await page.locator('#archive-passphrase').fill(testPassphrase);
        await expect(page.locator('#archive-passphrase-strength-verdict')).toHaveText(text('security:strength.level4'));
        await expect(meter).toHaveAttribute('value', '5');
      });

      await test.step('a too short passphrase, or a mistyped repetition, is refused in words and nothing is made', async () => {
        await page.locator('#archive-name').fill('Алматы');
        await page.locator('#archive-passphrase').fill('short');
        await page.locator('#archive-passphrase-confirm').fill('short');
        await page.locator('form[aria-labelledby="create-archive-title"] button[type="submit"]').click();
        await expect(page.locator('#archive-passphrase-error')).toHaveText(text('security:passphrase.tooShort', { min: 8 }));
        await expect(page.locator('#archive-passphrase')).toBeFocused();
        await expect(page.locator('#archive-passphrase')).toHaveAttribute('aria-invalid', 'true');
        await expectNoRawKeys(page, `the first run with a problem (${lng})`);
        await expectNoEnglishLeft(page, lng, 'the first run');
        await expectNoAxeViolations(page, `the first run with a problem (${lng})`);

        await page.locator('#archive-passphrase').fill(testPassphrase);
        await page.locator('#archive-passphrase-confirm').fill(`${testPassphrase}!`);
        await page.locator('form[aria-labelledby="create-archive-title"] button[type="submit"]').click();
        await expect(page.locator('#archive-passphrase-confirm-error')).toHaveText(text('security:passphrase.mismatch'));
        expect(existsSync(folder)).toBe(false);
      });

      await test.step('with a good passphrase the archive is made, encrypted, and its records are unreadable on disk', async () => {
        await page.locator('#archive-passphrase-confirm').fill(testPassphrase);
        await page.locator('form[aria-labelledby="create-archive-title"] button[type="submit"]').click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(text('incidents:list.title'));
        await expect(page.locator('footer')).toContainText(text('security:badge.encrypted'));
        await saveIncidentDirectly(page, incident);
        await page.reload();
        await expect(page.getByRole('link', { name: incident.title })).toBeVisible();
        expect(filesContaining(folder, incident.title)).toEqual([]);
        expect(filesContaining(folder, 'Алматы')).toEqual([]);
      });

      const before = await stateHash(page);
      await test.step('Ctrl+L locks: the keys are dropped and the record is gone from the page', async () => {
        await page.getByRole('link', { name: incident.title }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(incident.title);
        await page.keyboard.press('Control+L');
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(text('security:unlock.title'));
        await expect(page.locator('#unlock-passphrase')).toBeFocused();
        expect(await page.content()).not.toContain(incident.title);
        expect(await page.title()).not.toContain(incident.title);
        expect(page.url()).not.toContain('/incident/');
        await expect(page.getByRole('navigation')).toHaveCount(0);
        const listed = await page.evaluate(() => (window as unknown as { dalel: DalelApi }).dalel.records.list({ type: 'incident' }));
        expect(listed).toMatchObject({ ok: false, error: { code: 'noArchive' } });
        await expectNoRawKeys(page, `the unlock screen (${lng})`);
        await expectNoEnglishLeft(page, lng, 'the unlock screen');
        await expectNoAxeViolations(page, `the unlock screen (${lng})`);
      });

      await test.step('a wrong passphrase is said plainly, empties the field and changes nothing', async () => {
        const onDisk = snapshot(folder);
        await unlock(page, 'not the passphrase');
        await expect(page.getByRole('alert')).toHaveText(text('errors:wrongPassphrase'));
        await expect(page.locator('#unlock-passphrase')).toHaveValue('');
        await expect(page.locator('#unlock-passphrase')).toBeFocused();
        await expect(page.locator('#unlock-passphrase')).toHaveAttribute('aria-invalid', 'true');
        expect(await page.content()).not.toContain(incident.title);
        expect(snapshot(folder)).toEqual(onDisk);
        await expectNoAxeViolations(page, `the unlock screen after a wrong passphrase (${lng})`);

        // An empty try never reaches the engine (it would count against a limit).
        await page.locator('#unlock-passphrase').press('Enter');
        await expect(page.locator('#unlock-required')).toHaveText(text('security:passphrase.required'));
      });

      await test.step('the right passphrase unlocks, onto the incident list, with everything as it was', async () => {
        await unlock(page, testPassphrase);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(text('incidents:list.title'));
        await expect(page).toHaveURL(/#\/$/);
        await expect(page.getByRole('link', { name: incident.title })).toBeVisible();
        expect(await stateHash(page)).toBe(before);
      });

      await test.step('the Lock button in the banner locks too', async () => {
        await page.getByRole('banner').getByRole('button', { name: text('security:lock.button') }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(text('security:unlock.title'));
        expect(await page.content()).not.toContain(incident.title);
      });

      await test.step('a limit planted in the locked folder is named at the next unlock, and taken away', async () => {
        const manifestPath = join(folder, 'dalel-archive.json');
        const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
        writeFileSync(manifestPath, JSON.stringify({ ...manifest, safety: { quickDelete: true, unlockAttemptLimit: 3 } }));
        await unlock(page, testPassphrase);
        const notice = page.locator('.tamper-notice');
        await expect(notice.getByRole('heading', { level: 2 })).toHaveText(text('common:tampering.title'));
        await expect(notice).toContainText(text('common:tampering.safetyChanged'));
        expect(JSON.parse(readFileSync(manifestPath, 'utf8')).safety).toEqual({ quickDelete: false, unlockAttemptLimit: null });
        await expectNoRawKeys(page, `the tamper notice (${lng})`);
        await expectNoEnglishLeft(page, lng, 'the tamper notice');
        await expectNoAxeViolations(page, `the tamper notice (${lng})`);
      });

      expectCleanRun(dalel);
    });
  });
}

test('at start, an encrypted archive in the default folder asks for its passphrase at once', async ({ dalel }) => {
  const { page } = dalel;
  const folder = join(dalel.dir, 'archive');
  await dalel.createArchiveAt(folder, 'Defenders at home');
  await dalel.open();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock the archive' })).toBeVisible();
  await expect(page.locator('#unlock-passphrase')).toBeFocused();
  await expect(page.locator('.unlock-form')).toContainText(folder);
  // Asking for the passphrase is not a wrong attempt, and no data is shown before it is given.
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await page.content()).not.toContain('Defenders at home');

  // Another archive can still be chosen from here.
  await page.getByRole('button', { name: 'Open or create another archive' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Dalel' })).toBeVisible();
  const open = page.locator('form[aria-labelledby="open-archive-title"]');
  await open.getByRole('button', { name: 'Open archive' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock the archive' })).toBeVisible();
  await unlock(page, testPassphrase);
  await expect(page.locator('footer')).toContainText('Archive: Defenders at home');
  expectCleanRun(dalel);
});

test('idle lock: after the chosen minutes without activity, and not while the defender is working', async ({ dalel }) => {
  const { page } = dalel;
  await page.clock.install();
  await dalel.open();
  await createArchive(dalel);
  await saveIncidentDirectly(page, incident);
  await openSettings(page);
  await expect(page.locator('#settings-lock-after')).toHaveValue('10');
  await page.locator('#settings-lock-after').selectOption('1');
  await expect(page.locator('.settings-section .save-note').first()).toHaveText('Saved.');
  await expect(page.locator('#settings-lock-after')).toHaveValue('1');
  await expectNoAxeViolations(page, 'the settings of an encrypted archive');

  await page.getByRole('navigation').getByRole('link', { name: 'Incidents' }).click();
  await expect(page.getByRole('link', { name: incident.title })).toBeVisible();
  await page.clock.fastForward('00:50');
  await page.mouse.move(200, 300);
  await page.clock.fastForward('00:50');
  await page.keyboard.press('Tab');
  await page.clock.fastForward('00:50');
  // 150 seconds have passed, but never 60 without activity.
  await expect(page.getByRole('link', { name: incident.title })).toBeVisible();

  await page.clock.fastForward('01:01');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unlock the archive');
  expect(await page.content()).not.toContain(incident.title);
  await unlock(page, testPassphrase);
  await expect(page.getByRole('link', { name: incident.title })).toBeVisible();

  // Never: no lock however long the wait. The choice is the person's, kept across reloads.
  await openSettings(page);
  await page.locator('#settings-lock-after').selectOption('0');
  await expect(page.locator('.settings-section .save-note').first()).toHaveText('Saved.');
  await page.clock.fastForward('05:00:00');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  await page.reload();
  await expect(page.locator('#settings-lock-after')).toHaveValue('0');
  expectCleanRun(dalel);
});

test('change the passphrase: a wrong current one changes nothing; afterwards the old one fails and the new one opens', async ({ dalel }) => {
  const { page } = dalel;
  await dalel.open();
  await createArchive(dalel);
  await openSettings(page);
  const section = page.locator('section[aria-labelledby="settings-passphrase-title"]');

  await section.getByLabel('Current passphrase').fill('not the passphrase');
  await section.getByLabel('New passphrase', { exact: true }).fill(newPassphrase);
  await expect(section.locator('.strength-verdict')).toHaveText('very strong');
  await section.getByLabel('Repeat the new passphrase').fill(newPassphrase);
  await section.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(section.getByRole('alert')).toHaveText('Wrong passphrase. Nothing was changed.');
  for (const field of ['#current-passphrase', '#next-passphrase', '#next-passphrase-confirm']) await expect(page.locator(field)).toHaveValue('');

  // Too short a new passphrase is refused before anything is sent.
  await section.getByLabel('Current passphrase').fill(testPassphrase);
  await section.getByLabel('New passphrase', { exact: true }).fill('tiny');
  await section.getByLabel('Repeat the new passphrase').fill('tiny');
  await section.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.locator('#next-passphrase-error')).toHaveText('The passphrase must be at least 8 characters long.');

  await section.getByLabel('New passphrase', { exact: true }).fill(newPassphrase);
  await section.getByLabel('Repeat the new passphrase').fill(newPassphrase);
  await section.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(section.getByRole('status')).toHaveText('The passphrase was changed. Use the new one from now on.');
  await expectNoAxeViolations(page, 'the settings after changing the passphrase');

  await page.keyboard.press('Control+L');
  await unlock(page, testPassphrase);
  await expect(page.getByRole('alert')).toHaveText('Wrong passphrase. Nothing was changed.');
  await unlock(page, newPassphrase);
  await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();

  // Again, replacing the key that seals the files too: the box says when to choose it, every file is sealed again.
  await openSettings(page);
  const sealAgain = section.getByLabel('Also replace the key that seals the files');
  await expect(sealAgain).not.toBeChecked();
  await expect(sealAgain).toHaveAccessibleDescription(/taken and given back/);
  await sealAgain.check();
  await section.getByLabel('Current passphrase').fill(newPassphrase);
  await section.getByLabel('New passphrase', { exact: true }).fill(thirdPassphrase);
  await section.getByLabel('Repeat the new passphrase').fill(thirdPassphrase);
  await section.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(section.getByRole('status')).toHaveText('Every file was sealed again under a new key. Use the new passphrase from now on.');
  await page.keyboard.press('Control+L');
  await unlock(page, newPassphrase);
  await expect(page.getByRole('alert')).toHaveText('Wrong passphrase. Nothing was changed.');
  await unlock(page, thirdPassphrase);
  await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
  expectCleanRun(dalel);
});

test('an archive made without encryption says so everywhere, and is encrypted in place', async ({ dalel }) => {
  const { page } = dalel;
  const folder = join(dalel.dir, 'archive');
  await dalel.open();
  await page.locator('#protection-none').check();
  await expect(page.locator('#protection-none-warning')).toContainText('Anyone who gets this computer');
  await expect(page.locator('#archive-passphrase')).toHaveCount(0);
  await expectNoAxeViolations(page, 'the first run without encryption');
  await createArchive(dalel, 'Public data', null);
  await saveIncidentDirectly(page, incident);
  await page.reload();
  expect(filesContaining(folder, incident.title).length).toBeGreaterThan(0);

  const banner = page.getByRole('banner');
  await expect(banner.getByText('Not encrypted')).toBeVisible();
  await expect(page.locator('footer')).toContainText('Not encrypted');
  await expect(banner.getByRole('button', { name: 'Lock' })).toHaveCount(0);
  // Nothing to lock: Ctrl+L leaves an unencrypted archive as it is.
  await page.keyboard.press('Control+L');
  await expect(page.getByRole('link', { name: incident.title })).toBeVisible();

  await banner.getByRole('link', { name: 'Encrypt it' }).click();
  const section = page.locator('section[aria-labelledby="settings-encrypt-title"]');
  await expect(section).toContainText('This archive is stored without encryption');
  await expect(section).toContainText('A lost passphrase means lost data');
  await expect(page.locator('section[aria-labelledby="settings-passphrase-title"]')).toHaveCount(0);
  await expect(page.locator('#safety-limit')).toHaveCount(0);
  await expectNoAxeViolations(page, 'the settings of an unencrypted archive');

  await section.getByLabel('Passphrase', { exact: true }).fill(testPassphrase);
  await section.getByLabel('Repeat the passphrase').fill(testPassphrase);
  await section.getByRole('button', { name: 'Encrypt archive' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The archive is now encrypted.' })).toBeVisible();
  await expect(banner.getByText('Not encrypted')).toHaveCount(0);
  await expect(page.locator('footer')).toContainText('Encrypted');
  await expect(page.locator('footer')).not.toContainText('Not encrypted');
  await expect(page.locator('section[aria-labelledby="settings-passphrase-title"]')).toBeVisible();
  expect(filesContaining(folder, incident.title)).toEqual([]);

  await banner.getByRole('button', { name: 'Lock' }).click();
  await unlock(page, testPassphrase);
  await expect(page.getByRole('link', { name: incident.title })).toBeVisible();
  expectCleanRun(dalel);
});

test('quick delete: off by default; once on, one confirmation on the unlock screen destroys the archive for good', async ({ dalel }) => {
  const { page } = dalel;
  const folder = join(dalel.dir, 'archive');
  await dalel.open();
  await createArchive(dalel);
  await saveIncidentDirectly(page, incident);

  await test.step('off by default: no button in Settings nor on the unlock screen', async () => {
    await openSettings(page);
    await expect(page.locator('#safety-quick-delete')).not.toBeChecked();
    await expect(page.locator('#safety-limit')).not.toBeChecked();
    await expect(page.getByRole('button', { name: 'Quick delete…' })).toHaveCount(0);
    await page.keyboard.press('Control+L');
    await expect(page.getByRole('heading', { level: 1, name: 'Unlock the archive' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Quick delete…' })).toHaveCount(0);
    await unlock(page, testPassphrase);
  });

  await test.step('turned on in Settings, its button appears there and on the unlock screen', async () => {
    await openSettings(page);
    await page.getByLabel('Allow quick delete').check();
    await page.getByRole('button', { name: 'Save safety settings' }).click();
    await expect(page.getByText('Safety settings saved.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Quick delete…' })).toBeVisible();
    await page.keyboard.press('Control+L');
    // Reachable, not announced: behind a quiet "Other options" toggle, and not a red button.
    await expect(page.getByRole('button', { name: 'Quick delete…' })).toHaveCount(0);
    const more = page.getByRole('button', { name: 'Other options' });
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await more.click();
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('button', { name: 'Quick delete…' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Quick delete…' })).not.toHaveClass(/danger/);
  });

  await test.step('one deliberate confirmation: Cancel has the focus and destroys nothing', async () => {
    await page.getByRole('button', { name: 'Quick delete…' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Destroy this archive?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('This cannot be undone');
    await expect(dialog).toContainText('Only a backup bundle kept elsewhere can bring the records back.');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expectNoAxeViolations(page, 'the quick delete dialog');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    expect(existsSync(folder)).toBe(true);

    await page.getByRole('button', { name: 'Quick delete…' }).click();
    await dialog.getByRole('button', { name: 'Destroy archive now' }).click();
  });

  await test.step('afterwards: a neutral start screen, and a folder that no longer opens nor holds the records', async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Dalel' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Done. No archive is open.');
    await expect(page.getByText(/destroy/i)).toHaveCount(0);
    await expectNoAxeViolations(page, 'the start screen after quick delete');
    expect(filesContaining(dalel.dir, incident.title)).toEqual([]);
    expect(Object.keys(snapshot(folder))).toEqual([]);

    const open = page.locator('form[aria-labelledby="open-archive-title"]');
    await open.getByLabel('Folder').fill(folder);
    await open.getByRole('button', { name: 'Open archive' }).click();
    await expect(open.getByRole('alert')).toHaveText(new RegExp(`^(There is no archive at|.* is not a Dalel archive)`));
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Dalel' })).toBeVisible();
  });
  expectCleanRun(dalel);
});

test('quick delete from Settings, while the archive is open', async ({ dalel }) => {
  const { page } = dalel;
  await dalel.open();
  await createArchive(dalel);
  await saveIncidentDirectly(page, incident);
  await openSettings(page);
  await page.getByLabel('Allow quick delete').check();
  await page.getByRole('button', { name: 'Save safety settings' }).click();
  await page.getByRole('button', { name: 'Quick delete…' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Destroy archive now' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Dalel' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Done. No archive is open.');
  await expect(page).toHaveURL(/#\/$/);
  expect(await page.content()).not.toContain(incident.title);
  expect(filesContaining(dalel.dir, incident.title)).toEqual([]);
  expectCleanRun(dalel);
});

test('unlock attempt limit: off by default; set to 3, it counts down and the third wrong passphrase destroys the archive', async ({ dalel }) => {
  const { page } = dalel;
  const folder = join(dalel.dir, 'archive');
  await dalel.open();
  await createArchive(dalel);
  await saveIncidentDirectly(page, incident);
  await openSettings(page);

  await page.getByLabel('Destroy the archive after too many wrong passphrases').check();
  const count = page.getByLabel('Wrong passphrases allowed');
  await expect(count).toHaveValue('10');
  await count.fill('2');
  await expect(page.locator('#safety-limit-count-error')).toHaveText('Enter a whole number from 3 to 100.');
  await page.getByRole('button', { name: 'Save safety settings' }).click();
  await expect(count).toBeFocused();
  await expect(page.getByText('Safety settings saved.')).toHaveCount(0);
  await count.fill('3');
  await page.getByRole('button', { name: 'Save safety settings' }).click();
  await expect(page.getByText('Safety settings saved.')).toBeVisible();
  await expectNoAxeViolations(page, 'the safety settings');

  await page.keyboard.press('Control+L');
  await unlock(page, 'wrong one');
  await expect(page.getByRole('alert')).toHaveText(
    'Wrong passphrase. Nothing was changed. Wrong attempts left before this archive is destroyed: 2.',
  );
  await unlock(page, 'wrong two');
  await expect(page.getByRole('alert')).toHaveText(
    'Wrong passphrase. Nothing was changed. Wrong attempts left before this archive is destroyed: 1.',
  );
  // Restarted, the app still says how few attempts are left.
  await page.reload();
  await expect(page.locator('#unlock-limit')).toHaveText(
    'Unlock attempts are limited: after 1 more wrong passphrase, this archive will be destroyed.',
  );
  await expectNoAxeViolations(page, 'the unlock screen with attempts left');
  await unlock(page, 'wrong three');

  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Dalel' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('was destroyed');
  expect(filesContaining(dalel.dir, incident.title)).toEqual([]);
  const reopened = await page.evaluate(
    (path) => (window as unknown as { dalel: DalelApi }).dalel.archive.open({ path, passphrase: 'violet tractor lantern 1986' }),
    folder,
  );
  expect(reopened.ok).toBe(false);
  expectCleanRun(dalel);
});

test('settings show the signing key: the fingerprint ssh-keygen prints, and the public key line to pass on', async ({ dalel }) => {
  const { page } = dalel;
  await dalel.open();
  await createArchive(dalel);
  await openSettings(page);
  const section = page.locator('section[aria-labelledby="signing-key-title"]');
  const line = await section.getByLabel('Public key (OpenSSH line, to copy)').inputValue();
  expect(line).toMatch(/^ssh-ed25519 [A-Za-z0-9+/]+=* \S+$/);
  const keyFile = join(dalel.dir, 'signer.pub');
  writeFileSync(keyFile, `${line}\n`);
  const printed = execFileSync('ssh-keygen', ['-lf', keyFile], { encoding: 'utf8' }).split(' ')[1];
  await expect(section.locator('code.fingerprint')).toHaveText(printed!);
  await expectNoAxeViolations(page, 'the signing key in settings');
  expectCleanRun(dalel);
});
