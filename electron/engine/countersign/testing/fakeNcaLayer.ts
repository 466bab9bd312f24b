/**
 * Test helper: an NCALayer of the suite's own — a WebSocket over TLS on
 * 127.0.0.1 with a self-signed certificate, as NCALayer's is, speaking its
 * "basics" protocol: a greeting on connection, then each request answered
 * as the test says (`answer`), every request and connection recorded. Its
 * `signs` answer signs with the test lawyer's key through Debian's OpenSSL
 * (`openssl cms -sign`, detached), as the key in NCALayer would.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { TestLawyer } from './testLawyer';

export type NcaLayerAnswer = (request: Record<string, unknown>, socket: WebSocket) => void;

export interface FakeNcaLayer {
  address: string;
  requests: Record<string, unknown>[];
  connections: () => number;
  /** How the next requests are answered. */
  answer: NcaLayerAnswer;
  /** Answers with the lawyer's detached signature of the request's data, after a heartbeat, as NCALayer does. */
  signs: NcaLayerAnswer;
  close(): Promise<void>;
}

export const requestData = (request: Record<string, unknown>) => Buffer.from((request.args as { data: string }).data, 'base64');

export async function startFakeNcaLayer(folder: string, lawyer: TestLawyer): Promise<FakeNcaLayer> {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ncalayer.key', '-out', 'ncalayer.crt', '-days', '2', '-subj', '/CN=127.0.0.1'], { cwd: folder, stdio: 'pipe' });
  const server = createServer({ key: readFileSync(join(folder, 'ncalayer.key')), cert: readFileSync(join(folder, 'ncalayer.crt')) });
  const sockets = new WebSocketServer({ server });
  let connections = 0;
  let signed = 0;
  const signs: NcaLayerAnswer = (request, socket) => {
    const input = join(folder, `ncalayer-data-${signed++}`);
    writeFileSync(input, requestData(request));
    const der = execFileSync('openssl', ['cms', '-sign', '-binary', '-outform', 'DER', '-in', input, '-signer', lawyer.certificateFile, '-inkey', lawyer.keyFile, '-md', 'sha256']);
    socket.send('--heartbeat--');
    socket.send(JSON.stringify({ status: true, body: { result: [der.toString('base64')] } }));
  };
  const fake: FakeNcaLayer = {
    address: '',
    requests: [],
    connections: () => connections,
    answer: signs,
    signs,
    close: async () => {
      sockets.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  sockets.on('connection', (socket) => {
    connections += 1;
    socket.send(JSON.stringify({ result: { version: '1.4' } }));
    socket.on('message', (raw) => {
      const request = JSON.parse(String(raw)) as Record<string, unknown>;
      fake.requests.push(request);
      fake.answer(request, socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.address = `wss://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return fake;
}
