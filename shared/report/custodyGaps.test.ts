// The custody section as a lawyer reads it: every line of the archive's log
// that a bundle does not carry is accounted for, before, between and after
// the lines it shows, and the section says at its top how many lines of the
// exported records were withheld and why. Real rendering, in en, ru and kk.
import { describe, expect, it } from 'vitest';
import { Bundle } from '../model';
import { almatyBundle } from './fixture';
import { renderReport } from './index';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const textOf = (markup: string) => plain(markup.replace(/<[^>]+>/g, '').replaceAll('&#39;', "'").replaceAll('&quot;', '"'));

/** The custody section of a report. */
const custodyOf = (report: string) => report.slice(report.indexOf('id="custody"'), report.indexOf('id="verify"'));
const gapRows = (section: string) => [...section.matchAll(/<tr class="custody-gap[^"]*">.*?<\/tr>/gs)].map(([row]) => textOf(row));

/** The fixture as a format 2 legal bundle: no chain hashes, the withheld lines counted. */
function legalFormat2(custodyWithheld: number): Bundle {
  const base = almatyBundle();
  return Bundle.parse({
    ...base,
    format: 2,
    records: base.records.map(({ headId: _headId, ...record }) => record),
    custody: base.custody.map(({ prev: _prev, hash: _hash, ...line }) => line),
    redactions: { ...base.redactions, custodyWithheld, unsignedHeads: base.records.length },
  });
}

describe('the custody section states every gap', () => {
  it('says how many withheld lines of the exported records come after the last line it shows', () => {
    // Lines 12 to 15 are shown: 12 lines of the log stand before them and none between. The bundle says 15
    // lines of its records were withheld, so at least 3 of them come after line 15.
    const report = renderReport(legalFormat2(15), 'en');
    const gaps = gapRows(custodyOf(report));
    expect(gaps).toHaveLength(2);
    expect(gaps[0]).toContain("12 events of the archive's log are not in this bundle");
    expect(gaps[1]).toBe('…At least 3 more events of these records, after the last line shown, are not in this bundle: they name a file or a revision this bundle does not carry.');
    // The row after the last line is the table's last row.
    expect(custodyOf(report).lastIndexOf('custody-gap')).toBeGreaterThan(custodyOf(report).lastIndexOf('<td class="number">15</td>'));
  });

  it('adds no row after the last line when the gaps before and between account for every withheld line', () => {
    const gaps = gapRows(custodyOf(renderReport(legalFormat2(12), 'en')));
    expect(gaps).toHaveLength(1);
  });

  it('gives the total withheld and why at the top of the section, in en, ru and kk', () => {
    const expected = {
      en: "15 events of the archive's log that concern the records of this bundle were withheld",
      ru: '15 событий журнала архива, касающихся записей этого пакета, исключены',
      kk: 'Мұрағат журналының осы пакеттің жазбаларына қатысты 15 оқиғасы алынып тасталды',
    };
    for (const language of ['en', 'ru', 'kk'] as const) {
      const section = custodyOf(renderReport(legalFormat2(15), language));
      const intro = textOf(section.slice(0, section.indexOf('<table')));
      expect(intro, language).toContain(expected[language]);
    }
    const after = { ru: 'Ещё не менее 3 событий этих записей', kk: 'Соңғы көрсетілген жолдан кейін осы жазбалардың тағы кемінде 3 оқиғасы' };
    expect(gapRows(custodyOf(renderReport(legalFormat2(15), 'ru')))[1]).toContain(after.ru);
    expect(gapRows(custodyOf(renderReport(legalFormat2(15), 'kk')))[1]).toContain(after.kk);
  });

  it('says that a public bundle numbers its lines from 0 and shows no gap, by design', () => {
    const base = legalFormat2(4);
    const publicBundle = {
      ...base,
      profile: 'public' as const,
      custody: base.custody.map((line, seq) => ({ ...line, seq })),
    };
    for (const language of ['en', 'ru', 'kk'] as const) {
      const section = custodyOf(renderReport(publicBundle, language));
      expect(gapRows(section), language).toEqual([]);
      expect(section).toContain('class="custody-renumbered"');
    }
    const english = textOf(custodyOf(renderReport(publicBundle, 'en')));
    expect(english).toContain('In this public bundle the lines are numbered from 0, not as in the archive\'s log');
    expect(english).toContain("4 events of the archive's log that concern the records of this bundle were withheld");
  });

  it('says that an internal bundle carries every line of its records', () => {
    const section = textOf(custodyOf(renderReport({ ...Bundle.parse(almatyBundle()), profile: 'internal' }, 'en')));
    expect(section).toContain('Every event of the archive\'s log that concerns the records of this bundle is in it');
  });
});
