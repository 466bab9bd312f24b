import { afterEach, describe, expect, it, vi } from 'vitest';
import { Bundle, type BundleRecord } from '../model';
import { almatyBundle, hashes, ids, signerFingerprint, xss } from './fixture';
import { renderReport } from './index';

/** Intl puts no-break spaces in numbers and units; compare them as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

const voidElements = new Set(['meta', 'br', 'col', 'img', 'input', 'link', 'hr', 'wbr', 'source', 'area', 'base', 'embed', 'track']);

/**
 * Reads the document as an HTML tokenizer would and returns its problems: an
 * unclosed or misnested element, a raw "<" or a stray "&" in text, an
 * attribute that is not name="value". The report is written well-formed, so
 * any problem is a bug (or an escape that failed).
 */
function htmlProblems(document: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let rest = document.replace(/^<!DOCTYPE html>\s*/, '');
  const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"<]*")?)*)\s*>/;
  while (rest.length) {
    const lt = rest.indexOf('<');
    const text = lt < 0 ? rest : rest.slice(0, lt);
    for (const amp of text.matchAll(/&[^;\s]*;?/g)) {
      if (!/^&(amp|lt|gt|quot|#39);$/.test(amp[0])) problems.push(`stray ampersand: ${amp[0]}`);
    }
    if (lt < 0) break;
    rest = rest.slice(lt);
    const m = tag.exec(rest);
    if (!m) {
      problems.push(`raw "<" in text: ${rest.slice(0, 40)}`);
      rest = rest.slice(1);
      continue;
    }
    const [whole, closing, rawName] = m;
    const name = rawName!.toLowerCase();
    rest = rest.slice(whole.length);
    if (closing) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open}>`);
    } else if (name === 'style' || name === 'script') {
      const end = rest.indexOf(`</${name}>`);
      if (end < 0) problems.push(`<${name}> never ends`);
      rest = rest.slice(end + name.length + 3);
    } else if (!voidElements.has(name)) stack.push(name);
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(' > ')}`);
  return problems;
}

