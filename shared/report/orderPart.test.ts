/**
 * The order and the law in the report and the UN draft, read as a lawyer
 * would: who cited which paragraph, in what role and when, in en, ru and
 * kk; what the order's publication, review and notice were, said no more
 * strongly than the records say; and (adversarial) no trace of a cited
 * source the bundle does not carry, no confidential incident's order in the
 * draft passed on to a government, no markup from a name.
 */
import { describe, expect, it } from 'vitest';
import type { Bundle } from '../model';
import { almatyBundle, ids, xss } from './fixture';
import { renderReport } from './index';
import { arrange } from './records';
import { renderUnCommunication } from './unCommunication';

const languages = ['en', 'ru', 'kk'] as const;
/** A source the incident listed but the bundle does not carry (withheld on export). */
const withheld = '9e7c1d2a-3b4f-4a5e-8c6d-7f8091a2b3c4';

const authority = {
  order: {
    orderedBy: [{ code: 'security_service', name: 'ҰҚК' }],
    implementedBy: [{ code: 'operator', name: 'Kcell' }],
    document: 'Нұсқама № 17',
    issuedAt: { at: '2022-01-04T00:00+06:00', precision: 'day' },
    published: 'no',
    courtReview: 'no',
    noticeToUsers: 'unknown',
  },
  legalCitations: [
    { code: 'kz.communications.41-1.p1-2', role: 'invoked', citedBy: 'operator', citedByName: 'Kcell', citedAt: { at: '2022-01-04T00:00+06:00', precision: 'day' } },
    { code: 'kz.emergency.15-1-10', role: 'permits', citedBy: 'campaign', citedByName: '' },
  ],
  operatorStatements: [{ operator: 'Kcell', madeAt: { at: '2022-01-04T10:00+06:00', precision: 'minute' }, statement: 'Доступ ограничен по требованию уполномоченного органа.' }],
  citations: [
    { field: 'legalCitations/0', source: ids.mediaReport, stance: 'supports', locator: '' },
    { field: 'operatorStatements/0', source: withheld, stance: 'contradicts', locator: 'p. 3' },
  ],
};

function bundleWith(fields: Record<string, unknown>): Bundle {
  const bundle = almatyBundle();
  const incident = bundle.records.find((record) => record.recordId === ids.incident)!;
  incident.data = { ...incident.data, ...fields, sources: [ids.mediaReport, withheld] };
  return bundle;
}

const words = {
  en: {
    invoked: 'Kcell (an operator) invoked Law on Communications, art. 41-1 para. 1-2 (Kazakhstan) on 4 January 2022',
    permits: 'A campaign or analyst named Law on the State of Emergency, art. 15 para. 1 sub-para. 10 (Kazakhstan) as a provision that permits shutdowns',
    published: 'The records say the order was not published.',
    review: 'The records say no court reviewed the order.',
    notice: 'The records do not say whether users were notified.',
  },
  ru: {
    invoked: 'Kcell (оператор), 4 января 2022 г.',
    permits: 'Кампания или аналитик: ссылка на Закон «О чрезвычайном положении», пп. 10 п. 1 ст. 15 (Казахстан) как на норму, допускающую отключения',
    published: 'По данным записей, распоряжение не публиковалось.',
    review: 'По данным записей, суд распоряжение не проверял.',
    notice: 'В записях не сказано, уведомляли ли пользователей.',
  },
  kk: {
    invoked: 'Kcell (оператор), 2022 ж. 4 қаңтар',
    permits: 'Науқан немесе сарапшы: өшіруге жол беретін норма ретінде аталды — «Төтенше жағдай туралы» Заңның 15-бабы 1-тармағының 10) тармақшасы (Қазақстан)',
    published: 'Жазбалар бойынша бұйрық жарияланбаған.',
    review: 'Жазбалар бойынша бұйрықты сот тексермеген.',
    notice: 'Пайдаланушыларға хабарланған-хабарланбағаны жазбаларда айтылмаған.',
  },
} as const;

const section = (document: string, id: string) => {
  const start = document.indexOf(`<section id="${id}"`);
  expect(start, id).toBeGreaterThan(-1);
  return document.slice(start, document.indexOf('</section>', start));
};

