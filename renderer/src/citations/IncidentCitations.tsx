/**
 * The incident form's "Which source says what": the citations fieldset over
 * the incident draft, choosing among the archive's sources (loaded here, as
 * the incident form is otherwise given none).
 */
import type { SectionProps } from '../incidents/form/fieldProps';
import { incidentInputOf } from '../incidents/form/draft';
import { fieldAnchorId } from '../incidents/form/validation';
import { CitationsFieldset } from './CitationsFieldset';
import { useArchiveSources } from './useArchiveSources';

export function IncidentCitations({ draft, update, messagesFor }: SectionProps) {
  const sources = useArchiveSources();
  if (!sources) return null;
  return (
    <CitationsFieldset
      form="incident"
      anchorId={fieldAnchorId('citations')}
      record={incidentInputOf(draft) as Record<string, unknown>}
      rows={draft.citations ?? []}
      recordSources={draft.sources}
      sources={sources}
      onChange={(citations, recordSources) => update('citations', { citations, sources: recordSources })}
      messages={messagesFor('citations')}
    />
  );
}
