/**
 * Every screen, for everyone (issue 8, "Accessibility" and "Layout that
 * survives"): the start screen, every route of router.ts over one seeded
 * archive (an incident with an effect, a testimony and a photo; an incident
 * in conflict from two defenders' bundles, so the received and conflict
 * screens have something to show), the toast a save leaves, and the
 * unlock screen, in English,
 * Russian and Kazakh. Each screen is checked
 * - at the smallest window (1024×640) in the light theme: axe finds
 *   nothing, no i18n key shows, the page does not scroll sideways, no
 *   button, link, header cell or heading overflows its box, and (in
 *   English; the controls are the same in every language) Tab reaches the
 *   screen's main action with a visible focus ring (3:1 against what is
 *   behind it) on every stop, elsewhere the first stop's ring;
 * - in the dark theme (prefers-color-scheme): axe's contrast rule, the
 *   page width again, and the focus ring's contrast;
 * - with the OS text size doubled (default font 32px, as 200% text): the
 *   page still does not scroll sideways.
 * A right-to-left pseudo-locale, made here from English and never shipped,
 * is then shown through i18next: the app itself sets <html dir="rtl"> and
 * the main screens mirror without scrolling sideways. The colours follow
 * the OS's scheme, reduced motion leaves nothing that moves, and rem sizes
 * follow the OS text size.
 */
import type { CDPSession, Page } from '@playwright/test';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordSummary } from '../../shared/ipc';
import type { EffectInput, IncidentInput } from '../../shared/model';
import { parseRoute } from '../../renderer/src/router';
import { pngImage } from './evidenceFiles';
import { expect, test, testPassphrase, type DalelSession } from './harness';
import AxeBuilder from '@axe-core/playwright';
import { expectNoAxeViolations, sampleIncidents } from './rendererSteps';

type Lng = 'en' | 'ru' | 'kk';

async function dispatch<T>(dalel: DalelSession, channel: string, request: unknown): Promise<T> {
  const result = await dalel.engine.dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/**
 * Two defenders who edited one incident differently, as their internal
 * bundles, and the key of B (who did not make the record): imported by an
 * archive that trusts B, they leave it in conflict.
 */
async function conflictingBundles(dir: string): Promise<{ bundles: string[]; keyB: string }> {
  const [{ Archive }, { exportBundle }] = await Promise.all([import('../engine/archive'), import('../engine/bundle/export')]);
  const create = (name: string, folder: string) =>
    Archive.create(join(dir, folder), { name, organization: 'Дәлел', passphrase: null, scryptCost: 2 ** 12 });
  const a = await create('Айгерім, Алматы', 'defender-a');
  const b = await create('Ерлан, Жаңаөзен', 'defender-b');
  const exported = async (archive: typeof a, name: string) =>
    (await exportBundle(archive, { out: join(dir, name), profile: 'internal', language: 'kk', softwareVersion: 'test' })).path;
  try {
    const data: IncidentInput = { ...sampleIncidents[0]!, summary: 'Мобильді интернет өшірілді.' };
    const incident = await a.save({ type: 'incident', data });
    await b.importBundle(await exported(a, 'a-first.zip'), { allowUntrusted: true });
    await a.save({ type: 'incident', recordId: incident.recordId, parent: incident.revisionId, data: { ...data, summary: 'Мобильді интернет 4 қаңтар кешінен бері жоқ.' } });
    await b.save({ type: 'incident', recordId: incident.recordId, parent: incident.revisionId, data: { ...data, summary: 'Мобильный интернет отключён с вечера 4 января.' } });
    return { bundles: [await exported(a, 'a-edited.zip'), await exported(b, 'b-edited.zip')], keyB: b.key.publicLine };
  } finally {
    a.close();
    b.close();
  }
}

interface Seeded {
  incidentId: string;
  effectId: string;
  sourceId: string;
  conflictId: string;
  interventionId: string;
}

/** One encrypted archive with something on every screen; the app is then reloaded onto it. */
async function seedArchive(dalel: DalelSession): Promise<Seeded> {
  await dispatch(dalel, 'archive:create', { name: 'Алматы қорғаушылары', organization: 'Human rights bureau', protection: { kind: 'passphrase', passphrase: testPassphrase } });
  const { bundles, keyB } = await conflictingBundles(dalel.dir);
  await dispatch(dalel, 'trust:add', { publicKey: keyB, name: 'Ерлан, Жаңаөзен' });
  for (const bundle of bundles) await dispatch(dalel, 'bundle:import', { path: bundle, allowUntrusted: true });
  const save = (type: string, data: unknown) => dispatch<{ recordId: string }>(dalel, 'records:save', { type, data });
  const source = await save('source', {
    kind: 'testimony',
    title: 'Фармацевт, Медеу ауданы',
    content: 'Карточкой нельзя было расплатиться с 5 января; пациент не смог купить инсулин.',
    person: { name: 'Ержан Тұрсынұлы', contact: 'erzhan@example.kz', role: 'witness' },
    consent: { keep: true, lawyersAnonymous: true, lawyersNamed: true, unNamed: false, publishAnonymous: false, askedBy: 'A. N.', askedIn: 'kk', givenAt: { at: '2022-01-12T11:00+06:00', precision: 'hour' }, method: 'written' },
  });
  const incident = await save('incident', { ...sampleIncidents[1]!, sources: [source.recordId] });
  const effect = await save('effect', {
    incident: incident.recordId,
    category: 'disability_access',
    severity: 'critical',
    description: 'Саңырау адамдар жедел жәрдем шақыра алмады: мәтіндік қызмет тек интернетпен жұмыс істейді.',
    sources: [source.recordId],
  } satisfies EffectInput);
  const intervention = await save('intervention', {
    kind: 'court_case',
    title: 'Ұялы байланысты тоқтату туралы бұйрыққа шағым',
    body: 'Алматы қаласының мамандандырылған ауданаралық әкімшілік соты',
    reference: '7599-22-00-2а/31',
    filedAt: { at: '2022-02-01T10:00+06:00', precision: 'day' },
    outcome: 'rejected',
    incidents: [incident.recordId],
    sources: [source.recordId],
  });
  await save('incident', sampleIncidents[2]!);
  const folder = join(dalel.dir, 'at-hand');
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'Банкомат жабық.png'), pngImage());
  await dispatch(dalel, 'attachments:add', { recordId: incident.recordId, paths: [join(folder, 'Банкомат жабық.png')], sensitive: false });
  const { records } = await dispatch<{ records: RecordSummary[] }>(dalel, 'records:conflicts', {});
  expect(records).toHaveLength(1);
  return { incidentId: incident.recordId, effectId: effect.recordId, sourceId: source.recordId, conflictId: records[0]!.recordId, interventionId: intervention.recordId };
}

