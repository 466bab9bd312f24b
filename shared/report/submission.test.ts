/**
 * The report of a legal bundle as a submission: the submitter on the cover,
 * the collector's declaration, the methodology and the domestic remedies,
 * in the contents and in full, in English, Russian and Kazakh; user text
 * escaped and its line breaks kept; and, without a submission, a legal
 * report that says plainly none was given.
 */
import { describe, expect, it } from 'vitest';
import { Bundle, Submission, type SubmissionInput } from '../model';
import { almatyBundle, xss } from './fixture';
import { renderReport } from './index';

const submission: SubmissionInput = {
  submitter: { kind: 'organization', name: 'Құқық қорғау бюросы «Дәлел»', contact: 'info@dalel.example\n+7 727 000 00 00' },
  declaration: {
    by: 'Әйгерім Нұрланқызы',
    date: '2022-01-20',
    text: `Мен бұл жазбаларды өзім жинадым.\nI have not altered any file. ${xss}`,
  },
  methodology: {
    collection: 'Testimonies taken in person in Almaty, 12–15 January 2022.',
    definition: 'An intentional disruption of internet or mobile communications & "data".',
    verification: '',
    limits: 'Only Almaty.',
  },
  remedies: 'A complaint to the prosecutor, 1 February 2022: no answer.',
};

/** The fixture as a bundle with this submission (the report reads any bundle; the model's rules are tested with the export). */
const withSubmission = (input: SubmissionInput = submission): Bundle => ({ ...Bundle.parse(almatyBundle()), submission: Submission.parse(input) });

/** The text of the part of the report from one id to the next section. */
function part(report: string, id: string): string {
  const start = report.indexOf(`id="${id}"`);
  expect(start, id).toBeGreaterThan(0);
  const end = report.indexOf('<section', start);
  return report.slice(start, end < 0 ? undefined : end);
}

/** Elements left open or closed out of order: the submission's markup must nest as the rest of the report does. */
function unbalanced(document: string): string[] {
  const voids = new Set(['meta', 'br', 'col', 'img', 'input', 'link', 'hr', 'wbr']);
  const stack: string[] = [];
  const problems: string[] = [];
  const body = document.replace(/<style>[\s\S]*?<\/style>/, '').replace(/^<!DOCTYPE html>/, '');
  for (const [, closing, name] of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>/g)) {
    const tag = name!.toLowerCase();
    if (voids.has(tag)) continue;
    if (!closing) stack.push(tag);
    else if (stack.pop() !== tag) problems.push(`</${tag}>`);
  }
  return [...problems, ...stack];
}