describe('the order and the law in the report', () => {
  it.each(languages)('says who cited which paragraph, how and when, with the source that supports it (%s)', (language) => {
    const bundle = bundleWith(authority);
    const report = renderReport(bundle, language);
    const media = arrange(bundle).sourceNumbers.get(ids.mediaReport);
    expect(report).toContain(words[language].invoked);
    expect(report).toContain(words[language].permits);
    const escaped = words[language].invoked.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(report).toMatch(new RegExp(`${escaped}[^<]*</bdi> <span class="note">[^<]*\\[S${media}\\]</span>`));
    expect(report).toContain('Нұсқама № 17');
    expect(report).toContain('Доступ ограничен по требованию уполномоченного органа.');
  });

  it('names a body with its kind, and a body of which only the kind is known by its kind alone', () => {
    const report = renderReport(bundleWith({ order: { ...authority.order, orderedBy: [{ code: 'prosecutor', name: '' }] } }), 'en');
    expect(report).toContain('Kcell (Operator)');
    expect(report).toMatch(/<dt>Who ordered it<\/dt><dd><bdi>Prosecutor<\/bdi><\/dd>/);
  });

  it('gives no trace of a cited source the bundle does not carry (adversarial)', () => {
    const report = renderReport(bundleWith(authority), 'en');
    expect(report).not.toContain('Contradicted by');
    expect(report).not.toContain(withheld);
  });

  it('escapes markup in a name, a document and a statement (adversarial)', () => {
    const hostile = {
      order: { ...authority.order, orderedBy: [{ code: 'other', name: xss }], document: xss },
      legalCitations: [{ ...authority.legalCitations[0], citedByName: xss }],
      operatorStatements: [{ operator: xss, statement: xss }],
    };
    for (const document of [renderReport(bundleWith(hostile), 'en'), renderUnCommunication(bundleWith(hostile), 'en')]) {
      expect(document).not.toContain(xss);
      expect(document).toContain('&lt;script&gt;');
    }
  });

  it('adds nothing to an incident that records none of it', () => {
    const report = renderReport(almatyBundle(), 'en');
    for (const label of ['Who ordered it', 'Order published', 'Legal bases and who named them', "Operators' statements"]) expect(report).not.toContain(label);
  });
});

describe('the order and the law in the UN draft', () => {
  it.each(languages)('states the law invoked and by whom, and what the records say of publication, review and notice (%s)', (language) => {
    const perpetrators = section(renderUnCommunication(bundleWith(authority), language), 'perpetrators');
    for (const text of Object.values(words[language])) expect(perpetrators).toContain(text);
    expect(perpetrators).toContain('ҰҚК');
  });

  it('claims nothing about publication, review or notice when no order is recorded', () => {
    const perpetrators = section(renderUnCommunication(almatyBundle(), 'en'), 'perpetrators');
    expect(perpetrators).not.toMatch(/The records (say|do not say)/);
    // The older text stays where it was.
    expect(perpetrators).toContain('Ұлттық қауіпсіздік комитеті');
  });

  it('says "yes" only where the records say yes', () => {
    const perpetrators = section(
      renderUnCommunication(bundleWith({ ...authority, order: { ...authority.order, published: 'yes', courtReview: 'unknown', noticeToUsers: 'no' } }), 'en'),
      'perpetrators',
    );
    expect(perpetrators).toContain('The records say the order was published.');
    expect(perpetrators).toContain('The records do not say whether a court reviewed the order.');
    expect(perpetrators).toContain('The records say users were not notified.');
    expect(perpetrators).not.toContain('a court reviewed the order.</');
  });

  it('leaves a confidential incident\'s order, citers and statements out of the draft passed on to a government (adversarial)', () => {
    const document = renderUnCommunication(bundleWith({ ...authority, confidential: true }), 'en');
    for (const text of ['ҰҚК', 'Нұсқама № 17', 'Kcell (an operator)', 'Доступ ограничен', 'The records say']) expect(document).not.toContain(text);
  });
});
