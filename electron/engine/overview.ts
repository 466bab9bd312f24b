/**
 * The overview of the open archive (`records:overview`): the pure
 * aggregation of shared/overview run here, over the record summaries the
 * store already keeps, so that only the few numbers the screen draws cross
 * IPC, never 100k summaries. It reads and never writes, and keeps nothing
 * between calls.
 */
import { aggregateOverview, type Overview } from '../../shared/overview';
import type { Archive } from './archive';

/** `now` ends the ongoing shutdowns on the timeline. */
export function overviewOf(archive: Pick<Archive, 'listRecords'>, now: number): Overview {
  return aggregateOverview(archive.listRecords('incident'), archive.listRecords('effect'), { now });
}
