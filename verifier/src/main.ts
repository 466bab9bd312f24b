/**
 * The verifier page's screen: a language, a file chosen or dropped, the
 * check's progress, and its result in the words the app uses (the `verify`
 * namespace of shared/i18n). Plain DOM, every text set as text, never as
 * markup: a bundle's names and fields are untrusted.
 */
import i18next from 'i18next';
import enCommon from '../../shared/i18n/locales/en/common.json';
import enVerify from '../../shared/i18n/locales/en/verify.json';
import kkCommon from '../../shared/i18n/locales/kk/common.json';
import kkVerify from '../../shared/i18n/locales/kk/verify.json';
import ruCommon from '../../shared/i18n/locales/ru/common.json';
import ruVerify from '../../shared/i18n/locales/ru/verify.json';
import { fingerprintForms } from '../../shared/verify/fingerprintGroups';
import { verdictMarks, verdictOf } from '../../shared/verify/verdict';
import { checkBundle, type PageReport } from './checkBundle';
import { hasEd25519 } from './webCrypto';

declare const DALEL_VERSION: string;

const languages = ['en', 'ru', 'kk'] as const;
type Language = (typeof languages)[number];

const i18n = i18next.createInstance();
const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** The last result, shown again in another language when the reader switches. */
let shown: { name: string; report: PageReport } | null = null;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

function definitions(rows: readonly (readonly [string, string | undefined])[]): HTMLDListElement {
  const list = element('dl');
  for (const [term, value] of rows) {
    if (value === undefined) continue;
    list.append(element('dt', term), element('dd', value));
  }
  return list;
}

function renderResult(name: string, report: PageReport): void {
  const t = i18n.t.bind(i18n);
  const section = byId('result');
  section.replaceChildren();
  section.hidden = false;
  // This page holds no list of trusted keys: an intact bundle's signer is never verified here, and the verdict says so.
  const verdict = verdictOf(report);
  section.className = `${report.valid ? 'valid' : 'invalid'} verdict-${verdict}`;
  section.append(element('h2', `${t('verify:screen.resultTitle')}: ${name}`, { id: 'result-title' }));
  section.append(element('p', `${verdictMarks[verdict]} ${t(`verify:verdict.${verdict}`)}`, { class: 'verdict', 'data-valid': String(report.valid), 'data-verdict': verdict }));
  if (verdict !== 'notChecked') section.append(element('p', t(`verify:verdict.${verdict}Text`), { class: 'verdict-text' }));
  const failure = report.failure;
  if (failure) {
    const failed = report.checks.find((check) => !check.ok);
    section.append(element('h3', t('verify:screen.failureTitle')));
    section.append(
      definitions([
        [t('verify:screen.brokenRule'), failed ? t(`verify:check.${failed.id}`) : undefined],
        [t('verify:screen.whatIsWrong'), t(`verify:failure.${failure.reason}`, { file: failure.file ?? '', ...failure.detail })],
        [t('verify:screen.file'), failure.file],
      ]),
    );
    section.lastElementChild!.setAttribute('data-reason', failure.reason);
  }
  if (report.signer) {
    section.append(element('p', t('verify:page.signedBy', { fingerprint: report.signer.fingerprint }), { class: 'signer' }));
    const forms = fingerprintForms(report.signer.fingerprint);
    if (forms) {
      const grouped = element('div', undefined, { class: 'fingerprint-forms' });
      grouped.append(
        element('p', `${t('verify:fingerprint.groups')}: ${forms.groups.join(' ')}`, { class: 'fingerprint-groups mono' }),
        element('p', `${t('verify:fingerprint.numbers')}: ${forms.numbers.join(' ')}`, { class: 'fingerprint-numbers mono' }),
        element('p', t('verify:fingerprint.compareHow'), { class: 'note' }),
      );
      section.append(grouped);
    }
  }
  if (report.valid) {
    const number = new Intl.NumberFormat(i18n.language);
    section.append(
      definitions([
        [t('verify:screen.bundleId'), report.bundleId],
        [t('verify:screen.profile'), report.profile],
        [t('verify:screen.records'), report.counts && number.format(report.counts.records)],
        [t('verify:screen.attachments'), report.counts && number.format(report.counts.attachments)],
        [t('verify:screen.size'), report.counts && `${number.format(report.counts.bytes)} B`],
      ]),
    );
  }
  section.append(element('h3', t('verify:screen.checksTitle')));
  const checks = element('ol', undefined, { class: 'checks' });
  for (const check of report.checks) {
    const item = element('li', `${t(`verify:check.${check.id}`)}: ${check.ok ? t('verify:screen.passed') : t('verify:screen.failed')}`, { 'data-ok': String(check.ok) });
    checks.append(item);
  }
  section.append(checks);
  if (report.valid && report.notChecked.length > 0) {
    section.append(element('h3', t('verify:page.notCheckedTitle')), element('p', t('verify:page.notCheckedHint')));
    const list = element('ul', undefined, { class: 'not-checked' });
    for (const what of report.notChecked) list.append(element('li', t(`verify:page.notChecked.${what}`)));
    section.append(list);
  }
}

