/**
 * Evidence files, in the built UI against the real engine, in English,
 * Russian and Kazakh: a defender attaches a picture and a doctor's letter
 * through the picker and a camera photo by dropping it on an incident, a
 * witness's recording to an effect and a video to a testimony; every file
 * keeps its name exactly (Kazakh, Russian, emoji), shows the SHA-256 that
 * `sha256sum` gives for the file on disk, and previews for real (the picture
 * decodes, the sound and video have a length, the PDF draws its page). The
 * same file added again is listed once; a dropped file that is not on this
 * computer is refused with a translated message. The incident page gathers
 * the files of its effects and sources; history and custody still read;
 * a retracted record keeps its files but takes no more. Axe finds nothing;
 * nothing leaves for the network.
 */
import type { Locator, Page, Request } from '@playwright/test';
import { join } from 'node:path';
import type { DalelApi } from '../../shared/ipc';
import type { EffectInput, IncidentInput, SourceInput } from '../../shared/model';
import { makeEvidenceFiles, pdfLine, photoCamera, type EvidenceFile, type EvidenceSet } from './evidenceFiles';
import { expect, test } from './harness';
import { expectNoEnglishLeft, localeText } from './localeTexts';
import { createArchive, expectNoAxeViolations, expectNoRawKeys, sampleIncidents } from './rendererSteps';

type Lng = 'en' | 'ru' | 'kk';

const languages: { lng: Lng; osLocale: string }[] = [
  { lng: 'en', osLocale: 'en-US' },
  { lng: 'ru', osLocale: 'ru-RU' },
  { lng: 'kk', osLocale: 'kk-KZ' },
];

/** The UI's texts in one language, plurals chosen as i18next chooses them (Intl.PluralRules). */
function textsIn(lng: Lng) {
  const text = (key: string, params: Record<string, string | number> = {}) => localeText(lng, key, params);
  const plural = (key: string, count: number) => text(`${key}_${new Intl.PluralRules(lng).select(count)}`, { count });
  return { text, plural };
}

type Dalel = { dalel: DalelApi };

