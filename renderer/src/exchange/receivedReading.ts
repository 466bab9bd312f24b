/**
 * A received bundle arranged for reading on screen: each incident with its
 * effects grouped by category (in the taxonomy's order) and the sources they
 * cite, then effects and sources no incident of the bundle holds. Built on
 * the report's own reading of a bundle (shared/report/records.ts), so the
 * screen and the printed report agree; fields are shown as the redacted
 * data has them, and nothing here fills in what a profile left out.
 */
import { effectCategories, type Bundle } from '../../../shared/model';
import { arrange, type EffectFields, type EffectView, type IncidentFields, type SourceFields, type SourceView } from '../../../shared/report/records';

export interface EffectGroup {
  /** A taxonomy code; null for an effect whose category this Dalel cannot read. */
  category: string | null;
  effects: { recordId: string; effect: EffectFields }[];
}

export interface SourceReading {
  recordId: string;
  source: SourceFields;
}

export interface IncidentReading {
  recordId: string;
  incident: IncidentFields;
  effectGroups: EffectGroup[];
  sources: SourceReading[];
}

export interface BundleReading {
  incidents: IncidentReading[];
  otherEffects: EffectGroup[];
  otherSources: SourceReading[];
}

const order = (category: string | null) => {
  const at = category === null ? -1 : (effectCategories as readonly string[]).indexOf(category);
  return at === -1 ? effectCategories.length : at;
};

/** Effects by category, categories in the taxonomy's order, effects in the order given (chronological). */
export function groupByCategory(views: readonly EffectView[]): EffectGroup[] {
  const groups = new Map<string | null, EffectGroup>();
  for (const view of views) {
    if (!view.data) continue;
    const category = view.data.category ?? null;
    const group = groups.get(category) ?? { category, effects: [] };
    group.effects.push({ recordId: view.record.recordId, effect: view.data });
    groups.set(category, group);
  }
  return [...groups.values()].sort((a, b) => order(a.category) - order(b.category));
}

const sourcesOf = (views: readonly SourceView[]): SourceReading[] =>
  views.flatMap((view) => (view.data ? [{ recordId: view.record.recordId, source: view.data }] : []));

export function readBundle(bundle: Bundle): BundleReading {
  const data = arrange(bundle);
  const incidents: IncidentReading[] = [];
  const otherEffects = [...data.otherEffects];
  const otherSources = [...data.otherSources];
  for (const view of data.incidents) {
    const effects = data.effectsOf.get(view.record.recordId) ?? [];
    const sources = data.sourcesOf.get(view.record.recordId) ?? [];
    if (view.data) {
      incidents.push({ recordId: view.record.recordId, incident: view.data, effectGroups: groupByCategory(effects), sources: sourcesOf(sources) });
      continue;
    }
    // A retracted incident has no fields to read; what it held is still shown, on its own.
    otherEffects.push(...effects);
    for (const source of sources) if (!otherSources.includes(source)) otherSources.push(source);
  }
  return { incidents, otherEffects: groupByCategory(otherEffects), otherSources: sourcesOf(otherSources) };
}