describe('the report of a legal bundle with a submission', () => {
  it('is well-formed in every language, however hostile the text', () => {
    const hostile = withSubmission({
      ...submission,
      submitter: { kind: 'person', name: `</dd></dl>${xss}`, contact: '</div><div>' },
      remedies: '</section><section id="x">',
    });
    for (const language of ['en', 'ru', 'kk'] as const) {
      const report = renderReport(hostile, language);
      expect(unbalanced(report), language).toEqual([]);
      expect(report).not.toContain(xss);
      expect(report).toContain('&lt;/section&gt;&lt;section id=&quot;x&quot;&gt;');
    }
  });

  it('names the submitter, their kind and contact on the cover, and lists the new sections first in the contents', () => {
    const report = renderReport(withSubmission(), 'en');
    const cover = report.slice(report.indexOf('<header class="cover">'), report.indexOf('</header>'));
    expect(cover).toContain('<dt>Submitted by</dt><dd><strong><bdi>Құқық қорғау бюросы «Дәлел»</bdi></strong> (an organization)</dd>');
    expect(cover).toContain('<dt>Contact</dt><dd><div class="text" dir="auto">info@dalel.example\n+7 727 000 00 00</div></dd>');
    expect(cover).not.toContain('No submitter or declaration was given');
    const contents = report.slice(report.indexOf('<nav class="contents"'), report.indexOf('</nav>'));
    const links = [...contents.matchAll(/href="#([a-z0-9-]+)"/g)].map((m) => m[1]);
    expect(links.slice(0, 3)).toEqual(['declaration', 'methodology', 'remedies']);
    expect(contents).toContain('Declaration by the person who collected the records');
    expect(contents).toContain('>Methodology<');
    expect(contents).toContain('>Domestic remedies<');
  });

  it('gives the declaration with who made it, the day, and the text as written: line breaks kept, markup escaped', () => {
    const declaration = part(renderReport(withSubmission(), 'en'), 'declaration');
    expect(declaration).toContain('<h2 id="declaration-title">Declaration by the person who collected the records</h2>');
    expect(declaration).toContain('<dt>Made by</dt><dd><bdi>Әйгерім Нұрланқызы</bdi></dd>');
    expect(declaration).toContain('<dt>Date</dt><dd>20 January 2022</dd>');
    expect(declaration).toContain('Мен бұл жазбаларды өзім жинадым.\nI have not altered any file. &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(declaration).not.toContain(xss);
  });

  it('gives the four parts of the methodology, an empty one as not stated, and the domestic remedies', () => {
    const report = renderReport(withSubmission(), 'en');
    const methodology = part(report, 'methodology');
    const headings = [...methodology.matchAll(/<h3>([^<]*)<\/h3>/g)].map((m) => m[1]);
    expect(headings).toEqual(['How the records were collected', 'Definition of a shutdown used', 'How the records were verified', 'Limits']);
    expect(methodology).toContain('Testimonies taken in person in Almaty, 12–15 January 2022.');
    expect(methodology).toContain('An intentional disruption of internet or mobile communications &amp; &quot;data&quot;.');
    expect(methodology).toMatch(/How the records were verified<\/h3>\s*<p class="note">Not stated\.<\/p>/);
    expect(methodology).toContain('Only Almaty.');
    const remedies = part(report, 'remedies');
    expect(remedies).toContain('<h2 id="remedies-title">Domestic remedies</h2>');
    expect(remedies).toContain('A complaint to the prosecutor, 1 February 2022: no answer.');
  });

  it('says when the submitter gave no contact, and an empty remedies part is not stated', () => {
    const report = renderReport(withSubmission({ ...submission, submitter: { kind: 'person', name: 'Ержан' }, remedies: '' }), 'en');
    expect(report).toContain('<strong><bdi>Ержан</bdi></strong> (a person)');
    expect(report).toContain('<dt>Contact</dt><dd><span class="note">No contact given: the submitter chose not to give one in this bundle.</span></dd>');
    expect(part(report, 'remedies')).toContain('<p class="note">Not stated.</p>');
  });

  it.each([
    ['ru', 'Податель', 'организация', 'Заявление лица, собравшего записи', 'Методология', 'Внутренние средства правовой защиты', '20 января 2022', 'Не указано.'],
    ['kk', 'Ұсынушы', 'ұйым', 'Жазбаларды жинаған адамның мәлімдемесі', 'Әдістеме', 'Ішкі құқықтық қорғау құралдары', '2022', 'Көрсетілмеген.'],
  ] as const)('speaks %s: the submitter, the declaration, the methodology and the remedies in its words', (language, submitter, kind, declaration, methodology, remedies, day, notStated) => {
    const report = renderReport(withSubmission(), language);
    expect(report).toContain(`<dt>${submitter}</dt><dd><strong><bdi>Құқық қорғау бюросы «Дәлел»</bdi></strong> (${kind})</dd>`);
    expect(part(report, 'declaration')).toContain(`<h2 id="declaration-title">${declaration}</h2>`);
    expect(part(report, 'declaration')).toContain(day);
    expect(part(report, 'methodology')).toContain(`<h2 id="methodology-title">${methodology}</h2>`);
    expect(part(report, 'methodology')).toContain(notStated);
    expect(part(report, 'remedies')).toContain(`<h2 id="remedies-title">${remedies}</h2>`);
    expect(report).not.toMatch(/report:submission|Submitted by|Methodology|Not stated/);
  });
});

describe('the report without a submission', () => {
  it('says on a legal bundle\'s cover that no submitter or declaration was given, in each language, and adds no section', () => {
    const words = {
      en: 'No submitter or declaration was given with this bundle',
      ru: 'Сведения о подателе и заявление лица, собравшего записи, к пакету не приложены',
      kk: 'Бұл пакетке ұсынушы туралы мәліметтер мен жазбаларды жинаған адамның мәлімдемесі қоса берілмеген',
    };
    for (const [language, text] of Object.entries(words) as [keyof typeof words, string][]) {
      const report = renderReport(Bundle.parse(almatyBundle()), language);
      const cover = report.slice(report.indexOf('<header class="cover">'), report.indexOf('</header>'));
      expect(cover, language).toContain(text);
      expect(report).not.toMatch(/id="(declaration|methodology|remedies)"|href="#(declaration|methodology|remedies)"/);
    }
  });

  it('says nothing of a submission on an internal or public bundle', () => {
    for (const profile of ['internal', 'public'] as const) {
      const report = renderReport({ ...Bundle.parse(almatyBundle()), profile }, 'en');
      expect(report, profile).not.toContain('No submitter or declaration');
      expect(report, profile).not.toContain('id="declaration"');
    }
  });
});
