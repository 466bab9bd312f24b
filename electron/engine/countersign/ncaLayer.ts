/**
 * A lawyer's countersignature through NCALayer, the signing program of
 * Kazakhstan's national certification centre (НУЦ РК), on the same
 * computer: the key never leaves NCALayer or the lawyer's token, and
 * NCALayer itself asks which key and for its password.
 *
 * The one connection Dalel makes here is to NCALayer's own WebSocket on
 * this computer (`ncaLayerAddress`), only when the person chooses it, with
 * the address shown first (docs/spec/bundle-format.md, "A lawyer's
 * countersignature"). Anything but a loopback address is refused before
 * connecting. It sends the tag manifest, which the bundle carries openly,
 * and asks for a detached CMS signature of it ("kz.gov.pki.knca.basics",
 * method "sign"). NCALayer's certificate for 127.0.0.1 is its own, trusted
 * by browsers it installs into but not by Node: it is accepted unchecked,
 * since TLS protects nothing here — what is sent is public, and what comes
 * back is checked as any countersignature is (its signature over this tag
 * manifest, its certificate shown and chained to the person's anchors)
 * before anything is added.
 */
import WebSocket from 'ws';
import { EngineError } from '../errors';

export const ncaLayerAddress = 'wss://127.0.0.1:13579/';

export interface NcaLayerOptions {
  /** Tests point it at their own NCALayer; always a loopback address. */
  address?: string;
  /** NCALayer's own dialogs in the person's language. */
  locale: 'en' | 'ru' | 'kk';
  /** How long to wait for NCALayer to answer the connection. */
  connectTimeoutMs?: number;
  /** How long the person may take in NCALayer's dialogs (choosing the key, the password). */
  signTimeoutMs?: number;
  signal?: AbortSignal;
}

/** A CMS signature is a few kilobytes; NCALayer's answer is JSON around its base64. */
const maxAnswerBytes = 4 * 2 ** 20;
const loopback = new Set(['127.0.0.1', '[::1]', 'localhost']);
/** NCALayer's key usage for signing documents (id-kp-emailProtection is how NCA marks signing keys). */
const signingKeyUsage = '1.3.6.1.5.5.7.3.4';

/** The address as it will be connected to, when it is NCALayer's kind of address on this computer; null otherwise. */
export function loopbackAddress(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  // SECURITY: the tag manifest goes to NCALayer on this computer and nowhere else; no credentials, query or fragment either.
  if (!['wss:', 'ws:'].includes(url.protocol) || !loopback.has(url.hostname) || url.username || url.password || url.search || url.hash) return null;
  return url.href;
}

function checkedAddress(address: string): string {
  const checked = loopbackAddress(address);
  if (checked === null) throw new EngineError('ncaLayerUnreachable', { address });
  return checked;
}

/** The request of NCALayer's "basics" module: a detached CMS signature of `data`, by a signing key of the person's choosing. */
export function ncaLayerSignRequest(data: Uint8Array, locale: NcaLayerOptions['locale']): Record<string, unknown> {
  return {
    module: 'kz.gov.pki.knca.basics',
    method: 'sign',
    args: {
      allowedStorages: null,
      format: 'cms',
      data: Buffer.from(data).toString('base64'),
      signingParams: { decode: true, encapsulate: false, digested: false, tsaProfile: null },
      signerParams: { extKeyUsageOids: [signingKeyUsage], chain: null },
      locale,
    },
  };
}

type Answer = { signature: Uint8Array } | { problem: 'cancelled' | 'refused' | 'malformed'; message?: string };

