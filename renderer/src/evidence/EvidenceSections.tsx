/**
 * Loads what an incident page shows about evidence: the incident's effects
 * and the sources that the incident or its effects reference, and shows
 * them in the "Effects on people" and "Sources" sections.
 */
import { useEffect, useState } from 'react';
import type { Incident } from '../../../shared/model';
import { ErrorMessage } from '../components/ErrorMessage';
import { asDalelError, type DalelError } from '../dalel';
import { EffectsSection } from './EffectsSection';
import { loadEffects, loadSources, type EffectRow, type SourceRow } from './evidenceRecords';
import { SourcesSection } from './SourcesSection';

interface Props {
  incidentId: string;
  incident: Incident;
  canAdd: boolean;
}

export function EvidenceSections({ incidentId, incident, canAdd }: Props) {
  const [loaded, setLoaded] = useState<{ effects: EffectRow[]; sources: SourceRow[] } | null>(null);
  const [error, setError] = useState<DalelError | null>(null);
  const referenced = [...incident.sources].join(',');

  useEffect(() => {
    Promise.all([loadEffects(incidentId), loadSources()]).then(([effects, sources]) => {
      const ids = new Set([...referenced.split(','), ...effects.flatMap((row) => row.effect.sources)]);
      setLoaded({ effects, sources: sources.filter((row) => ids.has(row.summary.recordId)) });
    }, (thrown: unknown) => setError(asDalelError(thrown)));
  }, [incidentId, referenced]);

  if (error) return <ErrorMessage error={error} />;
  if (!loaded) return null;
  return (
    <>
      <EffectsSection incidentId={incidentId} effects={loaded.effects} canAdd={canAdd} />
      <SourcesSection incidentId={incidentId} sources={loaded.sources} canAdd={canAdd} />
    </>
  );
}
