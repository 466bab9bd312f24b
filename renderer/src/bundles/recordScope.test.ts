/**
 * "Incidents matching a filter" in the export wizard: a lawyer who filters by
 * kind, area or words gets exactly the incidents the incident list would show
 * for the same filter, each with its own effects and sources and no one
 * else's; a retracted incident never slips in; a filter that matches nothing
 * stops the export instead of making an empty bundle.
 */
import { describe, expect, it } from 'vitest';
import { selectRecords, type PreviewRecord } from './profilePreview';
import { areaChoices, emptyFilter, exportOnly, matchingIncidents, recordsProblem } from './recordScope';

const ids = {
  zhanaozen: '00000000-0000-4000-8000-000000000001',
  national: '00000000-0000-4000-8000-000000000002',
  messengers: '00000000-0000-4000-8000-000000000003',
  withdrawn: '00000000-0000-4000-8000-000000000004',
  zhanaozenEffect: '00000000-0000-4000-8000-000000000011',
  messengersEffect: '00000000-0000-4000-8000-000000000013',
  witness: '00000000-0000-4000-8000-000000000021',
};

const record = (recordId: string, type: PreviewRecord['type'], data: Record<string, unknown> | null): PreviewRecord => ({
  recordId,
  type,
  retracted: data === null,
  data,
});

const incident = (title: string, fields: Record<string, unknown>) => ({
  title,
  scope: 'local',
  startedAt: { at: '2022-01-05T10:00+06:00' },
  ...fields,
});

const archive: PreviewRecord[] = [
  record(
    ids.zhanaozen,
    'incident',
    incident('Отключение интернета в Жаңаөзен', { kinds: ['full_network'], areas: [{ code: 'KZ-47' }, { place: 'Жаңаөзен' }], tags: ['Қаңтар'] }),
  ),
  record(ids.national, 'incident', incident('Nationwide shutdown', { kinds: ['full_network', 'sms_voice'], areas: [{ code: 'KZ-71' }, { code: 'KZ-75' }] })),
  record(
    ids.messengers,
    'incident',
    incident('Мессенджеры блокируются по вечерам', { kinds: ['service_blocking'], areas: [{ code: 'KZ-75' }], operators: ['Kcell'] }),
  ),
  record(ids.withdrawn, 'incident', null),
  record(ids.zhanaozenEffect, 'effect', { incident: ids.zhanaozen, category: 'banking_payments', sources: [] }),
  record(ids.messengersEffect, 'effect', { incident: ids.messengers, category: 'family_contact', sources: [ids.witness] }),
  record(ids.witness, 'source', { kind: 'testimony', title: 'Witness in Almaty' }),
];

describe('incidents matching a filter', () => {
  it('keeps the incidents of one kind, and only their effects and sources come along', () => {
    const matching = matchingIncidents(archive, { ...emptyFilter, kind: 'service_blocking' });
    expect(matching).toEqual([ids.messengers]);
    const taken = selectRecords(archive, exportOnly('filter', [], matching) ?? null, 'internal').map((r) => r.recordId);
    expect(taken).toEqual([ids.messengers, ids.messengersEffect, ids.witness]);
  });

  it('filters by region code or by free-text place, in the archive order', () => {
    expect(matchingIncidents(archive, { ...emptyFilter, area: 'code:KZ-75' })).toEqual([ids.national, ids.messengers]);
    expect(matchingIncidents(archive, { ...emptyFilter, area: 'place:Жаңаөзен' })).toEqual([ids.zhanaozen]);
  });

  it('searches as the incident list does: any case, any script, all words, combined with the other filters', () => {
    expect(matchingIncidents(archive, { ...emptyFilter, search: 'ЖАҢАӨЗЕН' })).toEqual([ids.zhanaozen]);
    expect(matchingIncidents(archive, { ...emptyFilter, search: 'kcell вечерам' })).toEqual([ids.messengers]);
    expect(matchingIncidents(archive, { ...emptyFilter, search: 'қаңтар', kind: 'full_network' })).toEqual([ids.zhanaozen]);
    expect(matchingIncidents(archive, { search: 'shutdown', kind: 'full_network', area: 'code:KZ-47' })).toEqual([]);
  });

  it('never takes a retracted incident, even with no filter set', () => {
    expect(matchingIncidents(archive, emptyFilter)).toEqual([ids.zhanaozen, ids.national, ids.messengers]);
  });

  it('refuses an export of nothing, naming why', () => {
    expect(recordsProblem('filter', [], [])).toBe('noneMatch');
    expect(recordsProblem('filter', [], [ids.national])).toBeNull();
    expect(recordsProblem('chosen', [], [ids.national])).toBe('noneChosen');
    expect(recordsProblem('all', [], [])).toBeNull();
    expect(exportOnly('all', [ids.national], [ids.messengers])).toBeUndefined();
    expect(exportOnly('chosen', [ids.national], [ids.messengers])).toEqual([ids.national]);
  });

  it('offers the regions in the reader’s language and the places the incidents name', () => {
    const { regions, places } = areaChoices(archive, 'ru');
    expect(places).toEqual([{ value: 'place:Жаңаөзен', label: 'Жаңаөзен' }]);
    expect(regions.map((region) => region.value)).toContain('code:KZ-75');
    const labels = regions.map((region) => region.label);
    expect(labels).toEqual([...labels].sort(new Intl.Collator('ru').compare));
  });
});