interface Screen {
  name: string;
  href: string;
  /** The screen's main action; by default its first primary button or link, else its first control. */
  action?: string;
}

/** Every route of renderer/src/router.ts, with the records they need (screens being built are visited once the router has them). */
function routes({ incidentId, effectId, sourceId, conflictId, interventionId }: Seeded): Screen[] {
  const known = new Set(routerScreens());
  const coming: (Screen & { route: string })[] = [
    { name: 'overview', href: '#/overview', route: 'overview' },
    { name: 'effect list', href: '#/effects', route: 'effects' },
    { name: 'source list', href: '#/sources', route: 'sources' },
  ];
  return [
    ...coming.filter((screen) => known.has(screen.route)),
    { name: 'incident list', href: '#/' },
    { name: 'new incident', href: '#/new' },
    { name: 'incident page', href: `#/incident/${incidentId}` },
    { name: 'incident edit', href: `#/incident/${incidentId}/edit` },
    { name: 'new effect', href: `#/incident/${incidentId}/effects/new` },
    { name: 'effect page', href: `#/effect/${effectId}` },
    { name: 'effect edit', href: `#/effect/${effectId}/edit` },
    { name: 'new source', href: `#/incident/${incidentId}/sources/new` },
    { name: 'source page', href: `#/source/${sourceId}` },
    { name: 'source edit', href: `#/source/${sourceId}/edit` },
    { name: 'new complaint or case', href: `#/incident/${incidentId}/interventions/new` },
    { name: 'complaint or case page', href: `#/intervention/${interventionId}` },
    { name: 'complaint or case edit', href: `#/intervention/${interventionId}/edit` },
    { name: 'incident in conflict', href: `#/incident/${conflictId}` },
    { name: 'settings', href: '#/settings', action: '#settings-lock-after' },
    { name: 'export', href: '#/export' },
    { name: 'verify', href: '#/verify' },
    { name: 'import', href: '#/import' },
    { name: 'received bundles', href: '#/received' },
    { name: 'conflicts', href: '#/conflicts' },
    { name: 'resolve a conflict', href: `#/conflicts/${conflictId}` },
  ];
}

