/**
 * docs/spec/bundle.schema.json, the published JSON Schema of bundle.json:
 * it is the one generated from the zod schema (a change to the format shows
 * up here; `npx vitest run -u` writes it again), and a validator other than
 * Dalel's own (Ajv, JSON Schema 2020-12) accepts the bundle.json of real
 * exports in every profile and refuses a broken one.
 */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleJsonSchema } from '../../../shared/model/jsonSchemas';
import { bundleProfiles } from '../../../shared/model';
import { Archive } from '../archive';
import { sampleIncident, sampleTestimony, temporaryFolder } from '../testing/fixtures';
import { exportBundle } from './export';

const published = join(import.meta.dirname, '../../../docs/spec/bundle.schema.json');

let folder: { path: string; remove: () => Promise<void> };
const bundles: Record<string, unknown> = {};

beforeAll(async () => {
  folder = await temporaryFolder();
  const archive = await Archive.create(join(folder.path, 'archive'), { name: 'Almaty', organization: 'Dalel', passphrase: null, scryptCost: 2 ** 12 });
  const source = await archive.save({ type: 'source', data: sampleTestimony() });
  const incident = await archive.save({ type: 'incident', data: sampleIncident({ sources: [source.recordId] }) });
  await archive.save({ type: 'effect', data: { incident: incident.recordId, category: 'banking_payments', severity: 'high', sources: [source.recordId] } });
  const file = join(folder.path, 'receipt.txt');
  await writeFile(file, 'a receipt');
  await archive.attach(incident.recordId, [{ path: file, sensitive: false }]);
  for (const profile of bundleProfiles) {
    const out = join(folder.path, `${profile}.zip`);
    const { bundleId } = await exportBundle(archive, { out, profile, language: 'en', softwareVersion: 'test' });
    bundles[profile] = JSON.parse(execFileSync('unzip', ['-p', out, `${bundleId}/data/bundle.json`], { encoding: 'utf8' }));
  }
  archive.close();
}, 120_000);
afterAll(() => folder?.remove());

function validator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(bundleJsonSchema());
}

describe('the published JSON Schema of bundle.json', () => {
  it('is the one generated from the format’s own schema', async () => {
    await expect(`${JSON.stringify(bundleJsonSchema(), null, 2)}\n`).toMatchFileSnapshot(published);
  });

  it.each(bundleProfiles)('accepts the bundle.json of a real %s export', (profile) => {
    const validate = validator();
    expect(validate(bundles[profile]), JSON.stringify(validate.errors)).toBe(true);
  });

  it('refuses a bundle.json with an unknown profile, an extra field or a malformed fingerprint', () => {
    const validate = validator();
    const legal = bundles.legal as Record<string, unknown> & { signer: Record<string, unknown> };
    expect(validate({ ...legal, profile: 'secret' })).toBe(false);
    expect(validate({ ...legal, hidden: 'x' })).toBe(false);
    expect(validate({ ...legal, signer: { ...legal.signer, fingerprint: 'SHA256:short' } })).toBe(false);
  });
});
