/**
 * Proofs of time (RFC 3161): `dalel timestamp` for a bundle, `dalel anchor`
 * and `dalel anchors` for an archive's custody log. The request is written
 * to a file to take to a connected machine, and the authority's answer added
 * back; the command itself sends the request only when the person names an
 * authority's address with --authority, and it prints that address before
 * it connects. That is the only connection Dalel ever makes.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { answersRequest } from '../../engine/timestamp/request';
import { readAnchors } from '../../engine/timestamp/token';
import { InputFailure, VerifyRejected } from '../failures';
import { printable } from '../terminalText';
import { type Command, type CommandContext, json, openArchive } from './context';

/** The largest answer read from an authority or a file: a token with its certificate chain is a few KiB. */
const maxResponseBytes = 150 * 1024;
/** How long an authority may take to answer. */
const authorityTimeoutMs = 60_000;

export const timeStampCommands: Record<string, Command> = {
  timestamp: {
    options: { request: { type: 'string' }, response: { type: 'string' }, authority: { type: 'string' }, json: { type: 'boolean' } },
    positionals: ['FILE'],
    // A request is a new file; an answer added changes the bundle.
    readOnly: true,
    changesWith: ['response', 'authority'],
    async run(context) {
      const { t } = context;
      const bundle = resolve(context.positionals[0]!);
      const { mode, value } = chosenMode(context);
      if (mode === 'request') {
        const written = await context.call('bundle:timeStampRequest', { path: bundle, out: resolve(value) });
        if (context.values.json) return json(context, written);
        return context.say(t('cli:timeStampRequestWritten', { out: written.out, bundleId: written.bundleId }));
      }
      const ask = (out: string) => context.call('bundle:timeStampRequest', { path: bundle, out });
      const response = mode === 'response' ? await readResponse(context, value) : await askAuthority(context, value, ask);
      const added = await context.call('bundle:addTimeStamp', { path: bundle, response: response.toString('base64') });
      if (context.values.json) return json(context, added);
      context.say(t('cli:timeStampAdded', { time: added.timestamp.time, authority: printable(added.timestamp.authority), bundleId: added.bundleId }));
      context.say(t('cli:bundleSha256', { sha256: added.sha256 }));
    },
  },

  anchor: {
    options: { request: { type: 'string' }, response: { type: 'string' }, authority: { type: 'string' }, json: { type: 'boolean' } },
    positionals: ['DIR'],
    // A request is a new file outside the archive; an answer kept changes the archive.
    readOnly: true,
    changesWith: ['response', 'authority'],
    async run(context) {
      const { t } = context;
      const { mode, value } = chosenMode(context);
      await openArchive(context);
      if (mode === 'request') {
        const written = await context.call('custody:anchorRequest', { out: resolve(value) });
        if (context.values.json) return json(context, written);
        return context.say(t('cli:anchorRequestWritten', { out: written.out, seq: written.seq }));
      }
      const ask = (out: string) => context.call('custody:anchorRequest', { out });
      const response = mode === 'response' ? await readResponse(context, value) : await askAuthority(context, value, ask);
      const added = await context.call('custody:addAnchor', { response: response.toString('base64') });
      if (context.values.json) return json(context, added);
      context.say(t('cli:anchorAdded', { seq: added.seq, time: added.timestamp.time, authority: printable(added.timestamp.authority) }));
    },
  },

  anchors: {
    options: { 'tsa-anchors': { type: 'string' }, json: { type: 'boolean' } },
    positionals: ['DIR'],
    readOnly: true,
    async run(context) {
      const { t } = context;
      const anchorsFile = context.values['tsa-anchors'];
      const trusted = typeof anchorsFile === 'string' ? await readInput(context, anchorsFile) : undefined;
      if (trusted && !readAnchors(trusted)) throw new InputFailure(t('cli:anchorsUnreadable', { file: anchorsFile as string }));
      await openArchive(context);
      const { anchors } = await context.call('custody:anchors', trusted === undefined ? {} : { timestampAnchors: trusted.toString('base64') });
      if (context.values.json) json(context, anchors);
      else if (!anchors.length) context.say(t('cli:anchorsNone'));
      for (const anchor of context.values.json ? [] : anchors) {
        const { seq, hash, timestamp, problem } = anchor;
        if (timestamp) {
          const trust = timestamp.anchored === null ? '' : ` ${t(timestamp.anchored ? 'cli:anchorTrusted' : 'cli:anchorNotTrusted')}`;
          context.say(t('cli:anchorLine', { seq, hash, time: timestamp.time, authority: printable(timestamp.authority) }) + trust);
        } else context.say(t('cli:anchorBroken', { seq, hash, problem: t(`cli:anchorProblem.${problem}`) }));
      }
      // Like `verify --tsa-anchors`: asked to hold the proofs to these anchors, one that does not hold, or none at all, is exit 1.
      const failing = anchors.some((anchor) => anchor.problem !== undefined || (trusted !== undefined && anchor.timestamp?.anchored !== true));
      if (failing || (trusted !== undefined && !anchors.length)) throw new VerifyRejected();
    },
  },
};

