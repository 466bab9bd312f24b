/**
 * The verifier in a worker thread of its own (isolatedVerify.ts): built as
 * its own entry (out/main/verifyWorker.js), it checks one bundle file and
 * posts its progress and its result. If a hostile bundle exhausts the memory
 * this thread is allowed, only this thread dies; the app goes on.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { verifyBundleContents } from './verify';
import type { WorkerRequest, WorkerMessage } from './isolatedVerify';

const { path, options } = workerData as WorkerRequest;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
const result = await verifyBundleContents(path, { ...options, onProgress: (done, total) => post({ kind: 'progress', done, total }) });
post({ kind: 'result', result });