/** Every screen router.ts names (its Route union) and App.tsx shows, so that a new screen without a visit here fails. */
function routerScreens(): string[] {
  const source = (file: string) => readFileSync(new URL(`../../renderer/src/${file}`, import.meta.url), 'utf8');
  const router = source('router.ts');
  const start = router.indexOf('export type Route');
  const union = router.slice(start, router.indexOf('\n\n', start));
  const shown = new Set([...source('App.tsx').matchAll(/case '(\w+)':/g)].map((m) => m[1]!));
  return [...new Set([...union.matchAll(/screen: '(\w+)'/g)].map((m) => m[1]!))].filter((screen) => shown.has(screen)).sort();
}

/** Every nested key of every namespace ("list.emptyTitle"), as it would show if untranslated. */
const allKeys = (() => {
  const keys = new Set<string>();
  const walk = (prefix: string, value: unknown) => {
    if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) walk(prefix ? `${prefix}.${key}` : key, inner);
    else if (prefix.includes('.')) keys.add(prefix.replace(/_(zero|one|two|few|many|other)$/, ''));
  };
  const folder = new URL('../../shared/i18n/locales/en/', import.meta.url);
  for (const file of readdirSync(folder)) walk('', JSON.parse(readFileSync(new URL(file, folder), 'utf8')));
  return [...keys];
})();

/** No key of any namespace shows as itself, bare or with its namespace ("incidents:list.title"). */
async function expectNoKeysShown(page: Page, screen: string) {
  const text = await page.locator('body').innerText();
  const shown = allKeys.filter((key) => new RegExp(`(^|[^\\w.])${key.replace(/\./g, '\\.')}($|[^\\w])`, 'm').test(text));
  const namespaced = [...text.matchAll(/\b[a-z]+:[a-z]\w*\.[\w.]+/g)].map((m) => m[0]).filter((word) => !/^(https?|mailto):/.test(word));
  expect([...shown, ...namespaced], `raw i18n keys on ${screen}`).toEqual([]);
}

/** The screen is on: its title shown, nothing still loading. */
async function waitForScreen(page: Page, name: string) {
  await expect(page.locator('main h1').first(), `${name} shows its title`).toBeVisible();
  await expect(page.locator('main .loading'), `${name} has loaded`).toHaveCount(0);
}

/** Neither the page nor a button, link, header cell or heading is wider than its box. */
async function expectNoOverflow(page: Page, screen: string) {
  const found = await page.evaluate(() => {
    const root = document.documentElement;
    const describe = (el: Element) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    // What sticks out, innermost first, so that a failure names the culprit (looked for only then: it is slow).
    const outside = (): string[] => {
      const found = [...document.body.querySelectorAll('*')]
        .filter((el) => {
          const box = el.getBoundingClientRect();
          return box.width > 0 && (box.right > root.clientWidth + 1 || box.left < -1) && ![...el.children].some((child) => child.getBoundingClientRect().right > root.clientWidth + 1);
        })
        .slice(0, 4)
        .map(describe);
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node && found.length < 6; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        const box = range.getBoundingClientRect();
        if (box.width > 0 && (box.right > root.clientWidth + 1 || box.left < -1)) found.push(`text in ${describe(node.parentElement!)}`);
      }
      return found;
    };
    const page = root.scrollWidth > root.clientWidth ? [`page: ${root.scrollWidth}px wide in ${root.clientWidth}px (${outside().join('; ')})`] : [];
    const boxes = [...document.querySelectorAll<HTMLElement>('button, .button, nav a, th, h1, h2, h3, label, legend')]
      .filter((el) => el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible')
      .map((el) => `${describe(el)}: ${el.scrollWidth}px in ${el.clientWidth}px`);
    return [...page, ...boxes];
  });
  expect(found, `overflow on ${screen}`).toEqual([]);
}

/**
 * The focused element's ring: an outline of 2px or more whose colour has 3:1
 * contrast with the first opaque background behind it (WCAG 2.4.7, 1.4.11).
 */
