// "Which source says what" in the report: each cited claim of an incident
// and an effect with numbered references to the sources section, whether
// each source supports or contradicts it, where in the source, how many
// sources support it, and a contested claim flagged in words; a source's
// grade; nothing of a source the bundle does not carry. Real rendering, en, ru, kk.
import { describe, expect, it } from 'vitest';
import { Bundle } from '../model';
import { almatyBundle, ids, xss } from './fixture';
import { renderReport } from './index';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const textOf = (markup: string) => plain(markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').replaceAll('&#39;', "'"));
const withheld = '9d1c1e0a-1111-4222-8333-944455556666';

function cited(): Bundle {
  const base = almatyBundle();
  const incident = base.records.find((record) => record.recordId === ids.incident)!;
  incident.data = {
    ...incident.data,
    sources: [ids.mediaReport, ids.testimony],
    citations: [
      { field: 'acknowledged', source: ids.mediaReport, stance: 'supports', locator: `paragraph 4 ${xss}` },
      { field: 'acknowledged', source: ids.testimony, stance: 'contradicts', locator: '' },
      { field: 'scope', source: ids.mediaReport, stance: 'supports', locator: '' },
      { field: 'scope', source: ids.testimony, stance: 'supports', locator: 'minute 2' },
      // A source the bundle does not carry: a bundle made by hand, or by an older exporter.
      { field: 'kinds', source: withheld, stance: 'supports', locator: 'page 9' },
    ],
  };
  const medical = base.records.find((record) => record.recordId === ids.medical)!;
  medical.data = { ...medical.data, citations: [{ field: 'severity', source: ids.testimony, stance: 'supports', locator: '' }] };
  const report = base.records.find((record) => record.recordId === ids.mediaReport)!;
  report.data = { ...report.data, grade: { reliability: 'B', credibility: '2', access: 'hearsay', verification: 'Checked against the bank\'s notice.' } };
  return Bundle.parse(base);
}

const numberOf = (markup: string, recordId: string) => {
  const start = markup.indexOf(recordId);
  const article = markup.slice(markup.lastIndexOf('<article class="source"', start), start);
  return Number(/id="source-(\d+)"/.exec(article)![1]);
};
const incidentFields = (markup: string) => markup.slice(markup.indexOf('<section class="incident"'), markup.indexOf('<h3>', markup.indexOf('<section class="incident"')));

describe('claims with their citations in the report', () => {
  it('prints each cited claim with numbered references, stance, locator, corroboration and the contested flag', () => {
    const markup = renderReport(cited(), 'en');
    const [media, testimony] = [numberOf(markup, ids.mediaReport), numberOf(markup, ids.testimony)];
    const part = incidentFields(markup);
    const text = textOf(part);
    expect(text).toContain(`Acknowledged by the authorities: Supported by 1 source. Contested: the sources contradict each other [S${media}] Supports, at paragraph 4`);
    expect(text).toContain(`[S${testimony}] Contradicts`);
    expect(text).toContain(`Scope: Supported by 2 sources. [S${media}] Supports [S${testimony}] Supports, at minute 2`);
    expect(part).toContain(`href="#source-${media}"`);
    // The locator is user text: escaped.
    expect(part).not.toContain(xss);
    // Nothing of a source the bundle does not carry.
    expect(markup).not.toContain(withheld);
    expect(text).not.toContain('page 9');
    expect(text).not.toContain('Kind of disruption:');
    const effect = markup.slice(markup.indexOf(`id="effect-`), markup.indexOf('</article>', markup.indexOf(`id="effect-`)));
    expect(textOf(markup)).toContain(`Severity: Supported by 1 source. [S${testimony}] Supports`);
    expect(effect.length).toBeGreaterThan(0);
  });

  it('prints a source\'s grade with the meaning of each code', () => {
    const text = textOf(renderReport(cited(), 'en'));
    expect(text).toContain('Reliability of the source: B — usually reliable');
    expect(text).toContain('Credibility of the information: 2 — probably true');
    expect(text).toContain('First-hand or hearsay: Heard from others');
    expect(text).toContain('Checked against the bank\'s notice.');
  });

  it('speaks Russian and Kazakh', () => {
    const russian = textOf(incidentFields(renderReport(cited(), 'ru')));
    expect(russian).toContain('Признано властями: Подтверждает 1 источник. Оспаривается: источники противоречат друг другу');
    expect(russian).toContain('Опровергает');
    const kazakh = textOf(incidentFields(renderReport(cited(), 'kk')));
    expect(kazakh).toContain('Билік мойындады: 1 дереккөз растайды. Дау бар: дереккөздер бір-біріне қайшы');
    expect(kazakh).toContain('Теріске шығарады');
  });

  it('says nothing of citations where a record has none', () => {
    expect(textOf(renderReport(Bundle.parse(almatyBundle()), 'en'))).not.toContain('Which source says what');
  });
});
