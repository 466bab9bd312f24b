// The summary of facts across incidents, as a lawyer quotes it: the period
// from the earliest start to the latest end with their own offsets, ends not
// recorded said so (never "ongoing"), places, kinds, services, effects by
// category with people summed only where numbers are given, and sources with
// their testimonies. Real rendering, in en, ru and kk.
import { describe, expect, it } from 'vitest';
import { Bundle } from '../model';
import { almatyBundle, ids } from './fixture';
import { renderReport } from './index';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const textOf = (markup: string) => plain(markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').replaceAll('&#39;', "'"));
const summaryOf = (report: string) => {
  const start = report.indexOf('<section class="summary"');
  return report.slice(start, report.indexOf('</section>', start));
};

/** The fixture with a second incident: Zhanaozen, earlier, in another offset, its end not recorded though marked ongoing. */
function twoIncidents(): Bundle {
  const base = almatyBundle();
  const almaty = base.records[0]!;
  base.records.push({
    ...almaty,
    recordId: '9a1e5f60-1c2b-4d3e-8f40-5a6b7c8d9e0f',
    data: {
      ...almaty.data,
      title: 'Жаңаөзен: мобильді интернет өшірілді',
      country: 'KZ',
      areas: [{ code: 'KZ-47' }, { place: 'Жаңаөзен' }],
      kinds: ['mobile_data', 'throttling'],
      services: ['telegram', 'youtube'],
      startedAt: { at: '2022-01-02T09:00+05:00', precision: 'hour' },
      endedAt: undefined,
      ongoing: true,
      sources: [],
    },
  });
  return Bundle.parse(base);
}

describe('the summary of facts', () => {
  it('counts incidents linked as one shutdown once, and says so', () => {
    const bundle = twoIncidents();
    const [almaty, zhanaozen] = bundle.records.filter((record) => record.type === 'incident');
    expect(textOf(summaryOf(renderReport(bundle, 'en')))).toContain('Incidents 2 incidents');
    (zhanaozen!.data as Record<string, unknown>).links = [{ kind: 'part_of', incident: almaty!.recordId }];
    const expected = {
      en: '2 incidents: 1 shutdown, incidents recorded as the same, a part or a continuation counted once',
      ru: '2 инцидента: 1 отключение; инциденты, записанные как то же самое, часть или продолжение, учтены один раз',
      kk: '2 оқиға: 1 өшіру; бірдей, бөлігі немесе жалғасы ретінде жазылған оқиғалар бір рет саналды',
    };
    for (const language of ['en', 'ru', 'kk'] as const) expect(textOf(summaryOf(renderReport(bundle, language))), language).toContain(expected[language]);
  });


  it('comes after the contents and before the first incident, and is in the table of contents', () => {
    for (const language of ['en', 'ru', 'kk'] as const) {
      const report = renderReport(Bundle.parse(almatyBundle()), language);
      const summary = report.indexOf('<section class="summary" id="summary"');
      expect(summary, language).toBeGreaterThan(report.indexOf('</nav>'));
      expect(summary, language).toBeLessThan(report.indexOf('id="incident-1"'));
      const contents = report.slice(report.indexOf('<nav class="contents"'), report.indexOf('</nav>'));
      expect(contents.indexOf('href="#summary"'), language).toBeGreaterThan(-1);
      expect(contents.indexOf('href="#summary"'), language).toBeLessThan(contents.indexOf('href="#incident-1"'));
    }
  });

  it('gives the period from the earliest start to the latest end, as recorded, and names the incidents with no end recorded, never "ongoing"', () => {
    const english = textOf(summaryOf(renderReport(twoIncidents(), 'en')));
    // Each time keeps its own offset: Zhanaozen's +05:00, Almaty's +06:00.
    expect(english).toContain('Period covered 2 January 2022, 09:00 (UTC+05:00), to the hour – 10 January 2022, 09:00 (UTC+06:00), to the hour');
    expect(english).toContain('The end of 1 incident is not recorded: Incident 1');
    expect(english).not.toMatch(/ongoing/i);
    const russian = textOf(summaryOf(renderReport(twoIncidents(), 'ru')));
    expect(russian).toContain('2 января 2022 г., 09:00 (UTC+05:00), с точностью до часа – 10 января 2022 г., 09:00 (UTC+06:00), с точностью до часа');
    expect(russian).toContain('Окончание 1 инцидента не записано: Инцидент 1');
    expect(russian).not.toMatch(/продолжается/i);
    const kazakh = textOf(summaryOf(renderReport(twoIncidents(), 'kk')));
    expect(kazakh).toContain('2022 ж. 2 қаңтар, 09:00 (UTC+05:00), сағатқа дейінгі дәлдікпен – 2022 ж. 10 қаңтар, 09:00 (UTC+06:00)');
    expect(kazakh).toContain('1 оқиғаның аяқталуы жазылмаған: 1-оқиға');
    expect(kazakh).not.toMatch(/әлі жалғасуда|жалғасып жатыр/);
  });

  it('says so when no incident has an end recorded', () => {
    const base = almatyBundle();
    base.records[0]!.data = { ...base.records[0]!.data, endedAt: undefined, ongoing: true };
    expect(textOf(summaryOf(renderReport(Bundle.parse(base), 'en')))).toContain(
      'Period covered Start: 5 January 2022, 16:00 (UTC+06:00), to the minute (the earliest recorded); no end is recorded',
    );
  });

  it('names the places in the report\'s language, and the kinds and services across incidents, each once, in the order of the incidents', () => {
    const english = textOf(summaryOf(renderReport(twoIncidents(), 'en')));
    expect(english).toContain('Places Mangystau Region , Жаңаөзен , Almaty , Қаскелең');
    expect(english).toContain('Kinds of disruption Mobile data cut, Throttling, Full network shutdown');
    expect(english).toContain('Services affected Telegram , YouTube , WhatsApp , Kaspi.kz');
    expect(textOf(summaryOf(renderReport(twoIncidents(), 'ru')))).toContain('Места Мангистауская область , Жаңаөзен , Алматы , Қаскелең');
    expect(textOf(summaryOf(renderReport(twoIncidents(), 'kk')))).toContain('Орындар Маңғыстау облысы , Жаңаөзен , Алматы , Қаскелең');
  });

  it('counts effects by category and sums people only where the records give a number, naming the effects that give none', () => {
    const english = textOf(summaryOf(renderReport(Bundle.parse(almatyBundle()), 'en')));
    expect(english).toContain('Effects on people 3 effects on people');
    expect(english).toContain('about 1,203 people: the sum of the numbers given in 2 effects, some of them estimates 1 effect gives no number: Effect 3');
    expect(english).toContain('Access for persons with disabilities 1 1 effect without a number');
    expect(summaryOf(renderReport(Bundle.parse(almatyBundle()), 'en'))).toContain('<a href="#effect-3">Effect 3</a>');
    expect(textOf(summaryOf(renderReport(Bundle.parse(almatyBundle()), 'ru')))).toContain(
      'около 1 203 человек — сумма чисел, указанных в 2 последствиях, часть из них — оценки Число не указано в 1 последствии: Последствие 3',
    );
    expect(textOf(summaryOf(renderReport(Bundle.parse(almatyBundle()), 'kk')))).toContain(
      'шамамен 1 203 адам — 2 әсерде көрсетілген сандардың қосындысы, олардың кейбірі болжам 1 әсерде сан көрсетілмеген: Әсер 3',
    );
    // Exact numbers only: no "about", no estimate.
    const exact = almatyBundle();
    exact.records = exact.records.filter((record) => record.recordId !== ids.banking && record.recordId !== ids.disability);
    exact.attachments = exact.attachments.filter((file) => file.recordId !== ids.banking);
    expect(textOf(summaryOf(renderReport(Bundle.parse(exact), 'en')))).toContain('People affected, as recorded 3 people: the sum of the numbers given in 1 effect Sources');
  });

  it('counts the sources and how many are testimonies, and the sources the profile left out', () => {
    const base = almatyBundle();
    base.redactions = { ...base.redactions, sourcesWithheld: 2 };
    const bundle = Bundle.parse(base);
    expect(textOf(summaryOf(renderReport(bundle, 'en')))).toContain('Sources 2 sources; 1 of them a testimony; 2 more left out by this profile');
    expect(textOf(summaryOf(renderReport(bundle, 'ru')))).toContain('Источники 2 источника; из них 1 свидетельство; ещё 2 исключены этим профилем');
    expect(textOf(summaryOf(renderReport(bundle, 'kk')))).toContain('Дереккөздер 2 дереккөз; оның ішінде 1 айғақ; тағы 2 дереккөзді осы профиль алып тастады');
  });

  it('counts nothing of a retracted record', () => {
    const base = almatyBundle();
    base.records = base.records.map((record) => (record.recordId === ids.testimony || record.recordId === ids.medical ? { ...record, data: null, retracted: true } : record));
    const english = textOf(summaryOf(renderReport(Bundle.parse(base), 'en')));
    expect(english).toContain('Sources 1 source; none of them a testimony');
    expect(english).toContain('Effects on people 2 effects on people');
    expect(english).not.toContain('Medical care');
  });
});