function focusRing(): { marked: boolean; ring: string | null; tag: string } {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body) return { marked: false, ring: 'nothing focused', tag: '' };
  const rgb = (color: string) => {
    const parts = color.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
    return { r: parts[0]!, g: parts[1]!, b: parts[2]!, a: parts.length > 3 ? parts[3]! : 1 };
  };
  const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
    const f = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const style = getComputedStyle(el);
  const tag = `${el.tagName.toLowerCase()}#${el.id}.${el.className}`;
  const marked = el.hasAttribute('data-main-action');
  if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) return { marked, ring: `no outline on ${tag}`, tag };
  let behind: HTMLElement | null = el.parentElement;
  let background = rgb('rgb(255, 255, 255)');
  while (behind) {
    const color = rgb(getComputedStyle(behind).backgroundColor);
    if (color.a === 1) {
      background = color;
      break;
    }
    behind = behind.parentElement;
  }
  const [a, b] = [luminance(rgb(style.outlineColor)), luminance(background)].sort((x, y) => y - x) as [number, number];
  const ratio = (a + 0.05) / (b + 0.05);
  return { marked, ring: ratio >= 3 ? null : `outline of ${tag} has contrast ${ratio.toFixed(2)}`, tag };
}

/** Marks the screen's main action, focuses the title, and tabs until the action has focus, each stop with a visible ring. */
async function expectKeyboardReachesAction(page: Page, screen: Screen) {
  const found = await page.evaluate((selector) => {
    const visible = (el: Element) => (el as HTMLElement).offsetParent !== null && !(el as HTMLButtonElement).disabled;
    const candidates = selector
      ? [...document.querySelectorAll(selector)]
      : [...document.querySelectorAll('main .primary'), ...document.querySelectorAll('main a[href], main button, main input, main select, main textarea')];
    const action = candidates.find(visible);
    action?.setAttribute('data-main-action', '');
    return action ? action.outerHTML.slice(0, 80) : null;
  }, screen.action ?? null);
  expect(found, `${screen.name} has a main action`).not.toBeNull();
  await page.locator('main h1').first().focus();
  const stops: string[] = [];
  for (let press = 0; press < 200; press++) {
    await page.keyboard.press('Tab');
    const { marked, ring, tag } = await page.evaluate(focusRing);
    expect(ring, `focus visible on ${screen.name} after ${press + 1} Tab (${stops.slice(-3).join(' → ')})`).toBeNull();
    stops.push(tag);
    if (marked) return;
  }
  throw new Error(`Tab never reached the main action of ${screen.name} (${found}); it went ${stops.slice(0, 20).join(' → ')}`);
}

/** One Tab from the title, in the current theme: the ring shows with enough contrast. */
async function expectFocusRingAfterTab(page: Page, screen: string) {
  await page.locator('main h1').first().focus();
  await page.keyboard.press('Tab');
  expect((await page.evaluate(focusRing)).ring, `focus ring on ${screen}`).toBeNull();
}

/** axe's colour contrast rule (WCAG 1.4.3, AA): no violations. */
async function expectNoContrastViolations(page: Page, screen: string) {
  const { violations } = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
  const described = violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').at(-1)?.trim()}`));
  expect(described, `contrast violations on ${screen}`).toEqual([]);
}

/** The OS default text size, in px (Chromium's own preference, which rem follows). */
async function setTextSize(cdp: CDPSession, px: number) {
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: px, fixed: Math.round((px * 13) / 16) } });
}

/**
 * Runs one check; a failure is kept (with the screen it was on) rather than
 * thrown, so that one run names every problem on every screen.
 */
async function attempt(problems: string[], label: string, check: () => Promise<void>) {
  try {
    await check();
  } catch (error) {
    const problem = `${label}: ${error instanceof Error ? error.message.split('\n').slice(0, 12).join('\n') : String(error)}`;
    problems.push(problem);
    console.log(problem);
  }
}

/**
 * Light and small, dark, then larger text: everything a screen must pass.
 * The walk by Tab to the main action is made in English only (the keys and
 * the order of controls are the same in every language); the focus ring is
 * checked in every language and both themes.
 */