/** The signature in NCALayer's answer, in the shapes its versions give it, or why there is none. */
export function readNcaLayerAnswer(text: string): Answer {
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    return { problem: 'malformed' };
  }
  if (typeof answer !== 'object' || answer === null) return { problem: 'malformed' };
  const { status, code, message, body, responseObject } = answer as Record<string, unknown>;
  const words = typeof message === 'string' ? message.slice(0, 500) : undefined;
  if (status === false || (code !== undefined && code !== '200' && status !== true)) {
    return { problem: code === 'USER_CANCELED' ? 'cancelled' : 'refused', ...(words ? { message: words } : {}) };
  }
  const result = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).result : responseObject;
  const first = Array.isArray(result) ? result[0] : result;
  // NCALayer answers a closed dialog with success and nothing in it.
  if (first === undefined || first === null || first === '') return { problem: 'cancelled' };
  if (typeof first !== 'string') return { problem: 'malformed' };
  const base64 = first.replace(/-----(BEGIN|END) [A-Z0-9 ]+-----/g, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return { problem: 'malformed' };
  return { signature: new Uint8Array(Buffer.from(base64, 'base64')) };
}

/** Whether a message is NCALayer talking to itself: its greeting, a heartbeat or a keep-alive. */
function isChatter(text: string): boolean {
  if (text === '--heartbeat--') return true;
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const result = value?.result as Record<string, unknown> | undefined;
    return Object.keys(value ?? {}).length === 0 || (typeof result === 'object' && result !== null && 'version' in result && !('status' in value));
  } catch {
    return false;
  }
}

/**
 * Asks NCALayer on this computer for a detached CMS signature of `data`
 * (the tag manifest); returns the signature's DER bytes, unchecked (the
 * caller checks it as any countersignature). Throws an `EngineError`:
 * `ncaLayerUnreachable` (not running, or not an address on this computer),
 * `ncaLayerCancelled`, `ncaLayerRefused` (NCALayer's own words as `message`),
 * `ncaLayerAnswerMalformed`, `ncaLayerTimedOut`.
 */
export async function signWithNcaLayer(data: Uint8Array, options: NcaLayerOptions): Promise<Uint8Array> {
  const address = checkedAddress(options.address ?? ncaLayerAddress);
  const connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
  const signTimeoutMs = options.signTimeoutMs ?? 10 * 60_000;
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(address, { rejectUnauthorized: false, maxPayload: maxAnswerBytes, followRedirects: false, perMessageDeflate: false, handshakeTimeout: connectTimeoutMs });
    let settled = false;
    let sent = false;
    let timer = setTimeout(() => finish(new EngineError('ncaLayerUnreachable', { address })), connectTimeoutMs);
    const finish = (outcome: Uint8Array | EngineError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', abort);
      socket.removeAllListeners();
      socket.on('error', () => {});
      socket.terminate();
      if (outcome instanceof EngineError) reject(outcome);
      else resolve(outcome);
    };
    const abort = () => finish(new EngineError('cancelled'));
    if (options.signal?.aborted) return abort();
    options.signal?.addEventListener('abort', abort);
    socket.on('open', () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(new EngineError('ncaLayerTimedOut', { address })), signTimeoutMs);
      socket.send(JSON.stringify(ncaLayerSignRequest(data, options.locale)));
      sent = true;
    });
    socket.on('message', (raw) => {
      const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : Array.isArray(raw) ? Buffer.concat(raw).toString('utf8') : Buffer.from(raw).toString('utf8');
      if (!sent || isChatter(text)) return;
      const answer = readNcaLayerAnswer(text);
      if ('signature' in answer) return finish(answer.signature);
      if (answer.problem === 'cancelled') return finish(new EngineError('ncaLayerCancelled'));
      if (answer.problem === 'refused') return finish(new EngineError('ncaLayerRefused', { message: answer.message ?? '' }));
      finish(new EngineError('ncaLayerAnswerMalformed'));
    });
    socket.on('error', () => finish(sent ? new EngineError('ncaLayerAnswerMalformed') : new EngineError('ncaLayerUnreachable', { address })));
    // NCALayer closes the connection when its window is closed mid-way.
    socket.on('close', () => finish(sent ? new EngineError('ncaLayerCancelled') : new EngineError('ncaLayerUnreachable', { address })));
  });
}
