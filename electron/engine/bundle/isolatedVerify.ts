/**
 * Checking a bundle file where a failure cannot take the app down (issue
 * 17, item 5): in a worker thread with a memory limit of its own. The
 * budgets of limits.ts keep every known attack far below it; the limit is
 * for the attack nobody has found yet. A worker that dies (out of memory, or
 * anything else) is a refusal in the report, never a crash of the engine;
 * cancelling ends the worker. Without a built worker file (tests run from
 * the sources) the check runs in this thread, as before.
 */
import { Worker } from 'node:worker_threads';
import type { VerifyReport } from '../../../shared/bagit';
import { verifyBundleContents, type VerifiedContents, type VerifyOptions } from './verify';

/** The memory the worker may use: twice the most the budgets let a real check take. */
export const workerHeapMb = 640;

export interface WorkerRequest {
  path: string;
  options: Pick<VerifyOptions, 'trusted' | 'requireTrusted' | 'limits' | 'timestampAnchors' | 'countersignatureAnchors'>;
}

export type WorkerMessage = { kind: 'progress'; done: number; total: number } | { kind: 'result'; result: VerifiedContents };

const refused = (reason: 'cancelled' | 'verifierStopped'): VerifiedContents => ({
  report: { valid: false, checks: [], failure: { reason } } satisfies VerifyReport,
});

export function verifyIsolated(workerFile: string | undefined, path: string, options: VerifyOptions = {}, heapMb = workerHeapMb): Promise<VerifiedContents> {
  if (!workerFile) return verifyBundleContents(path, options);
  const { trusted, requireTrusted, limits, timestampAnchors, countersignatureAnchors, onProgress, signal } = options;
  if (signal?.aborted) return Promise.resolve(refused('cancelled'));
  return new Promise((resolve) => {
    const worker = new Worker(workerFile, {
      workerData: { path, options: { trusted, requireTrusted, limits, timestampAnchors, countersignatureAnchors } } satisfies WorkerRequest,
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    let result: VerifiedContents | null = null;
    const stop = () => void worker.terminate();
    signal?.addEventListener('abort', stop, { once: true });
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') onProgress?.(message.done, message.total);
      else result = message.result;
    });
    // An error (ERR_WORKER_OUT_OF_MEMORY among them) is followed by 'exit'.
    worker.on('error', () => {});
    worker.on('exit', () => {
      signal?.removeEventListener('abort', stop);
      resolve(result ?? refused(signal?.aborted ? 'cancelled' : 'verifierStopped'));
    });
  });
}
