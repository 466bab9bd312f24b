/**
 * The sample archive's records as a lawyer would read them: every record
 * valid and marked illustrative, every claim that matters tied to a source
 * the record lists, the places' own offsets of January 2022, and none of the
 * errors the old sample taught ("none given", "unknown", an "evening
 * cut-offs" incident no source supports, the emergency law as *cited*).
 */
import { describe, expect, it } from 'vitest';
import { citationsOf, Effect, Incident, Source, type Timestamp } from '../model';
import { sampleIncidentIds, sampleIncidents, sampleSources, sampleSteps, withRecordIds } from './kzJanuary2022';
import { sampleEffects, sampleIncidentIndex, sampleTestimony } from './kzJanuary2022Evidence';
import regions from '../../resources/gazetteer/kz.json';
import places from '../../resources/gazetteer/kz-places.json';

const incidents = sampleIncidents.map((incident) => Incident.parse(incident));
const sources = sampleSources.map(({ source }) => Source.parse(source));
const sourceTitle = (id: string) => sampleSources.find((source) => source.id === id)?.source.title ?? '';
const byTitle = (words: RegExp) => incidents.find((incident) => words.test(incident.title))!;

/** Every timestamp anywhere in a value. */
function timestampsIn(value: unknown): Timestamp[] {
  if (Array.isArray(value)) return value.flatMap(timestampsIn);
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  if (typeof record.at === 'string' && typeof record.precision === 'string') return [record as unknown as Timestamp];
  return Object.values(record).flatMap(timestampsIn);
}

