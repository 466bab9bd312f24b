/**
 * `dalel schema TYPE` prints a JSON Schema that a validator other than
 * Dalel's own (Ajv, draft 2020-12) compiles, and that accepts what `dalel add`
 * saves and refuses what it refuses; a missing or unknown type is exit 2
 * with the types listed, in every language.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { sampleIncident } from '../engine/testing/fixtures';
import { docExamples } from './testing/docExamples';
import { dalelInProcess as dalel } from './testing/inProcess';

const incidentId = '0b7e4d1c-3f2a-4c5e-9a8b-1d2e3f4a5b6c';

async function validatorOf(type: string) {
  const printed = await dalel(['schema', type]);
  expect(printed).toMatchObject({ code: 0, err: '' });
  const schema = JSON.parse(printed.out) as Record<string, unknown>;
  expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('dalel schema', () => {
  it('prints, for each record type, a JSON Schema that accepts a real record and refuses a wrong one', async () => {
    const examples = docExamples();
    const records = {
      incident: [sampleIncident(), examples.incident],
      effect: [{ ...examples.effect, incident: incidentId }],
      source: [examples.source],
    };
    const wrong = {
      incident: [{ ...sampleIncident(), scope: 'planetary' }, { ...sampleIncident(), title: undefined }, { ...sampleIncident(), startedAt: { at: '5 January' } }, { ...sampleIncident(), colour: 'red' }],
      effect: [{ ...examples.effect, incident: 'not an id' }, { ...examples.effect, incident: incidentId, severity: 'dire' }],
      source: [{ ...examples.source, consent: { ...(examples.source.consent as object), method: 'telepathy' } }, { ...examples.source, kind: undefined }],
    };
    for (const type of ['incident', 'effect', 'source'] as const) {
      const validate = await validatorOf(type);
      for (const record of records[type]) expect(validate(record), `${type}: ${JSON.stringify(validate.errors)}`).toBe(true);
      for (const record of wrong[type]) expect(validate(record), `${type} refuses ${JSON.stringify(record).slice(0, 80)}`).toBe(false);
    }
  });

  it('describes what add takes: a field with a default may be left out, a required one may not', async () => {
    const schema = JSON.parse((await dalel(['schema', 'incident'])).out) as { required: string[] };
    expect(schema.required.sort()).toEqual(['kinds', 'scope', 'startedAt', 'title']);
  });

  it.each([
    ['en', 'en_US.UTF-8', 'Unknown record type “person”. Use one of: incident, effect, source, intervention.'],
    ['ru', 'ru_RU.UTF-8', 'Неизвестный тип записи «person». Возможные типы: incident, effect, source, intervention.'],
    ['kk', 'kk_KZ.UTF-8', 'Белгісіз жазба түрі: «person». Мыналардың бірін қолданыңыз: incident, effect, source, intervention.'],
  ])('names the types when the one given is unknown or missing, exit 2 (%s)', async (_language, LANG, message) => {
    expect(await dalel(['schema', 'person'], { LANG })).toEqual({ code: 2, out: '', err: `${message}\n` });
    const missing = await dalel(['schema'], { LANG });
    expect(missing).toMatchObject({ code: 2, out: '' });
    expect(missing.err).toContain('incident|effect|source|intervention');
    expect(missing.err).toContain('dalel schema --help');
  });
});