async function checkScreen(page: Page, cdp: CDPSession, screen: Screen, lng: Lng, problems: string[]) {
  const label = `${screen.name} (${lng})`;
  await waitForScreen(page, label);
  await test.step(`${label}: light, 1024×640`, async () => {
    await attempt(problems, `${label}, light`, () => expectNoAxeViolations(page, `${label}, light`));
    await attempt(problems, label, () => expectNoKeysShown(page, label));
    await attempt(problems, `${label}, light`, () => expectNoOverflow(page, `${label}, light`));
    if (lng === 'en') await attempt(problems, label, () => expectKeyboardReachesAction(page, screen));
    else await attempt(problems, `${label}, light`, () => expectFocusRingAfterTab(page, `${label}, light`));
  });
  await test.step(`${label}: dark`, async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    // Only colour changes with the theme: axe's contrast rule, not the whole set again.
    await attempt(problems, `${label}, dark`, () => expectNoContrastViolations(page, `${label}, dark`));
    await attempt(problems, `${label}, dark`, () => expectNoOverflow(page, `${label}, dark`));
    await attempt(problems, `${label}, dark`, () => expectFocusRingAfterTab(page, `${label}, dark`));
    await page.emulateMedia({ colorScheme: 'light' });
  });
  await test.step(`${label}: text at 200%`, async () => {
    await setTextSize(cdp, 32);
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('30px');
    await attempt(problems, `${label}, text at 200%`, () => expectNoOverflow(page, `${label}, text at 200%`));
    await setTextSize(cdp, 16);
  });
}

/** The toast region with a toast in it (a save's), light and dark: axe, contrast and width. */
async function checkToast(page: Page, seeded: Seeded, lng: Lng, problems: string[]) {
  const label = `a toast after a save (${lng})`;
  await test.step(label, async () => {
    await go(page, `#/incident/${seeded.incidentId}/edit`);
    const title = page.locator('#incident-title');
    await title.fill(`${await title.inputValue()} (2)`);
    await title.press('Control+Enter');
    const toast = page.locator('.toast-region .toast');
    await expect(toast).toHaveCount(1);
    // Hovered, it stays however long the checks take.
    await toast.hover();
    await attempt(problems, `${label}, light`, () => expectNoAxeViolations(page, `${label}, light`));
    await attempt(problems, `${label}, light`, () => expectNoOverflow(page, `${label}, light`));
    await page.emulateMedia({ colorScheme: 'dark' });
    await attempt(problems, `${label}, dark`, () => expectNoContrastViolations(page, `${label}, dark`));
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(toast).toHaveCount(1);
  });
}

async function go(page: Page, href: string) {
  await page.evaluate((hash) => (window.location.hash = hash), href);
}

const languages: { lng: Lng; osLocale: string }[] = [
  { lng: 'en', osLocale: 'en-US' },
  { lng: 'ru', osLocale: 'ru-RU' },
  { lng: 'kk', osLocale: 'kk-KZ' },
];

// One archive per language, the languages side by side on the workers.
test.describe.configure({ mode: 'parallel' });

for (const { lng, osLocale } of languages) {
  test.describe(`in ${lng}`, () => {
    test.use({ osLocale });

    test(`every screen passes axe, fits 1024×640 and doubled text, and works by keyboard, light and dark (${lng})`, async ({ dalel }) => {
      test.setTimeout(900_000);
      const { page } = dalel;
      await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
      const cdp = await page.context().newCDPSession(page);
      await dalel.open();
      await expect(page.locator('html')).toHaveAttribute('lang', lng);
      await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
      const problems: string[] = [];
      await checkScreen(page, cdp, { name: 'start', href: '' }, lng, problems);

      const seeded = await seedArchive(dalel);
      expect([...new Set(routes(seeded).map((screen) => parseRoute(screen.href).screen))].sort(), 'every route is visited').toEqual(routerScreens());
      await page.reload();
      for (const screen of routes(seeded)) {
        await go(page, screen.href);
        await checkScreen(page, cdp, screen, lng, problems);
      }
      await checkToast(page, seeded, lng, problems);

      await dispatch(dalel, 'archive:lock', {});
      await page.reload();
      await checkScreen(page, cdp, { name: 'unlock', href: '' }, lng, problems);

      expect(problems, 'accessibility and layout problems').toEqual([]);
      expect(dalel.missingKeys).toEqual([]);
      expect(dalel.pageErrors).toEqual([]);
      expect(dalel.externalRequests).toEqual([]);
    });
  });
}

