/**
 * What rests on a source, for its page: the engine's references to it
 * (`records:references`) grouped record by record, incidents first, then
 * effects, then interventions, each with its citations of the source (a
 * record that only lists the source has none). Pure.
 */
import type { Reference } from '../../../shared/ipc';

export type CitingType = 'incident' | 'effect' | 'intervention';

export interface SourceUse {
  recordId: string;
  type: CitingType;
  /** An incident's or intervention's title; an effect's category code. */
  title: string;
  citations: { field: string; stance: 'supports' | 'contradicts'; locator: string }[];
}

const order: readonly CitingType[] = ['incident', 'effect', 'intervention'];

export function sourceUses(references: readonly Reference[]): SourceUse[] {
  const byRecord = new Map<string, SourceUse>();
  for (const reference of references) {
    if (reference.via !== 'source' && reference.via !== 'citation') continue;
    if (!order.includes(reference.type as CitingType)) continue;
    const use = byRecord.get(reference.recordId) ?? { recordId: reference.recordId, type: reference.type as CitingType, title: reference.title, citations: [] };
    if (reference.via === 'citation' && reference.field) {
      use.citations.push({ field: reference.field, stance: reference.stance ?? 'supports', locator: reference.locator ?? '' });
    }
    byRecord.set(reference.recordId, use);
  }
  return [...byRecord.values()].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
}
