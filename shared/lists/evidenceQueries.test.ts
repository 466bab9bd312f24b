/**
 * The effects and sources lists find what a defender asks for: effects by
 * category, severity, region and the day they occurred (as the overview
 * links to them), sources by kind and by what the person's consent allows.
 */
import { describe, expect, it } from 'vitest';
import type { RecordSummary } from '../ipc';
import { Effect, Source, type EffectInput, type SourceInput } from '../model';
import {
  filterEffects,
  formatEffectQuery,
  indexEffects,
  initialEffectQuery,
  parseEffectQuery,
  sortEffects,
  type EffectListRow,
} from './effectQuery';
import { filterSources, formatSourceQuery, indexSources, initialSourceQuery, parseSourceQuery, sortSources } from './sourceQuery';

let n = 0;
function summary(updatedAt = '2022-02-01T00:00:00.000Z'): RecordSummary {
  n += 1;
  const recordId = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return { recordId, type: 'effect', headId: 'a'.repeat(64), createdAt: updatedAt, updatedAt, revisionCount: 1, retracted: false, data: {}, conflict: false, heads: ['a'.repeat(64)] };
}

const incident = '00000000-0000-4000-8000-aaaaaaaaaaaa';
function effect(input: Partial<EffectInput>, incidentTitle: string | null = 'Nationwide shutdown'): EffectListRow {
  return { summary: summary(), incidentTitle, effect: Effect.parse({ incident, category: 'medical_care', severity: 'high', ...input }) };
}

const effects = [
  effect({ description: 'Ambulance could not be called', area: { code: 'KZ-75' }, occurredAt: { at: '2022-01-06T01:00+06:00' }, severity: 'critical' }),
  effect({ description: 'Карты не принимались', category: 'banking_payments', area: { code: 'KZ-47' }, occurredAt: { at: '2022-01-31T23:00+06:00' } }),
  effect({ description: 'Shop closed for a week', category: 'business_income', area: { place: 'Жаңаөзен' }, severity: 'medium' }, 'Отключение в Жаңаөзен'),
];
const descriptions = (rows: EffectListRow[]) => rows.map((row) => row.effect.description);
const findEffects = (text: string) => descriptions(filterEffects(sortEffects(indexEffects(effects), parseEffectQuery(text), 'en'), parseEffectQuery(text)));

describe('the effects list', () => {
  it('filters by category, severity and region from the address the overview links to', () => {
    expect(findEffects('category=banking_payments')).toEqual(['Карты не принимались']);
    expect(findEffects('severity=critical')).toEqual(['Ambulance could not be called']);
    expect(findEffects('area=KZ-75')).toEqual(['Ambulance could not be called']);
    expect(findEffects('area=Жаңаөзен')).toEqual(['Shop closed for a week']);
  });

  it('keeps effects that occurred on a day of the range, as written in their own offset; undated ones only without a range', () => {
    expect(findEffects('from=2022-01-01&to=2022-01-31').sort()).toEqual(['Ambulance could not be called', 'Карты не принимались']);
    // 23:00 on the 31st at +06:00 is already February in UTC: it still counts for January.
    expect(findEffects('from=2022-02-01')).toEqual([]);
    expect(findEffects('to=2022-01-06')).toEqual(['Ambulance could not be called']);
  });

  it('searches descriptions and the titles of their incidents, in any case and script', () => {
    expect(findEffects('q=КАРТЫ')).toEqual(['Карты не принимались']);
    expect(findEffects('q=жаңаөзен')).toEqual(['Shop closed for a week']);
  });

  it('sorts by when it happened (latest first), severity (worst first) or category', () => {
    expect(findEffects('')).toEqual(['Карты не принимались', 'Ambulance could not be called', 'Shop closed for a week']);
    expect(findEffects('sort=severity')[0]).toBe('Ambulance could not be called');
    expect(findEffects('sort=category')).toEqual(['Карты не принимались', 'Ambulance could not be called', 'Shop closed for a week']);
  });

  it('writes and reads its address', () => {
    const query = { ...initialEffectQuery, category: 'medical_care' as const, area: 'code:KZ-75', severity: 'high' as const, from: '2022-01-01', to: '2022-01-31' };
    expect(formatEffectQuery(query)).toBe('category=medical_care&area=KZ-75&severity=high&from=2022-01-01&to=2022-01-31');
    expect(parseEffectQuery(formatEffectQuery(query))).toEqual(query);
  });
});

function source(input: Partial<SourceInput>) {
  return { summary: summary(), source: Source.parse({ kind: 'document', title: 'Decree', ...input }) };
}
const consent = (shareWithLawyers: boolean, publish: boolean) => ({ store: true, shareWithLawyers, publish, givenAt: { at: '2022-01-07T12:00+06:00' }, method: 'verbal' as const });
const sources = [
  source({ title: 'Order of the ministry', content: 'Приказ об ограничении связи', url: 'https://example.kz/order' }),
  source({ kind: 'testimony', title: 'Nurse at the city hospital', person: { name: 'Айгүл', role: 'witness' }, consent: consent(false, false) }),
  source({ kind: 'testimony', title: 'Shop owner', consent: consent(true, false) }),
  source({ kind: 'testimony', title: 'Taxi driver', consent: consent(true, true) }),
  source({
    kind: 'testimony',
    title: 'Teacher',
    consent: {
      ...{ keep: true, lawyersAnonymous: true, lawyersNamed: true, unNamed: true, publishAnonymous: false, askedBy: 'A. N.', askedIn: 'kk', method: 'verbal' },
      givenAt: { at: '2022-01-07T12:00+06:00' },
      withdrawals: [{ uses: ['publishAnonymous'], at: { at: '2022-02-01T12:00+06:00' }, method: 'written' }],
    },
  }),
];
const findSources = (text: string) =>
  filterSources(sortSources(indexSources(sources), parseSourceQuery(text), 'en'), parseSourceQuery(text)).map((row) => row.source.title);

describe('the sources list', () => {
  it('filters by what the consent allows now, answers of the earlier questions included', () => {
    expect(findSources('consent=none')).toEqual(['Order of the ministry']);
    expect(findSources('consent=store_only')).toEqual(['Nurse at the city hospital']);
    expect(findSources('consent=share_with_lawyers&sort=title')).toEqual(['Shop owner', 'Taxi driver', 'Teacher']);
    expect(findSources('consent=un')).toEqual(['Teacher']);
    expect(findSources('consent=publish')).toEqual(['Taxi driver']);
    expect(findSources('consent=withdrawn')).toEqual(['Teacher']);
  });

  it('filters by kind and searches title, content, address and the person named', () => {
    expect(findSources('kind=document')).toEqual(['Order of the ministry']);
    expect(findSources('q=приказ')).toEqual(['Order of the ministry']);
    expect(findSources('q=example.kz')).toEqual(['Order of the ministry']);
    expect(findSources('q=АЙГҮЛ')).toEqual(['Nurse at the city hospital']);
  });

  it('writes and reads its address', () => {
    const query = { ...initialSourceQuery, kind: 'testimony' as const, consent: 'publish' as const, sort: 'title' as const, order: 'desc' as const };
    expect(formatSourceQuery(query)).toBe('kind=testimony&consent=publish&sort=title&order=desc');
    expect(parseSourceQuery(formatSourceQuery(query))).toEqual(query);
    expect(parseSourceQuery('consent=maybe&kind=rumour')).toEqual(initialSourceQuery);
  });
});