const modes = ['request', 'response', 'authority'] as const;

function chosenMode(context: CommandContext): { mode: (typeof modes)[number]; value: string } {
  const given = modes.filter((mode) => typeof context.values[mode] === 'string');
  if (given.length !== 1) throw new InputFailure(context.t('cli:timeStampOneMode'));
  return { mode: given[0]!, value: context.values[given[0]!] as string };
}

async function readInput(context: CommandContext, file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch {
    throw new InputFailure(context.t('cli:readInputFailed', { file }));
  }
}

async function readResponse(context: CommandContext, file: string): Promise<Buffer> {
  const bytes = await readInput(context, file);
  if (bytes.length > maxResponseBytes) throw new InputFailure(context.t('cli:timeStampResponseTooLarge', { file }));
  return bytes;
}

/**
 * Sends a request (written by `writeRequest` to a file of its own) to the
 * authority the person named, after saying where, and returns its answer,
 * once it is seen to answer this very request (its imprint and nonce).
 * Only a SHA-256 and a random nonce leave the machine.
 */
async function askAuthority(context: CommandContext, address: string, writeRequest: (out: string) => Promise<unknown>): Promise<Buffer> {
  const { t } = context;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new InputFailure(t('cli:authorityAddressInvalid', { address: printable(address) }));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InputFailure(t('cli:authorityAddressInvalid', { address: printable(address) }));
  if (url.username || url.password) {
    // A user name and password in the address: never sent (fetch refuses them) nor shown.
    url.username = '';
    url.password = '';
    throw new InputFailure(t('cli:authorityAddressInvalid', { address: printable(url.href) }));
  }

  const folder = await mkdtemp(join(tmpdir(), 'dalel-tsq-'));
  let request: Buffer;
  try {
    const out = join(folder, 'request.tsq');
    await writeRequest(out);
    request = await readFile(out);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }

  context.warn(t('cli:timeStampSending', { address: printable(url.href) }));
  let answer: Response;
  try {
    answer = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/timestamp-query', Accept: 'application/timestamp-reply' },
      body: new Uint8Array(request),
      redirect: 'error',
      signal: AbortSignal.timeout(authorityTimeoutMs),
    });
  } catch {
    throw new InputFailure(t('cli:authorityUnreachable', { address: printable(url.href) }));
  }
  if (!answer.ok || !answer.body) throw new InputFailure(t('cli:authorityRefused', { address: printable(url.href), status: answer.status }));
  // The time limit covers the answer's body too: one that trickles in past it is no answer.
  const bytes = await readAtMost(answer.body, maxResponseBytes).catch(() => {
    throw new InputFailure(t('cli:authorityUnreachable', { address: printable(url.href) }));
  });
  if (!bytes) throw new InputFailure(t('cli:timeStampResponseTooLarge', { file: printable(url.href) }));
  // SECURITY: only here is the request still at hand (a request file taken to another machine is not kept):
  // an answer to an earlier request for the same bytes, sent again, or one without the nonce asked for, is no answer.
  if (!answersRequest(bytes, request)) throw new InputFailure(t('cli:authorityAnswerNotForRequest', { address: printable(url.href) }));
  return bytes;
}

/** A body of at most `limit` bytes, or null (and the connection dropped) when it is longer. */
async function readAtMost(body: ReadableStream<Uint8Array>, limit: number): Promise<Buffer | null> {
  const pieces: Uint8Array[] = [];
  let length = 0;
  for await (const piece of body) {
    length += piece.length;
    if (length > limit) {
      await body.cancel().catch(() => {});
      return null;
    }
    pieces.push(piece);
  }
  return Buffer.concat(pieces);
}
