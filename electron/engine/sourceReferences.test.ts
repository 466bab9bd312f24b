/**
 * What names a source (`records:references`), on a real archive: every live
 * incident, effect and intervention that lists it, each citation of it with
 * its claim, stance and place in the source, and nothing from a record
 * retracted since, so that a source's page can say everything that rests on it.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { InterventionInput } from '../../shared/model';
import { Archive } from './archive';
import { referencesTo } from './references';
import { sampleIncident, sampleTestimony, temporaryFolder } from './testing/fixtures';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());

const complaint = (incidents: string[], sources: string[]): InterventionInput => ({
  kind: 'court_case',
  title: 'Appeal against the order to cut mobile data',
  body: 'Specialised Inter-District Administrative Court of Almaty',
  reference: '7599-22-00-2а/31',
  filedAt: { at: '2022-02-01T10:00+06:00', precision: 'day' },
  outcome: 'rejected',
  summary: 'The court held the order lawful without seeing it.',
  incidents,
  sources,
});

it('names every incident, effect and intervention resting on a source, with each citation, and none retracted', async () => {
  const archive = await Archive.create(join(folder.path, 'a'), { name: 'A', organization: 'Дәлел', passphrase: null, scryptCost: 2 ** 12 });
  try {
    const source = await archive.save({ type: 'source', data: sampleTestimony() });
    const id = source.recordId;
    const incident = await archive.save({
      type: 'incident',
      data: { ...sampleIncident(), sources: [id], citations: [{ field: 'summary', source: id, stance: 'supports', locator: 'minute 3' }] },
    });
    const effect = await archive.save({
      type: 'effect',
      data: { incident: incident.recordId, category: 'banking_payments', severity: 'high', sources: [id], citations: [{ field: 'severity', source: id, stance: 'contradicts' }] },
    });
    const intervention = await archive.save({ type: 'intervention', data: complaint([incident.recordId], [id]) });
    const gone = await archive.save({ type: 'effect', data: { incident: incident.recordId, category: 'medical_care', severity: 'low', sources: [id] } });
    await archive.retract({ recordId: gone.recordId, parent: gone.revisionId, reason: 'Entered twice' });

    const references = referencesTo(archive, id);
    expect(references).toHaveLength(3);
    expect(references).toEqual(
      expect.arrayContaining([
        { recordId: incident.recordId, type: 'incident', title: sampleIncident().title, via: 'citation', field: 'summary', stance: 'supports', locator: 'minute 3' },
        { recordId: effect.recordId, type: 'effect', title: 'banking_payments', via: 'citation', field: 'severity', stance: 'contradicts' },
        { recordId: intervention.recordId, type: 'intervention', title: 'Appeal against the order to cut mobile data', via: 'source' },
      ]),
    );
  } finally {
    archive.close();
  }
});