test('the app follows the OS: its colour scheme, reduced motion and text size', async ({ dalel }) => {
  const { page } = dalel;
  const cdp = await page.context().newCDPSession(page);
  await dalel.open();
  const colours = () =>
    page.evaluate(() => {
      const style = getComputedStyle(document.documentElement);
      const level = (color: string) => (color.match(/\d+/g) ?? []).slice(0, 3).reduce((sum, part) => sum + Number(part), 0) / 3;
      return { background: level(style.backgroundColor), text: level(style.color) };
    });
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await colours();
  expect(light.background).toBeGreaterThan(200);
  expect(light.text).toBeLessThan(60);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await colours();
  expect(dark.background).toBeLessThan(60);
  expect(dark.text).toBeGreaterThan(200);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  const moving = await page.evaluate(() =>
    [...document.querySelectorAll('*')].filter((el) => {
      const style = getComputedStyle(el);
      const longest = (value: string) => Math.max(...value.split(',').map((part) => parseFloat(part) || 0));
      return longest(style.transitionDuration) > 0 || (style.animationName !== 'none' && longest(style.animationDuration) > 0);
    }).length,
  );
  expect(moving, 'elements that still move with reduced motion').toBe(0);

  const titleSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('h1')!).fontSize));
  const before = await titleSize();
  await setTextSize(cdp, 24);
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('22.5px');
  expect((await titleSize()) / before).toBeCloseTo(1.5, 1);
});

/** Any Latin letter as a Hebrew one (strong right-to-left), outside {{placeholders}}, $t(nesting) and <tags>. */
function pseudoRtl(text: string): string {
  const hebrew = 'אבגדהוזחטיכלמנסעפצקרשתךםןףץ';
  return text
    .split(/(\{\{[^}]*\}\}|\$t\([^)]*\)|<[^>]*>)/)
    .map((part, index) => (index % 2 ? part : part.replace(/[a-z]/gi, (c) => hebrew[(c.toLowerCase().charCodeAt(0) - 97) % hebrew.length]!)))
    .join('');
}

function pseudoTree(tree: unknown): unknown {
  if (typeof tree === 'string') return pseudoRtl(tree);
  if (tree && typeof tree === 'object') return Object.fromEntries(Object.entries(tree).map(([key, value]) => [key, pseudoTree(value)]));
  return tree;
}

test('a right-to-left locale mirrors the main screens without breaking them (pseudo-locale, tests only)', async ({ dalel }) => {
  test.setTimeout(300_000);
  const { page } = dalel;
  const english = new URL('../../shared/i18n/locales/en/', import.meta.url);
  const bundles: Record<string, unknown> = {};
  for (const file of readdirSync(english)) bundles[file.replace(/\.json$/, '')] = pseudoTree(JSON.parse(await readFile(new URL(file, english), 'utf8')));
  // The app hands its i18next to this object only when a test made it (renderer/src/i18n.ts).
  await page.addInitScript(() => Object.defineProperty(window, '__dalelTestHooks', { value: {} }));
  await dalel.open();
  const seeded = await seedArchive(dalel);
  await page.reload();
  await page.locator('main h1').first().waitFor();
  await page.evaluate(async (resources) => {
    type I18n = import('i18next').i18n;
    const i18n = (window as unknown as { __dalelTestHooks: { i18n: I18n } }).__dalelTestHooks.i18n;
    for (const [ns, bundle] of Object.entries(resources)) i18n.addResourceBundle('ar-XB', ns, bundle, true, true);
    (i18n.options.supportedLngs as string[]).push('ar-XB');
    await i18n.changeLanguage('ar-XB');
  }, bundles);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar-XB');

  const main = routes(seeded).filter((screen) =>
    ['incident list', 'new incident', 'incident page', 'source page', 'settings', 'export', 'verify', 'import', 'conflicts', 'resolve a conflict'].includes(screen.name),
  );
  for (const screen of main) {
    await go(page, screen.href);
    await waitForScreen(page, screen.name);
    await expect(page.getByRole('navigation')).toContainText(/[\u05d0-\u05ea]/);
    await expectNoOverflow(page, `${screen.name} (rtl)`);
    await expectNoKeysShown(page, `${screen.name} (rtl)`);
    // Mirrored: the title starts at the right edge of the screen.
    const title = (await page.locator('main h1').first().boundingBox())!;
    const width = page.viewportSize()!.width;
    expect(title.x + title.width, `${screen.name}: title on the right`).toBeGreaterThan(width / 2);
    // The navigation is a sidebar: mirrored, it stands at the right edge.
    const sidebar = (await page.getByRole('navigation').boundingBox())!;
    expect(sidebar.x, `${screen.name}: navigation on the right`).toBeGreaterThan(width / 2);
  }
  expect(dalel.missingKeys).toEqual([]);
  expect(dalel.pageErrors).toEqual([]);
});
