/**
 * `data/stop.csv`: the bundle's shutdowns as rows of Access Now's #KeepItOn
 * STOP dataset, in STOP's own columns and English words (the mapping is
 * shared/csv/stop.ts, documented in docs/spec/stop.md). Drawn from
 * bundle.json alone, after the profile has redacted it: a source the bundle
 * withholds is not in it, so no link of it can reach this file. Retracted
 * incidents have no content and no row. Same format as incidents.csv.
 */
import { stopColumns, stopRowsOf } from '../csv/stop';
import type { Bundle } from '../model';
import { toCsv } from './csv';
import { arrange, readSource } from './records';

export function stopCsv(bundle: Bundle): string {
  const data = arrange(bundle);
  const incidents = data.incidents.flatMap((view) => (view.data ? [{ recordId: view.record.recordId, incident: view.data }] : []));
  const sources = new Map(
    bundle.records
      .filter((record) => record.type === 'source' && record.data !== null)
      .map((record) => {
        const source = readSource(record.data);
        return [record.recordId, { kind: source.kind, url: source.url }] as const;
      }),
  );
  const effects = [...data.effectsOf.values()].flat().flatMap((view) => (view.data ? [{ incident: view.data.incident, category: view.data.category }] : []));
  return toCsv(stopColumns, stopRowsOf(incidents, { sources, effects }));
}
