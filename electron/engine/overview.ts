/**
 * The overview of the open archive (`records:overview`): the pure
 * aggregation of shared/overview run here, over the record summaries the
 * store already keeps, so that only the few numbers the screen draws cross
 * IPC, never 100k summaries. It reads and never writes, and keeps nothing
 * between calls.
 */
import { aggregateOverview, type Overview, type OverviewRequest } from '../../shared/overview';
import type { Archive } from './archive';

/** `now` ends the ongoing shutdowns on the timeline; `request` may limit every number to a range of days. */
export function overviewOf(archive: Pick<Archive, 'listRecords'>, now: number, request: OverviewRequest = {}): Overview {
  return aggregateOverview(archive.listRecords('incident'), archive.listRecords('effect'), { now, from: request.from, to: request.to });
}
