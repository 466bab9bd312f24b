/**
 * Loads the rows of the effects and sources lists through `records:list`:
 * the live effects, each with its incident's title, and the live sources.
 * A retracted record is left out of these lists (it keeps its page and
 * history). Nothing is cached outside the caller's component state.
 */
import { dalel, unwrap } from '../dalel';
import { readEffect } from '../evidence/evidenceRecords';
import type { EffectListRow } from '../../../shared/lists/effectQuery';

export async function loadEffectListRows(): Promise<EffectListRow[]> {
  const [effects, incidents] = await Promise.all([dalel().records.list({ type: 'effect' }), dalel().records.list({ type: 'incident' })]);
  const titles = new Map<string, string>();
  for (const summary of unwrap(incidents).records) {
    const title = summary.data?.title;
    if (typeof title === 'string') titles.set(summary.recordId, title);
  }
  return unwrap(effects).records.flatMap((summary) => {
    const effect = summary.retracted ? null : readEffect(summary.data);
    return effect ? [{ summary, effect, incidentTitle: titles.get(effect.incident) ?? null }] : [];
  });
}
