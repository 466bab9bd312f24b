/** The order, legal citations and statements read in the revision history as the page's words, never as JSON, codes or raw keys. */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { i18nOptions } from '../../../shared/i18n';
import { valueFormatter } from './revisionValues';

const translatorOf = (language: 'en' | 'ru' | 'kk') => {
  const instance = i18next.createInstance();
  void instance.init({ ...i18nOptions(language), initAsync: false });
  return instance.getFixedT(language);
};

const legalCitations = [
  { code: 'kz.communications.41-1.p1-2', role: 'invoked', citedBy: 'operator', citedByName: 'Kcell' },
  { code: 'kz.emergency.14-1.p2', role: 'permits', citedBy: 'campaign', citedByName: '' },
];
const order = { orderedBy: [{ code: 'security_service', name: 'КНБ' }], implementedBy: [], document: '', published: 'no', courtReview: 'unknown', noticeToUsers: 'unknown' };

describe('the order and the law in the history', () => {
  it('reads each legal citation as a sentence and the order field by field', () => {
    const format = valueFormatter(translatorOf('en'), 'en');
    expect(format('legalCitations', legalCitations)).toBe(
      'Kcell (an operator) invoked Law on Communications, art. 41-1 para. 1-2 (Kazakhstan)\n' +
        'A campaign or analyst named Law on the State of Emergency, art. 14-1 para. 2 (Kazakhstan) as a provision that permits shutdowns',
    );
    expect(format('order', order)).toBe('Who ordered it: КНБ (Security service)\nOrder published: No\nOrder reviewed by a court: Unknown\nUsers notified: Unknown');
    expect(format('operatorStatements', [{ operator: 'Kcell', statement: 'Restricted.' }])).toBe('Kcell: Restricted.');
  });

  it('reads in Russian and Kazakh with no code left', () => {
    for (const language of ['ru', 'kk'] as const) {
      const text = valueFormatter(translatorOf(language), language)('legalCitations', legalCitations)!;
      expect(text).not.toMatch(/kz\.|invoked|operator|report:/);
    }
  });
});