/** Every attribute value and the style sheet: the places a URL would make the reader's program fetch something. */
function fetchablePlaces(document: string): string[] {
  const attributes = [...document.matchAll(/<[a-zA-Z][^>]*>/g)].flatMap((m) => [...m[0].matchAll(/=("[^"]*"|'[^']*'|[^\s>]+)/g)].map((a) => a[1]!));
  const styles = [...document.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
  return [...attributes, ...styles];
}

const bundle = () => Bundle.parse(almatyBundle());

afterEach(() => {
  vi.useRealTimers();
});

describe('the bundle report', () => {
  it('is one well-formed, self-contained HTML document in the report language', () => {
    // The check itself catches what it must.
    expect(htmlProblems('<p>a < b</p>')).not.toEqual([]);
    expect(htmlProblems('<div><p>x</div>')).not.toEqual([]);
    expect(htmlProblems('<p>R&D</p>')).not.toEqual([]);
    for (const language of ['en', 'ru', 'kk'] as const) {
      const report = renderReport(bundle(), language);
      expect(report.startsWith('<!DOCTYPE html>\n<html lang="' + language + '"')).toBe(true);
      expect(report).toContain('<meta charset="utf-8">');
      expect(report).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
      expect(htmlProblems(report), language).toEqual([]);
      const tags = [...report.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)];
      expect(tags.map((m) => m[1]!.toLowerCase())).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(script|link|img|image|iframe|object|embed|base|use|foreignobject)$/)]));
      for (const m of tags) expect(m[2], m[0]).not.toMatch(/\s(src|srcset|on[a-z]+|xlink:href|formaction|background)=/i);
      expect(report).not.toMatch(/@import|url\(|@font-face/i);
    }
  });

  it('contains no URL a browser could fetch or follow; a source address is plain text', () => {
    const report = renderReport(bundle(), 'en');
    const policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
    for (const place of fetchablePlaces(report).filter((value) => value !== `"${policy}"`)) {
      expect(place).not.toMatch(/https?:|\/\/|javascript:|data:/i);
    }
    for (const href of report.matchAll(/href="([^"]*)"/g)) expect(href[1]).toMatch(/^#[a-z0-9-]+$/);
    // The svg namespace attribute is not needed inline, and would be the one URL in the file.
    expect(report).not.toContain('xmlns');
    expect(report).toContain('<span class="mono">https://vlast.kz/novosti/48000-almaty.html</span>');
  });

  it('escapes every piece of user text: titles, file names, notes', () => {
    const report = renderReport(bundle(), 'kk', { verifyText: `Check </pre>${xss}` });
    expect(report).not.toContain(xss);
    expect(report).not.toContain('<img');
    expect(report).toContain('Vlast.kz: банктер мен төлем жүйелері тоқтады &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(report).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(1)&lt;/script&gt;.png');
    expect(report).toContain('Check &lt;/pre&gt;&lt;script&gt;');
    expect(report).toContain('Дүкендер &quot;тек қолма-қол ақша&quot; деп жазылған хабарландыру ілді &amp; кезек ұзарды.');
    expect(htmlProblems(report)).toEqual([]);
  });

  it('indexes every evidence file with its name, size, record, full sha256 and path in the bag', () => {
    const input = bundle();
    const report = plain(renderReport(input, 'en'));
    const index = report.slice(report.indexOf('id="attachments"'), report.indexOf('id="custody"'));
    for (const file of input.attachments) {
      expect(index).toContain(`>${file.sha256}</div>`);
      expect(index).toContain(`data/attachments/${file.sha256}.`);
      expect(index).toContain(file.mediaType);
    }
    expect(index).toContain('Алматы_көшесі_банкомат_😢.jpg');
    expect(index).toContain('Төлем чегі — қайтарылды (Kaspi).pdf');
    expect(index).toContain('2.5 MB (2,456,789 bytes)');
    expect(index).toContain('Effect 1: Banking and payments');
    expect(index).toContain(hashes.receipt);
  });

  it('tells the incident in full, with codes translated, times as recorded and free text as written', () => {
    const report = plain(renderReport(bundle(), 'en'));
    expect(report).toContain('5 January 2022, 16:00 (UTC+06:00), to the minute – 10 January 2022, 09:00 (UTC+06:00), to the hour');
    // Never converted to UTC or the reader's zone: 16:00 in Almaty is 10:00 UTC.
    expect(report).not.toContain('5 January 2022, 10:00');
    for (const text of [
      '<bdi>Almaty</bdi>, <bdi>Қаскелең</bdi>',
      'Kazakhstan (KZ)',
      'Regional',
      'Full network shutdown, Mobile data cut',
      'WhatsApp</bdi>, <bdi>Telegram</bdi>, <bdi>Kaspi.kz',
      'Counter-terrorism, Public order',
      '«Интернетке қолжетімділік террористік қауіпке байланысты уақытша шектелді»',
      'Protests, Unrest',
      'Ұлттық қауіпсіздік комитеті',
      'Law on Communications, art. 41-1 (Kazakhstan), Law on the State of Emergency, art. 14-1 (Kazakhstan)',
      'ICCPR art. 19: expression and information',
      'CRPD art. 9: accessibility',
      'about 1,200 people (estimate)',
      '3 people (exact)',
      'Number unknown',
      'Critical (a threat to life or health)',
      'KZT 45,000,000.00',
      'Small businesses, Older persons',
      '7 January 2022 (UTC+06:00), day only',
    ]) {
      expect(report).toContain(text);
    }
  });

  it('shows the cover: bundle, profile with what it leaves out, signer, key, date, archive and counts', () => {
    const report = plain(renderReport(bundle(), 'en'));
    const cover = report.slice(report.indexOf('<header class="cover">'), report.indexOf('</header>'));
    expect(cover).toContain('dalel-20220120-1a2b3c4d');
    expect(cover).toContain('<strong>Legal</strong> (legal). For lawyers and courts.');
    expect(cover).toContain('1 person named by a pseudonym instead of their name');
    expect(cover).toContain('2 evidence files left out');
    expect(cover).toContain('Әйгерім Нұрланқызы');
    expect(cover).toContain('Құқық қорғау бюросы «Дәлел»');
    expect(cover).toContain(signerFingerprint);
    expect(cover).toContain('20 January 2022, 09:15:30 UTC');
    expect(cover).toContain(ids.archive);
    for (const count of ['1 incident<', '3 effects on people', '2 sources', '3 evidence files']) expect(cover).toContain(count);
  });

  it('charts the effects by category, one bar per category with its count, and repeats the numbers as a table', () => {
    const input = almatyBundle();
    const banking = input.records.find((record) => record.recordId === ids.banking)!;
    input.records.push({ ...banking, recordId: 'a0d1a6a4-6d7e-4f65-8a53-0e1f2d3c4b5a', data: { ...banking.data, peopleAffected: { count: 40, precision: 'exact' } } });
    const report = plain(renderReport(Bundle.parse(input), 'en'));
    const bars = [...report.matchAll(/<rect class="bar" data-category="([a-z_]+)" data-count="(\d+)"/g)].map((m) => [m[1], Number(m[2])]);
    expect(bars).toEqual([
      ['banking_payments', 2],
      ['medical_care', 1],
      ['disability_access', 1],
    ]);
    // Each bar's number is written beside it, for readers and for print.
    expect(report).toMatch(/data-category="banking_payments" data-count="2"[^>]*><\/rect><text class="value"[^>]*>2<\/text>/);
    expect(report).toContain('<tr data-category="banking_payments"><th scope="row">Banking and payments</th><td class="number">2</td><td class="number">1,240, partly estimated</td></tr>');
    expect(report).toContain('<tr data-category="disability_access"><th scope="row">Access for persons with disabilities</th><td class="number">1</td><td class="number">1 effect without a number</td></tr>');
    expect(report).toContain('<h4>Banking and payments (2)</h4>');
  });

  it('shows a pseudonymized person by the fields present and their consent answers, never a name that is not there', () => {
    const report = renderReport(bundle(), 'en');
    const testimony = report.slice(report.indexOf('[S2]'), report.indexOf('id="attachments"'));
    expect(testimony).toContain('<dt>Pseudonym</dt><dd><bdi>Куә-7F3A</bdi></dd>');
    expect(testimony).toContain('<dt>Role</dt><dd>Witness</dd>');
    expect(testimony).toContain('<dt>Age group</dt><dd><bdi>30–39</bdi></dd>');
    expect(testimony).not.toContain('<dt>Name</dt>');
    expect(testimony).not.toContain('<dt>Contact</dt>');
    expect(testimony).toContain('<dt>Lawyers may read it without the name</dt><dd>Yes</dd>');
    expect(testimony).toContain('<dt>Lawyers may know who the person is</dt><dd>No</dd>');
    expect(testimony).toContain('<dt>Asked by</dt><dd><bdi>A. N.</bdi></dd>');
    expect(testimony).toContain('<dt>Asked in</dt><dd>Kazakh (kk)</dd>');
    expect(testimony).toContain('<dt>How</dt><dd>Verbal</dd>');
    expect(testimony).toContain('Мы не могли вызвать скорую помощь для отца');
  });

  it('prints coded age group, gender and disability in the report language, and earlier free text exactly as it was', () => {
    const input = almatyBundle();
    const testimony = input.records.find((record) => record.recordId === ids.testimony) as unknown as { data: { person: object } };
    testimony.data.person = { pseudonym: 'Куә-7F3A', role: 'witness', ageGroup: '30-44', gender: 'preferNotToSay', disability: 'no' };
    const ru = renderReport(Bundle.parse(input), 'ru');
    expect(ru).toContain('<dt>Возрастная группа</dt><dd>30–44</dd>');
    expect(ru).toContain('<dt>Пол</dt><dd>Не хочет указывать</dd>');
    expect(ru).not.toContain('preferNotToSay');
    const kk = renderReport(Bundle.parse(input), 'kk');
    expect(kk).toContain('<dd>Айтқысы келмейді</dd>');
    expect(kk).toContain('<dd>Жоқ</dd>');
    // A value saved before the choices is user text: printed as written, never looked up as a key.
    testimony.data.person = { pseudonym: 'Куә-7F3A', role: 'witness', gender: 'female', ageGroup: 'taxonomy:gender.male' };
    const legacy = renderReport(Bundle.parse(input), 'ru');
    expect(legacy).toContain('<dt>Пол</dt><dd>Женский</dd>');
    expect(legacy).toContain('<dd><bdi>taxonomy:gender.male</bdi></dd>');
  });

  it('speaks Kazakh in the Kazakh report, and keeps the Kazakh letters of the data', () => {
    const report = plain(renderReport(bundle(), 'kk'));
    for (const heading of [
      '>Дәлелдемелер пакеті</h1>',
      '>Адамдарға тигізген әсері</h3>',
      '>Дереккөздер</h3>',
      '>Дәлелдеме файлдарының тізімі</h2>',
      '>Сақтау тізбегі</h2>',
      '>Бұл пакетті қалай тексеруге болады</h2>',
      '<h4>Мүгедектігі бар адамдар үшін қолжетімділік (1)</h4>',
      'Заңгерлік',
      'Қол қоюшының кілт таңбасы',
      '2022 ж. 5 қаңтар, 16:00 (UTC+06:00), минутқа дейінгі дәлдікпен',
      'шамамен 1 200 адам (болжам)',
      '45 000 000,00 ₸',
      '<dt>Бүркеншік ат</dt>',
    ]) {
      expect(report).toContain(heading);
    }
    for (const data of ['Алматыдағы интернетті толық өшіру', 'Қазақтелеком', 'Әйгерім Нұрланқызы', 'Қаскелең', 'Ұлттық қауіпсіздік комитеті']) {
      expect(report).toContain(data);
    }
    for (const letter of 'әғқңөұүіӘҒҚҢӨҰҮІ'.slice(0, 8)) expect(report).toContain(letter);
  });

  it('uses Russian plural forms', () => {
    const input = almatyBundle();
    const banking = input.records.find((record) => record.recordId === ids.banking)!;
    const more = ['1f8a2c3e-0b4d-4e5f-8a6b-7c8d9e0f1a2b', '2f8a2c3e-0b4d-4e5f-8a6b-7c8d9e0f1a2b'].map((recordId) => ({ ...banking, recordId }));
    const one = plain(renderReport(bundle(), 'ru'));
    expect(one).toContain('1 инцидент<');
    expect(one).toContain('3 последствия для людей');
    expect(one).toContain('2 источника');
    expect(one).toContain('3 файла доказательств');
    expect(one).toContain('1 человек указан под псевдонимом вместо имени');
    expect(one).toContain('2 файла доказательств исключены');
    expect(one).toContain('около 1 200 человек (оценка)');
    expect(one).toContain('3 человека (точно)');
    expect(one).toContain('2,5 МБ (2 456 789 байт)');
    const five = plain(renderReport(Bundle.parse({ ...input, records: [...input.records, ...more] }), 'ru'));
    expect(five).toContain('5 последствий для людей');
  });

  it('names the severity in an effect heading, so that no adjective dangles (glossary)', () => {
    expect(renderReport(bundle(), 'ru')).toContain('<h5>Последствие 1 · тяжесть: высокая</h5>');
    expect(renderReport(bundle(), 'kk')).toContain('<h5>Әсер 1 · ауырлығы: жоғары</h5>');
    expect(renderReport(bundle(), 'en')).toContain('<h5>Effect 1 · severity: high</h5>');
  });

  it('tells how to verify with standard tools, in the report language, with the program notes when given', () => {
    const report = plain(renderReport(bundle(), 'ru', { verifyText: 'Dalel evidence bundle dalel-20220120-1a2b3c4d\n== Русский ==' }));
    const verify = report.slice(report.indexOf('id="verify"'));
    expect(verify).toContain('sha256sum -c tagmanifest-sha256.txt &amp;&amp; sha256sum -c manifest-sha256.txt');
    expect(verify).toContain('ssh-keygen -lf signer.pub');
    expect(verify).toContain('printf &#39;%s %s\\n&#39; signer &quot;$(cut -d&#39; &#39; -f1,2 signer.pub)&quot; &gt; allowed_signers');
    expect(verify).toContain('ssh-keygen -Y verify -f allowed_signers -I signer -n dalel-bundle \\\n  -s tagmanifest-sha256.txt.sig &lt; tagmanifest-sha256.txt');
    expect(verify).toContain('Распакуйте ZIP-архив и откройте терминал в его папке dalel-20220120-1a2b3c4d');
    expect(verify).toContain(`Он должен быть ${signerFingerprint}`);
    // Windows: the PowerShell recipe, its version check and its fallback, and no bare "Windows 10" promise.
    expect(verify).toContain('<h3>В Windows, в PowerShell</h3>');
    expect(verify).toContain('Откройте PowerShell (Windows PowerShell 5.1 или PowerShell 7) в папке dalel-20220120-1a2b3c4d и сначала выполните ssh -V');
    expect(verify).toContain('dalel-verify.html');
    expect(verify).toContain('foreach ($line in Get-Content -Encoding UTF8 -LiteralPath $manifest) {');
    expect(verify).toContain('(Get-FileHash -Algorithm SHA256 -LiteralPath $path).Hash -eq $hash');
    expect(verify).toContain('Set-Content -LiteralPath allowed_signers -Encoding ascii -NoNewline -Value &quot;signer $key`n&quot;');
    expect(verify).toContain('cmd /c &#39;ssh-keygen -Y verify -f allowed_signers -I signer -n dalel-bundle -s tagmanifest-sha256.txt.sig &lt; tagmanifest-sha256.txt&#39;');
    expect(verify).not.toContain('Windows 10 и новее');
    expect(verify).toContain('<pre class="verify-text">Dalel evidence bundle dalel-20220120-1a2b3c4d\n== Русский ==</pre>');
    expect(renderReport(bundle(), 'ru')).not.toContain('verify-text');
  });

  it('lists the custody events with time, key, translated action and short record and revision ids', () => {
    const report = renderReport(bundle(), 'en');
    const custody = report.slice(report.indexOf('id="custody"'), report.indexOf('id="verify"'));
    expect(custody.match(/<tr>/g)).toHaveLength(1 + 4);
    expect(custody).toContain('<td class="number">14</td>');
    expect(custody).toContain('Attachment added');
    expect(custody).toContain('12 January 2022, 08:06 UTC');
    expect(custody).toContain(signerFingerprint);
    expect(custody).toContain('>0f66eef3</div>');
    expect(custody).toContain('>386706bf1f6b</td>');
  });

  it('says how many events of the archive\'s log stand before and between the lines it shows: no gap is silent', () => {
    const base = almatyBundle();
    // Lines 12 to 15 of the log, then one at 21: twelve before, five between.
    const custody = base.custody as { seq: number }[];
    custody.push({ ...custody.at(-1)!, seq: 21 });
    const report = renderReport(Bundle.parse(base), 'en');
    const table = plain(report.slice(report.indexOf('id="custody"'), report.indexOf('id="verify"')));
    const gaps = [...table.matchAll(/<tr class="custody-gap">.*?<\/tr>/gs)].map(([row]) => row.replace(/<[^>]+>/g, '').replaceAll('&#39;', "'"));
    expect(gaps).toEqual([
      "…12 events of the archive's log are not in this bundle: they concern other records, or would reveal something this profile leaves out.",
      "…5 events of the archive's log are not in this bundle: they concern other records, or would reveal something this profile leaves out.",
    ]);
    expect(renderReport(Bundle.parse(base), 'kk')).toContain('Мұрағат журналының 5 оқиғасы бұл пакетке кірмеген');
  });

  it('renders redacted, missing, malformed and retracted data without crashing or printing placeholders', () => {
    const base = almatyBundle();
    const records: BundleRecord[] = [
      { ...base.records[0]!, data: { title: 'Ақтау: тек атауы қалған', startedAt: { at: 'yesterday', precision: 'minute' }, areas: 'all', kinds: [42], futureField: { x: 1 } } },
      { ...base.records[1]!, data: { incident: ids.incident, peopleAffected: { count: -5 }, economicLoss: { amount: 'lots' }, occurredAt: null } },
      { ...base.records[2]!, data: null, retracted: true },
      { ...base.records[3]!, data: { incident: 'f0000000-0000-4000-8000-000000000000', category: 'medical_care', severity: 'low' } },
      { ...base.records[4]!, data: { kind: 'testimony', title: 'Public testimony', person: { pseudonym: 'Witness-2B', role: 'witness' } } },
      { ...base.records[5]!, data: { kind: 'testimony', person: 'redacted', consent: { store: true } } },
      { recordId: 'e0000000-0000-4000-8000-000000000000', type: 'source', headId: base.records[0]!.headId, createdAt: base.createdAt, updatedAt: base.createdAt, retracted: false, data: {} },
    ];
    const sparse = {
      ...base,
      profile: 'public',
      signer: { ...base.signer, organization: '' },
      records,
      attachments: [{ ...base.attachments[1]!, description: '', photo: undefined }],
      custody: [{ ...base.custody[0]!, revisionId: undefined, recordId: undefined }],
      redactions: { pseudonymized: 2, sourcesWithheld: 1, attachmentsWithheld: 0, confidentialTextWithheld: 0 },
    } as unknown as Bundle;
    for (const language of ['en', 'ru', 'kk'] as const) {
      const report = renderReport(sparse, language);
      expect(report).not.toMatch(/undefined|\bnull\b|\[object Object\]|NaN|Invalid Date|\{\{/);
      expect(htmlProblems(report)).toEqual([]);
      expect(report).toContain('Ақтау: тек атауы қалған');
      expect(report).toContain('Witness-2B');
    }
    const english = renderReport(sparse, 'en');
    expect(english).toContain('This record was retracted by its author.');
    expect(english).toContain('>Other records</h2>');
    expect(english).toContain('Number unknown');
  });

  it('gives the same bytes for the same bundle, whatever the clock or time zone', () => {
    const first = renderReport(bundle(), 'kk', { verifyText: 'x' });
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-07-04T03:00:00Z'));
    vi.stubEnv('TZ', 'America/Los_Angeles');
    try {
      expect(renderReport(bundle(), 'kk', { verifyText: 'x' })).toBe(first);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