describe('the sample archive, rebuilt from its sources', () => {
  it('holds only records the archive would save, each marked illustrative and saying so in its title', () => {
    for (const source of sources) {
      expect(source.illustrative, source.title).toBe(true);
      expect(source.title).toMatch(/^\[Illustrative sample\] /);
      expect(['media_report', 'official_statement', 'network_measurement', 'document']).toContain(source.kind);
      expect(source.grade, source.title).toBeDefined();
    }
    for (const incident of incidents) {
      expect(incident.illustrative, incident.title).toBe(true);
      expect(incident.title).toMatch(/^\[Illustrative sample\] /);
    }
    for (const { effect } of sampleEffects) expect(Effect.parse({ ...effect, incident: sampleIncidentIds[0] }).illustrative).toBe(true);
    expect(Source.parse(sampleTestimony.source).illustrative).toBe(true);
  });

  it('names the sources the issue asks for, with a checked address where one is given', () => {
    const titles = sources.map((source) => source.title).join('\n');
    for (const name of ['Access Now', 'Cloudflare Radar', 'Kcell', 'RFE/RL', 'Digital Paradigm', 'minister', 'President']) expect(titles).toContain(name);
    for (const source of sources) if (source.url) expect(source.url).toMatch(/^https:\/\//);
  });

  it('ties each claim to a source the record lists, and cites justification and acknowledgement wherever they are given', () => {
    for (const incident of incidents) {
      expect(incident.citations?.length, incident.title).toBeGreaterThan(0);
      for (const citation of incident.citations ?? []) expect(incident.sources).toContain(citation.source);
      expect(incident.justification.codes, incident.title).not.toContain('none_given');
      expect(incident.acknowledged, incident.title).toBe('yes');
      expect(citationsOf(incident.citations, 'acknowledged').length, incident.title).toBeGreaterThan(0);
      if (incident.justification.codes.length) expect(citationsOf(incident.citations, 'justification').length, incident.title).toBeGreaterThan(0);
    }
    const nationwide = incidents[sampleIncidentIndex.nationwideShutdown]!;
    const justifiedBy = citationsOf(nationwide.citations, 'justification').map((citation) => sourceTitle(citation.source));
    expect(justifiedBy.join()).toContain('Kcell');
    const acknowledgedBy = citationsOf(nationwide.citations, 'acknowledged').map((citation) => sourceTitle(citation.source)).join();
    expect(acknowledgedBy).toContain('Kcell');
    expect(acknowledgedBy).toContain('minister');
    expect(acknowledgedBy).toContain('President');
  });

  it('tells the law Kcell invoked from the emergency-law provisions the campaign names as permitting shutdowns', () => {
    const nationwide = incidents[sampleIncidentIndex.nationwideShutdown]!;
    const roles = Object.fromEntries((nationwide.legalCitations ?? []).map((entry) => [entry.code, `${entry.role} ${entry.citedBy} ${entry.citedByName}`]));
    expect(roles).toEqual({
      'kz.communications.41-1.p1-2': 'invoked operator Kcell',
      'kz.emergency.14-1.p2': 'permits campaign Digital Paradigm',
      'kz.emergency.15-1-10': 'permits campaign Digital Paradigm',
    });
    // The old field says what was cited as the ground: never a provision only named as one that permits.
    for (const incident of incidents) expect(incident.legalBasis.codes.filter((code) => code.startsWith('kz.emergency'))).toEqual([]);
    nationwide.legalCitations!.forEach((_, index) => expect(citationsOf(nationwide.citations, `legalCitations/${index}`).length).toBeGreaterThan(0));
    expect(nationwide.operatorStatements?.[0]?.operator).toBe('Kcell');
  });

  it('dates Zhanaozen from 2 January, Almaty to 10 January after 111 hours, Nur-Sultan as daily cut-offs, with no evening cut-offs in Almaty', () => {
    const mangystau = byTitle(/Zhanaozen/);
    expect(mangystau.startedAt).toEqual({ at: '2022-01-02T00:00+05:00', precision: 'day' });
    const almaty = byTitle(/^\[Illustrative sample\] Almaty/);
    expect(almaty.endedAt?.at.slice(0, 10)).toBe('2022-01-10');
    expect(almaty.summary).toContain('111 hours');
    const nurSultan = byTitle(/Nur-Sultan/);
    expect(nurSultan.pattern.kind).toBe('recurring');
    expect(nurSultan.intervals?.map((interval) => interval.start.at.slice(0, 10))).toEqual(['2022-01-06', '2022-01-07', '2022-01-08', '2022-01-09']);
    const everything = JSON.stringify([sampleIncidents, sampleEffects]).toLowerCase();
    expect(everything).not.toContain('evening cut-off');
    expect(everything).not.toContain('almatyeveningcutoffs');
  });

  it('names its places by gazetteer codes, Zhanaozen and Aktau at the second level', () => {
    const known = new Set([...regions.areas, ...places.places].map((area) => area.code));
    const codes = [...incidents.flatMap((incident) => [...incident.areas, ...(incident.intervals ?? []).flatMap((interval) => interval.areas)]), ...sampleEffects.flatMap(({ effect }) => (effect.area ? [effect.area] : []))];
    for (const area of codes) expect('code' in area && known.has(area.code), JSON.stringify(area)).toBe(true);
    expect(byTitle(/Zhanaozen/).areas).toEqual([{ code: 'KZ-47' }, { code: 'KZ-47-ZHANAOZEN' }, { code: 'KZ-47-AKTAU' }]);
  });

  it('writes every Mangystau time at +05:00 and every other time at +06:00', () => {
    const inMangystau = (areas: readonly unknown[]) => areas.length > 0 && areas.every((area) => /KZ-47|Zhanaozen|Aktau/.test(JSON.stringify(area)));
    for (const incident of incidents) {
      // Times a source gave for the whole country (Kcell's statement) stay in Almaty time.
      const offset = inMangystau(incident.areas) ? '+05:00' : '+06:00';
      for (const time of timestampsIn(incident)) expect(time.at, incident.title).toMatch(new RegExp(`\\${offset}$`));
    }
    for (const { effect } of sampleEffects) {
      const offset = inMangystau(effect.area ? [effect.area] : []) ? '+05:00' : '+06:00';
      for (const time of timestampsIn(effect)) expect(time.at, effect.description).toMatch(new RegExp(`\\${offset}$`));
    }
  });

  it('saves each record after every record it names, and puts the saved ids in place', () => {
    const saved = new Map<string, string>();
    sampleSteps.forEach((step, index) => {
      const named = JSON.stringify(step.data).match(/5a4d1e00-0000-4000-8000-[0-9a-f]{12}/g) ?? [];
      for (const id of named) expect(saved.has(id), `${step.placeholder} names ${id} before it is saved`).toBe(true);
      saved.set(step.placeholder, `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`);
    });
    const resolved = withRecordIds(sampleIncidents[sampleIncidentIndex.zhanaozen]!, saved);
    expect(resolved.links).toEqual([{ kind: 'continues_as', incident: saved.get(sampleIncidentIds[0])! }]);
    expect(JSON.stringify(resolved)).not.toMatch(/5a4d1e00/);
    expect(Incident.safeParse(resolved).error).toBeUndefined();
  });
});