async function saveRecord(page: Page, type: 'incident' | 'effect' | 'source', data: IncidentInput | EffectInput | SourceInput) {
  const result = await page.evaluate(({ type, data }) => (window as unknown as Dalel).dalel.records.save({ type, data }), { type, data });
  if (!result.ok) throw new Error(`saving the ${type} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** An incident with three effects (banking, medical, disability access) and two sources with different consent. */
async function saveIncidentWithEvidence(page: Page) {
  const testimony = await saveRecord(page, 'source', {
    kind: 'testimony',
    title: 'Пациентка, Алматы, 6 қаңтар',
    content: 'Я обошла три аптеки, ни одна не принимала карту.',
    language: 'ru',
    person: { name: 'А. К.', contact: '+7 700 000 0000', role: 'victim' },
    consent: { keep: true, lawyersAnonymous: true, lawyersNamed: true, unNamed: false, publishAnonymous: false, askedBy: 'A. N.', askedIn: 'kk', givenAt: { at: '2022-01-06T12:00+06:00', precision: 'hour' }, method: 'verbal' },
  });
  const photos = await saveRecord(page, 'source', {
    kind: 'photo_video',
    title: 'Банкомат суреттері, Жаңаөзен',
    person: { name: 'Б. С.', role: 'witness' },
    consent: { keep: true, lawyersAnonymous: false, lawyersNamed: false, unNamed: false, publishAnonymous: true, askedBy: 'A. N.', askedIn: 'kk', givenAt: { at: '2022-01-07T10:00+05:00', precision: 'hour' }, method: 'written' },
  });
  const incident = await saveRecord(page, 'incident', { ...sampleIncidents[0]!, sources: [testimony.recordId] });
  const effect = (category: EffectInput['category'], description: string, sources: string[]) =>
    saveRecord(page, 'effect', { incident: incident.recordId, category, severity: 'critical', description, sources });
  const banking = await effect('banking_payments', 'Банкоматы и терминалы не работали три дня.', [photos.recordId]);
  const medical = await effect('medical_care', 'Дәріханада карта қабылданбады, науқас инсулин ала алмады.', [testimony.recordId]);
  const disability = await effect('disability_access', 'Глухие не могли вызвать скорую через текстовый сервис.', []);
  return { incident, testimony, photos, banking, medical, disability };
}

/** Builds a DataTransfer in the page holding Files with these names and bytes, and drops it on `zone`. */
async function dropFiles(page: Page, zone: Locator, files: { name: string; mediaType: string; bytes: Buffer }[], onDragOver?: () => Promise<void>) {
  const dataTransfer = await page.evaluateHandle(
    (files) => {
      const transfer = new DataTransfer();
      for (const { name, type, base64 } of files) {
        transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name, { type }));
      }
      return transfer;
    },
    files.map(({ name, mediaType, bytes }) => ({ name, type: mediaType, base64: bytes.toString('base64') })),
  );
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await onDragOver?.();
  await zone.dispatchEvent('drop', { dataTransfer });
  await dataTransfer.dispose();
}

const filesSection = (page: Page) => page.locator('section[aria-labelledby="evidence-files-title"]');
const itemOf = (scope: Locator, file: EvidenceFile) => scope.locator('li.attachment').filter({ hasText: file.name });

/** Every file the page lists, by its name exactly as shown, with the SHA-256 shown for it. */
async function shownFiles(scope: Locator): Promise<{ name: string; sha256: string }[]> {
  return scope.locator('li.attachment').evaluateAll((items) =>
    items.map((item) => ({
      name: item.querySelector('.attachment-name bdi')?.textContent ?? '',
      sha256: item.querySelector('.sha256')?.textContent ?? '',
    })),
  );
}

async function expectListed(scope: Locator, files: EvidenceFile[]) {
  await expect.poll(async () => (await shownFiles(scope)).map(({ name }) => name).sort()).toEqual(files.map(({ name }) => name).sort());
  // The hash on screen is the hash of the file on disk, computed here in Node: what sha256sum prints.
  const byName = new Map(files.map((file) => [file.name, file.sha256]));
  for (const { name, sha256 } of await shownFiles(scope)) expect(sha256, name).toBe(byName.get(name));
}

async function showPreview(item: Locator, lng: Lng) {
  const { text } = textsIn(lng);
  const toggle = item.getByRole('button', { name: text('evidence:files.preview.show') });
  await toggle.click();
  await expect(item.getByRole('button', { name: text('evidence:files.preview.hide') })).toHaveAttribute('aria-expanded', 'true');
}

async function expectImagePreview(item: Locator, alt: string) {
  const image = item.locator('img.preview-image');
  await expect(image).toBeVisible();
  await expect(image).toHaveAttribute('alt', alt);
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
}

async function expectMediaPreview(item: Locator, tag: 'audio' | 'video') {
  const media = item.locator(tag);
  await expect(media).toBeVisible();
  const loaded = await media.evaluate((element: HTMLMediaElement) => ({
    ready: element.readyState >= HTMLMediaElement.HAVE_METADATA,
    duration: element.duration,
    width: element instanceof HTMLVideoElement ? element.videoWidth : null,
  }));
  expect(loaded.ready).toBe(true);
  expect(loaded.duration).toBeGreaterThan(0);
  expect(Number.isFinite(loaded.duration)).toBe(true);
  if (tag === 'video') expect(loaded.width).toBeGreaterThan(0);
}

async function expectPdfPreview(item: Locator, lng: Lng, name: string) {
  const { text } = textsIn(lng);
  await expect(item.locator('.pdf-page-number')).toHaveText(text('evidence:files.preview.pdfPage', { page: 1, pages: 1 }));
  await expect(item.getByRole('button', { name: text('evidence:files.preview.pdfPrevious') })).toBeDisabled();
  await expect(item.getByRole('button', { name: text('evidence:files.preview.pdfNext') })).toBeDisabled();
  const canvas = item.getByRole('img', { name: text('evidence:files.preview.pdfCanvas', { name, page: 1, pages: 1 }) });
  await expect(canvas).toBeVisible();
  const inked = await canvas.evaluate((element: HTMLCanvasElement) => {
    const { data } = element.getContext('2d')!.getImageData(0, 0, element.width, element.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) count += 1;
    return count;
  });
  expect(inked, 'pixels the PDF page drew').toBeGreaterThan(1000);
  // The page's own text is its text alternative.
  await item.locator('.pdf-text summary').click();
  await expect(item.locator('.pdf-text')).toContainText(pdfLine);
}

async function addChosen(section: Locator, lng: Lng, count: number) {
  const { plural } = textsIn(lng);
  const submit = section.locator('form.add-files button[type="submit"]');
  await expect(submit).toHaveText(plural('evidence:files.add.submit', count));
  await submit.click();
}

async function checkScreen(page: Page, lng: Lng, screen: string) {
  await expectNoRawKeys(page, `${screen} (${lng})`);
  await expectNoEnglishLeft(page, lng, screen);
  await expectNoAxeViolations(page, `${screen} (${lng})`);
}

async function goTo(page: Page, hash: string) {
  await page.goto(`${page.url().split('#')[0]}${hash}`);
}

for (const { lng, osLocale } of languages) {
  test.describe(`in ${lng}`, () => {
    test.use({ osLocale });

    test(`evidence files are added, listed with their hashes and previewed (${lng})`, async ({ dalel }) => {
      test.setTimeout(240_000);
      const { page } = dalel;
      const { text, plural } = textsIn(lng);
      await dalel.open();
      await createArchive(dalel);
      const files: EvidenceSet = await makeEvidenceFiles(dalel.context, join(dalel.dir, 'at-hand'));
      dalel.offerFiles([...files.all, files.largePdf].map(({ path }) => path));
      const records = await saveIncidentWithEvidence(page);
      const ownKey = await page.evaluate(async () => {
        const shown = await (window as unknown as Dalel).dalel.key.show({});
        return shown.ok ? shown.value.fingerprint : '';
      });

      await goTo(page, `#/incident/${records.incident.recordId}`);
      const section = filesSection(page);
      await expect(section.getByRole('heading', { level: 2, name: text('evidence:files.title') })).toBeVisible();
      await expect(section).toContainText(text('evidence:files.empty'));
      const description = 'Банк бөлімшесінің есігіндегі хабарландыру және дәрігер анықтамасы.';

      await test.step('the picker: "Choose files…" opens the file dialog; two files with a description', async () => {
        const chooser = page.waitForEvent('filechooser');
        await section.getByRole('button', { name: text('evidence:files.add.choose') }).click();
        await (await chooser).setFiles([files.image.path, files.pdf.path]);
        await expect(section.locator('.chosen-files li')).toHaveCount(2);
        // Names exactly as on disk: two spaces, Kazakh letters and emoji included.
        expect(await section.locator('.chosen-files bdi').allTextContents()).toEqual([files.image.name, files.pdf.name]);
        await section.getByLabel(text('evidence:files.add.description')).fill(description);
        await expectNoAxeViolations(page, `the files chosen to add (${lng})`);
        await addChosen(section, lng, 2);
        await expect(section.locator('.add-status')).toHaveText(plural('evidence:files.add.added', 2));
        await expectListed(section, [files.image, files.pdf]);
      });

      await test.step('a drop: the zone says files are over it; the photo is added as sensitive', async () => {
        const zone = section.locator('.drop-zone');
        await dropFiles(page, zone, [files.photo], async () => {
          await expect(zone).toHaveClass(/dragging/);
          await expect(zone.locator('.drop-hint')).toHaveText(text('evidence:files.add.dropNow'));
        });
        await expect(zone).not.toHaveClass(/dragging/);
        await expect(zone.locator('.drop-hint')).toHaveText(text('evidence:files.add.dropHint'));
        await section.getByLabel(text('evidence:files.add.sensitive')).check();
        await addChosen(section, lng, 1);
        await expect(section.locator('.add-status')).toHaveText(plural('evidence:files.add.added', 1));
        await expectListed(section, [files.image, files.pdf, files.photo]);
      });

      await test.step('each file shows its facts: name exactly, type, hash, who added it, the camera', async () => {
        const photo = itemOf(section, files.photo);
        await expect(photo.locator('.badge-sensitive')).toHaveText(text('evidence:files.sensitiveBadge'));
        await expect(photo).toContainText(photoCamera.model!);
        // The camera's clock as it recorded it, with the offset it noted: never moved to the viewer's zone.
        await expect(photo.locator('time[datetime="2022-01-05T14:03:22+06:00"]')).toContainText('14:03:22 (UTC+06:00)');
        await expect(photo).toContainText('image/jpeg');
        await expect(photo).toContainText(text('common:custody.byOwn', { key: `${ownKey.slice(0, 'SHA256:'.length + 8)}…` }));
        const image = itemOf(section, files.image);
        await expect(image.locator('.badge-sensitive')).toHaveCount(0);
        await expect(image).toContainText(description);
        await expect(image).toContainText('image/png');
      });

      await test.step('the same file again is listed once', async () => {
        await section.locator('input[type="file"]').setInputFiles(files.image.path);
        await addChosen(section, lng, 1);
        await expect(section.locator('.add-status')).toHaveText(plural('evidence:files.add.alreadyThere', 1));
        await expectListed(section, [files.image, files.pdf, files.photo]);
      });

      await test.step('a dropped file that is not on this computer is refused, translated', async () => {
        const stranger = { name: 'Басқа файл 🗒.txt', mediaType: 'text/plain', bytes: Buffer.from('not on disk') };
        await dropFiles(page, section.locator('.drop-zone'), [stranger]);
        await addChosen(section, lng, 1);
        await expect(section.getByRole('alert')).toHaveText(text('errors:fileNotOnDisk', { name: stranger.name }));
        await section.getByRole('button', { name: text('evidence:files.add.clear') }).click();
        await expect(section.locator('.chosen-files')).toHaveCount(0);
        await expectListed(section, [files.image, files.pdf, files.photo]);
      });

      await test.step('previews render for real', async () => {
        await showPreview(itemOf(section, files.image), lng);
        await expectImagePreview(itemOf(section, files.image), description);
        await showPreview(itemOf(section, files.photo), lng);
        await expectImagePreview(itemOf(section, files.photo), files.photo.name);
        await showPreview(itemOf(section, files.pdf), lng);
        await expectPdfPreview(itemOf(section, files.pdf), lng, files.pdf.name);
        await checkScreen(page, lng, 'the incident page with its files and previews');
      });

      await test.step("an effect's recording, added and played on the effect's page", async () => {
        await goTo(page, `#/effect/${records.medical.recordId}`);
        const effectFiles = filesSection(page);
        await expect(effectFiles).toContainText(text('evidence:files.empty'));
        await effectFiles.locator('input[type="file"]').setInputFiles(files.audio.path);
        await addChosen(effectFiles, lng, 1);
        await expectListed(effectFiles, [files.audio]);
        await showPreview(itemOf(effectFiles, files.audio), lng);
        await expectMediaPreview(itemOf(effectFiles, files.audio), 'audio');
        await checkScreen(page, lng, 'the effect page with its recording');
      });

      await test.step("a testimony's video, dropped and played on the source's page", async () => {
        await goTo(page, `#/source/${records.testimony.recordId}`);
        const sourceFiles = filesSection(page);
        await dropFiles(page, sourceFiles.locator('.drop-zone'), [files.video]);
        await sourceFiles.getByLabel(text('evidence:files.add.sensitive')).check();
        await addChosen(sourceFiles, lng, 1);
        await expectListed(sourceFiles, [files.video]);
        await showPreview(itemOf(sourceFiles, files.video), lng);
        await expectMediaPreview(itemOf(sourceFiles, files.video), 'video');
        await checkScreen(page, lng, 'the source page with its video');
      });

      await test.step('the incident page gathers the files of its effects and sources, by record', async () => {
        await goTo(page, `#/incident/${records.incident.recordId}`);
        const related = page.locator('section[aria-labelledby="related-files-title"]');
        await expect(related.getByRole('heading', { level: 2, name: text('evidence:files.related.title') })).toBeVisible();
        await expect(related.locator('.file-group')).toHaveCount(2);
        const medical = related.locator('.file-group').filter({ has: page.locator(`a[href="#/effect/${records.medical.recordId}"]`) });
        await expect(medical.getByRole('heading', { level: 3 })).toContainText(text('taxonomy:category.medical_care'));
        await expectListed(medical, [files.audio]);
        const testimony = related.locator('.file-group').filter({ has: page.locator(`a[href="#/source/${records.testimony.recordId}"]`) });
        await expect(testimony.getByRole('heading', { level: 3 })).toContainText('Пациентка, Алматы, 6 қаңтар');
        await expectListed(testimony, [files.video]);
        await expect(itemOf(testimony, files.video).locator('.badge-sensitive')).toBeVisible();
        // Every hash on the page, the incident's own files and the gathered ones, is the file's sha256 on disk.
        await expectListed(page.locator('main'), files.all);
        await showPreview(itemOf(testimony, files.video), lng);
        await expectMediaPreview(itemOf(testimony, files.video), 'video');
        await checkScreen(page, lng, 'the incident page with the files of its effects and sources');
        // The link leads to the record, and back returns here.
        await medical.getByRole('link').click();
        await expect(page).toHaveURL(new RegExp(`#/effect/${records.medical.recordId}$`));
        await page.goBack();
        await expect(related.locator('.file-group')).toHaveCount(2);
      });

      await test.step('history and custody still read, with the files in the chain of custody', async () => {
        await expect(page.locator('.revision-history .revision')).toHaveCount(1);
        const attached = page.locator('.custody-table tbody tr').filter({ hasText: text('taxonomy:custodyAction.attachment_added') });
        await expect(attached).toHaveCount(3);
        await expect(page.locator('.custody-table tbody tr').first()).toContainText(text('taxonomy:custodyAction.record_saved'));
      });

      await test.step('a large PDF previews from a few ranges of it, not the whole file', async () => {
        await goTo(page, `#/effect/${records.disability.recordId}`);
        const effectFiles = filesSection(page);
        await effectFiles.locator('input[type="file"]').setInputFiles(files.largePdf.path);
        await addChosen(effectFiles, lng, 1);
        await expectListed(effectFiles, [files.largePdf]);
        const ranges: string[] = [];
        const collect = (request: Request) => {
          if (new URL(request.url()).pathname.includes(files.largePdf.sha256)) ranges.push(request.headers()['range'] ?? 'whole file');
        };
        page.on('request', collect);
        await showPreview(itemOf(effectFiles, files.largePdf), lng);
        await expectPdfPreview(itemOf(effectFiles, files.largePdf), lng, files.largePdf.name);
        page.off('request', collect);
        // pdf.js asks once without a range to learn the size (and drops that answer), then reads ranges.
        const read = ranges
          .map((range) => /^bytes=(\d+)-(\d+)$/.exec(range))
          .reduce((total, match) => total + (match ? Number(match[2]) - Number(match[1]) + 1 : 0), 0);
        expect(ranges.filter((range) => range.startsWith('bytes=')).length, ranges.join(', ')).toBeGreaterThan(0);
        expect(read, ranges.join(', ')).toBeLessThan(files.largePdf.bytes.length / 4);
      });

      await test.step('a retracted record keeps its files and takes no more', async () => {
        await page.evaluate(async (recordId) => {
          const api = (window as unknown as Dalel).dalel;
          const detail = await api.records.get({ recordId });
          if (!detail.ok) throw new Error('no effect');
          await api.records.retract({ recordId, parent: detail.value.summary.headId, reason: 'Дубликат' });
        }, records.medical.recordId);
        await goTo(page, `#/effect/${records.medical.recordId}`);
        const effectFiles = filesSection(page);
        await expectListed(effectFiles, [files.audio]);
        await expect(effectFiles.locator('form.add-files')).toHaveCount(0);
        await expect(effectFiles.locator('input[type="file"]')).toHaveCount(0);
      });

      expect(dalel.missingKeys).toEqual([]);
      expect(dalel.pageErrors).toEqual([]);
      expect(dalel.externalRequests).toEqual([]);
    });
  });
}
