/**
 * Loads what the export screen's preview needs: every record's current
 * fields (`records:list`, one call per type) and, for the records chosen,
 * the evidence files each lists (`records:get`). Nothing is cached outside
 * the caller's component state, so a lock leaves nothing behind.
 */
import type { RecordType } from '../../../shared/model';
import { dalel, unwrap } from '../dalel';
import type { PreviewFile, PreviewRecord } from './profilePreview';

const types = ['incident', 'effect', 'source', 'intervention'] as const satisfies readonly RecordType[];

export async function loadExportRecords(): Promise<PreviewRecord[]> {
  const lists = await Promise.all(types.map(async (type) => unwrap(await dalel().records.list({ type })).records));
  return lists.flat().map((summary) => ({
    recordId: summary.recordId,
    type: summary.type as PreviewRecord['type'],
    retracted: summary.retracted,
    data: summary.data,
  }));
}

/** A few calls at a time: a large archive must not flood the engine with thousands at once. */
const parallelCalls = 8;

/** The evidence files of each record, by record id. */
export async function loadFilesOf(recordIds: readonly string[]): Promise<Map<string, PreviewFile[]>> {
  const files = new Map<string, PreviewFile[]>();
  const queue = [...recordIds];
  async function worker() {
    for (let recordId = queue.shift(); recordId !== undefined; recordId = queue.shift()) {
      const { attachments } = unwrap(await dalel().records.get({ recordId }));
      files.set(
        recordId,
        attachments.map(({ sha256, originalName, sensitive, mediaType, description }) => ({ recordId, sha256, originalName, sensitive, mediaType, description })),
      );
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallelCalls, queue.length) }, worker));
  return files;
}
