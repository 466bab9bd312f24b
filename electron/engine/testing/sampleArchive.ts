/**
 * Test-only: the sample archive (shared/sample) saved into a real archive
 * the way `npm run demo` saves it — sources, then the incidents citing
 * them, their effects, the testimony cited by its incident, and the
 * evidence files — through the engine's ordinary `save` and `attach`.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sampleArchiveName, sampleIncidentIds, sampleSteps, withRecordIds } from '../../../shared/sample/kzJanuary2022';
import { sampleEffects, sampleEvidenceFiles, sampleTestimony } from '../../../shared/sample/kzJanuary2022Evidence';
import { Archive } from '../archive';

export interface SampleArchive {
  archive: Archive;
  /** The saved ids of the sample's incidents, in the order of `sampleIncidents`. */
  incidents: string[];
  testimony: string;
}

/** Saves the whole sample into a new unencrypted archive at `folder`/sample; evidence files are written to `folder` first. */
export async function sampleArchive(folder: string, options: { organization?: string; evidence?: boolean } = {}): Promise<SampleArchive> {
  const archive = await Archive.create(join(folder, 'sample'), { name: sampleArchiveName, organization: options.organization ?? 'Дәлел', passphrase: null, scryptCost: 2 ** 12 });
  const ids = new Map<string, string>();
  for (const { type, placeholder, data } of sampleSteps) ids.set(placeholder, (await archive.save({ type, data: withRecordIds(data, ids) })).recordId);
  const incidents = sampleIncidentIds.map((placeholder) => ids.get(placeholder)!);
  for (const { incident, effect } of sampleEffects) await archive.save({ type: 'effect', data: { ...withRecordIds(effect, ids), incident: incidents[incident] } });
  const testimony = (await archive.save({ type: 'source', data: sampleTestimony.source })).recordId;
  // As `dalel add --parent` does: the incident the testimony supports cites it.
  const cited = archive.getRecord(incidents[sampleTestimony.incident]!).summary;
  const data = cited.data as { sources?: string[] };
  await archive.save({ type: 'incident', recordId: cited.recordId, parent: cited.headId, data: { ...data, sources: [...(data.sources ?? []), testimony] } });
  if (options.evidence !== false) {
    for (const [index, file] of sampleEvidenceFiles.entries()) {
      const path = join(folder, `${index}-${file.name}`);
      await writeFile(path, file.text);
      await archive.attach(file.attachedTo === 'testimony' ? testimony : incidents[file.attachedTo]!, [{ path }]);
    }
  }
  return { archive, incidents, testimony };
}
