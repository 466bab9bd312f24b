// What the collector signed, as the report of a format 2 legal bundle tells
// it: for each record, the key that signed it when recorded, the revision id,
// and that the id can be recomputed from what is disclosed while nothing
// withheld can be confirmed; or that the record was not signed by its
// collector. Real rendering, in en, ru and kk. (The engine's export test
// checks the same on a bundle made from a real archive, with real signatures.)
import { describe, expect, it } from 'vitest';
import { Bundle, type SignedHead } from '../model';
import { almatyBundle, ids } from './fixture';
import { renderReport } from './index';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const textOf = (markup: string) => plain(markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').replaceAll('&#39;', "'"));

const authorKey = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE';
const authorFingerprint = 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8';
const headId = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
const hash = (n: number) => n.toString(16).padStart(64, '0');

/** The media report's head as its author signed it: 5 values committed, 3 disclosed. */
function signedHead(data: Record<string, unknown>): SignedHead {
  const paths = ['/parents', '/retraction', '/data/title', '/data/content', '/data/kind'];
  return {
    id: headId,
    signature: 'c2lnbmF0dXJl',
    revision: {
      format: 2,
      recordId: ids.mediaReport,
      type: 'source',
      author: authorKey,
      createdAt: '2022-01-15T10:30:00Z',
      commitments: Object.fromEntries(paths.map((path, index) => [path, hash(index + 1)])),
    },
    disclosures: [
      { path: '/data/title', salt: 'AAAAAAAAAAAAAAAAAAAAAA', value: data.title },
      { path: '/data/content', salt: 'BBBBBBBBBBBBBBBBBBBBBB', value: data.content },
      { path: '/data/kind', salt: 'CCCCCCCCCCCCCCCCCCCCCC', value: data.kind },
    ],
  };
}

/** The fixture as a format 2 legal bundle in which the media report alone carries its author's signed head. */
function legalBundle(): Bundle {
  const base = almatyBundle();
  return Bundle.parse({
    ...base,
    format: 2,
    records: base.records.map(({ headId: _headId, ...record }) =>
      record.recordId === ids.mediaReport ? { ...record, headId, signedHead: signedHead(record.data!) } : record,
    ),
    custody: base.custody.map(({ prev: _prev, hash: _hash, ...line }) => line),
    redactions: { ...base.redactions, custodyWithheld: 0, unsignedHeads: base.records.length - 1 },
  });
}

const fingerprintOf = (line: string) => (line === authorKey ? authorFingerprint : 'SHA256:unknown');
const partOf = (report: string, id: string) => {
  const start = report.indexOf(id);
  return report.slice(report.lastIndexOf('<article', start), report.indexOf('</article>', start));
};

describe('what the collector signed', () => {
  it('shows in a signed record\'s part the key that signed it, the revision id, and why the id can be recomputed', () => {
    const report = renderReport(legalBundle(), 'en', { fingerprintOf });
    const part = textOf(partOf(report, ids.mediaReport));
    expect(part).toContain(`Author's signature Signed when recorded, by the key ${authorFingerprint} (the author), 15 January 2022, 10:30 UTC.`);
    expect(part).toContain(`Revision id: ${headId}`);
    expect(part).toContain(
      'This id can be recomputed from the values disclosed here: 3 of 5 values are disclosed with their salts, and the other 2 are represented only by their salted hashes, whose salts are not in this bundle, so nothing withheld can be confirmed by guessing it.',
    );
    expect(part).toContain('dalel verify');
  });

  it('says of a record without a signed head that its collector did not sign it', () => {
    const report = renderReport(legalBundle(), 'en', { fingerprintOf });
    const testimony = textOf(partOf(report, ids.testimony));
    expect(testimony).toContain("Author's signature Not signed by its collector (exported as the archive holds it): its fields are covered by this bundle's signature only.");
    expect(testimony).not.toContain('Revision id:');
    // The incident and each effect say so too: every record of a legal bundle.
    expect(report.match(/class="signed-head unsigned"/g)).toHaveLength(5);
    expect(report.match(/<div class="signed-head">/g)).toHaveLength(1);
  });

  it('speaks Russian and Kazakh', () => {
    const russian = textOf(partOf(renderReport(legalBundle(), 'ru', { fingerprintOf }), ids.mediaReport));
    expect(russian).toContain(`Подпись автора Подписано при записи ключом ${authorFingerprint} (автор), 15 января 2022 г., 10:30 UTC.`);
    expect(russian).toContain('раскрыто 3 из 5 значений вместе с солями, остальные 2 представлены только хешами с солью');
    const kazakh = textOf(partOf(renderReport(legalBundle(), 'kk', { fingerprintOf }), ids.mediaReport));
    expect(kazakh).toContain(`Автордың қолтаңбасы Жазылған кезде қол қойған кілт: ${authorFingerprint} (автор)`);
    expect(kazakh).toContain('5 мәннің 3 тұзымен бірге ашылған, қалған 2 мән тек тұзды хешімен берілген');
    expect(textOf(partOf(renderReport(legalBundle(), 'kk', { fingerprintOf }), ids.testimony))).toContain('Оны жинаған адам қол қоймаған');
  });

  it('shows the key line itself when the caller gives no way to compute a fingerprint', () => {
    expect(renderReport(legalBundle(), 'en')).toContain(`<span class="mono fingerprint">${authorKey}</span>`);
  });

  it('says nothing of authors\' signatures in a bundle that cannot carry them', () => {
    const report = renderReport(Bundle.parse(almatyBundle()), 'en', { fingerprintOf });
    expect(report).not.toContain('signed-head');
    expect(report).not.toContain("Author's signature");
  });

  it('states in the custody section that signed revision ids can be recomputed, and how', () => {
    const section = textOf(renderReport(legalBundle(), 'en', { fingerprintOf }).split('id="custody"')[1]!.split('id="verify"')[0]!);
    expect(section).toContain('The revision id of the 1 record signed by its author can be recomputed from this bundle alone');
    expect(section).toContain('The command dalel verify recomputes it and checks the author\'s signature.');
    const russian = textOf(renderReport(legalBundle(), 'ru').split('id="custody"')[1]!.split('id="verify"')[0]!);
    expect(russian).toContain('Идентификатор редакции 1 записи, подписанной её автором, можно пересчитать');
    const kazakh = textOf(renderReport(legalBundle(), 'kk').split('id="custody"')[1]!.split('id="verify"')[0]!);
    expect(kazakh).toContain('Авторы қол қойған 1 жазбаның нұсқа идентификаторын тек осы пакет бойынша қайта есептеуге болады');
  });
});
