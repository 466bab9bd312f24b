/**
 * What every section of the incident form receives: the draft, a way to
 * change it (naming the field, so its problems may start to show), and the
 * translated problems to show for a field. Keeps the sections free of form
 * state.
 */
import type { IncidentDraft } from './draft';
import type { FieldKey } from './validation';

export interface SectionProps {
  draft: IncidentDraft;
  update: (field: FieldKey, change: Partial<IncidentDraft>) => void;
  /** Translated messages for a field; empty until the field was touched or saving was tried. */
  messagesFor: (field: FieldKey) => string[];
}
