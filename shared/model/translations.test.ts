// A translation of a source is the source's statement in another language:
// wherever an export leaves the statement out, the translation goes too, and
// a public bundle never names a translator (a name in a publication can put
// the translator, or the defender who asked them, at risk). The export policy
// decides this, and the verifier's public rules refuse a hand-made bundle
// that breaks it.
import { describe, expect, it } from 'vitest';
import { almatyBundle, ids } from '../report/fixture';
import { Bundle, Source, redact, type PolicyRecord } from '.';

const statement = 'Мы не могли вызвать скорую помощь для отца всю ночь 6 января.';
const translated = 'We could not call an ambulance for our father all night on 6 January.';
const translation = { language: 'en', text: translated, translator: 'Dana Seitkali', translatedAt: '2022-01-14', certified: true };

const sourceRecord = (data: Record<string, unknown>): PolicyRecord => ({ recordId: ids.mediaReport, type: 'source', retracted: false, data });
const source = { kind: 'media_report', title: 'Ambulance', content: statement, url: 'https://example.org/x', language: 'ru', sensitive: false, translations: [translation] };

describe('translations in an export', () => {
  it('leaves a translation out of a public bundle wherever it leaves the content out, so no confidential statement leaks through it', () => {
    // A record marked confidential has its free text left out of a public bundle (exportPolicy.ts).
    const { records } = redact('public', [sourceRecord({ ...source, confidential: true })], [], () => 'P-00000000');
    const carried = JSON.stringify(records);
    expect(carried).not.toContain(statement);
    expect(carried).not.toContain(translated);
    expect(records[0]!.data).not.toHaveProperty('translations');
  });

  it('never names a translator in a public bundle, and keeps the translation itself', () => {
    const { records } = redact('public', [sourceRecord(source)], [], () => 'P-00000000');
    expect(JSON.stringify(records)).not.toContain('Dana Seitkali');
    expect(records[0]!.data!.translations).toEqual([{ ...translation, translator: '' }]);
    // Still a valid source: the report, the CSVs and an import read it as one.
    expect(Source.safeParse(records[0]!.data).success).toBe(true);
    // The archive's own record is not touched.
    expect(source.translations[0]!.translator).toBe('Dana Seitkali');
  });

  it('keeps the translator in a legal bundle: a court weighs who translated', () => {
    const { records } = redact('legal', [sourceRecord(source)], [], () => 'P-00000000');
    expect(records[0]!.data!.translations).toEqual([translation]);
  });
});

/** The fixture as a valid format 2 public bundle (names, times and custody as the public rules want them). */
function publicBundle(change: (data: Record<string, unknown>) => Record<string, unknown>, confidentialCount = 0) {
  const base = almatyBundle();
  const day = '2022-01-20T00:00:00.000Z';
  return {
    ...base,
    format: 2,
    profile: 'public',
    archiveId: undefined,
    createdAt: day,
    signer: { ...base.signer, name: '', organization: '' },
    records: base.records.map(({ headId: _headId, ...record }) => {
      const data = { ...record.data } as Record<string, unknown>;
      delete data.consent;
      if (data.person) data.person = { pseudonym: 'P-7F3A0000', role: 'witness' };
      return { ...record, createdAt: day, updatedAt: day, data: record.recordId === ids.mediaReport ? change(data) : data };
    }),
    attachments: [],
    custody: [],
    redactions: { pseudonymized: 1, sourcesWithheld: 0, attachmentsWithheld: 0, confidentialTextWithheld: confidentialCount, custodyWithheld: 0 },
  };
}

describe('the verifier\'s public rules on translations', () => {
  it('accept a public bundle whose translations name no translator', () => {
    expect(Bundle.safeParse(publicBundle((data) => ({ ...data, translations: [{ ...translation, translator: '' }] }))).success).toBe(true);
  });

  it('refuse a hand-made public bundle that names a translator', () => {
    const parsed = Bundle.safeParse(publicBundle((data) => ({ ...data, translations: [{ ...translation, translator: '' }, translation] })));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ message: 'identifyingFieldNotAllowed', path: ['records', 4, 'data', 'translations', 1, 'translator'] });
  });

  it('refuse a public bundle that carries the translation of a confidential record\'s withheld text', () => {
    const parsed = Bundle.safeParse(
      publicBundle(({ content: _content, url: _url, ...data }) => ({ ...data, confidential: true, translations: [{ ...translation, translator: '' }] }), 1),
    );
    // (The bundle counts the confidential record truly: only the translation is wrong.)
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ message: 'confidentialTextNotAllowed', path: ['records', 4, 'data', 'translations'] });
  });
});