function renderTexts(): void {
  const t = i18n.t.bind(i18n);
  document.documentElement.lang = i18n.language;
  document.title = t('verify:page.title');
  const texts: [string, string][] = [
    ['title', 'verify:page.title'],
    ['language-label', 'verify:page.languageLabel'],
    ['intro', 'verify:page.intro'],
    ['get-it', 'verify:page.getIt'],
    ['choose-label', 'verify:page.chooseLabel'],
    ['drop-hint', 'verify:page.dropHint'],
  ];
  for (const [id, key] of texts) byId(id).textContent = t(key);
  byId('version').textContent = t('verify:page.version', { version: DALEL_VERSION });
  if (shown) renderResult(shown.name, shown.report);
}

let running: AbortController | null = null;

async function check(file: File): Promise<void> {
  running?.abort();
  const controller = new AbortController();
  running = controller;
  const status = byId('status');
  byId('result').hidden = true;
  shown = null;
  if (!(await hasEd25519())) {
    status.textContent = i18n.t('verify:page.noEd25519');
    return;
  }
  status.textContent = i18n.t('verify:screen.checking', { name: file.name });
  const report = await checkBundle(file, {
    signal: controller.signal,
    onProgress: (done, total) => {
      if (running !== controller) return;
      const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
      status.textContent = `${i18n.t('verify:screen.checking', { name: file.name })} ${i18n.t('verify:progress.percent', { percent })}`;
    },
  });
  if (running !== controller) return;
  running = null;
  status.textContent = '';
  shown = { name: file.name, report };
  renderResult(file.name, report);
  document.body.dataset.state = report.valid ? 'valid' : 'invalid';
}

function pickLanguage(): Language {
  const asked = new URLSearchParams(location.search).get('lang') ?? navigator.language.slice(0, 2);
  return (languages as readonly string[]).includes(asked) ? (asked as Language) : 'en';
}

async function start(): Promise<void> {
  await i18n.init({
    lng: pickLanguage(),
    fallbackLng: 'en',
    resources: { en: { common: enCommon, verify: enVerify }, ru: { common: ruCommon, verify: ruVerify }, kk: { common: kkCommon, verify: kkVerify } },
    interpolation: { escapeValue: false },
  });
  const select = byId<HTMLSelectElement>('language');
  select.value = i18n.language;
  select.addEventListener('change', () => void i18n.changeLanguage(select.value).then(renderTexts));
  byId<HTMLInputElement>('file').addEventListener('change', (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) void check(file);
  });
  document.addEventListener('dragover', (event) => {
    event.preventDefault();
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    document.body.classList.remove('dragging');
    const file = event.dataTransfer?.files[0];
    if (file) void check(file);
  });
  renderTexts();
  document.body.dataset.state = 'ready';
}

void start();
