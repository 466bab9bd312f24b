/**
 * The Chrome DevTools protocol over a pipe (`--remote-debugging-pipe`):
 * JSON messages ended by a NUL byte, written to the browser's fd 3 and read
 * from its fd 4. No port is opened, so nothing else on the machine can
 * reach the browser while it holds the report.
 */
import type { Readable, Writable } from 'node:stream';

interface Pending {
  resolve(result: Record<string, unknown>): void;
  reject(error: Error): void;
}

export class DevtoolsPipe {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private buffered = Buffer.alloc(0);

  constructor(
    private readonly toBrowser: Writable,
    fromBrowser: Readable,
  ) {
    fromBrowser.on('data', (chunk: Buffer) => this.receive(chunk));
    fromBrowser.on('close', () => this.failAll(new Error('the browser closed its pipe')));
  }

  /** Sends one command (to a page's session when given) and waits for its answer. */
  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  failAll(error: Error): void {
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }

  private receive(chunk: Buffer): void {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    for (let end = this.buffered.indexOf(0); end >= 0; end = this.buffered.indexOf(0)) {
      const message = JSON.parse(this.buffered.subarray(0, end).toString('utf8')) as { id?: number; result?: Record<string, unknown>; error?: { message?: string } };
      this.buffered = this.buffered.subarray(end + 1);
      const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiting) continue; // an event: not listened to
      this.pending.delete(message.id!);
      if (message.error) waiting.reject(new Error(message.error.message ?? 'devtools error'));
      else waiting.resolve(message.result ?? {});
    }
  }
}
