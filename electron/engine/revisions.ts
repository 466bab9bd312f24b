/**
 * Making and checking signed revisions (docs/spec/data-model.md,
 * "Revisions"): the id is the sha256 of the revision's canonical JSON
 * (format 1) or of its committed form (format 2, made from now on:
 * ./disclosure.ts), and the author's signature covers it. A revision whose id or signature does not match is never
 * accepted, whatever its source.
 */
import { Revision, SignedRevision, revisionFormat, type RecordType } from '../../shared/model';
import { newDisclosureKey, revisionIdOf } from './disclosure';
import { SigningKey, verifyIdSignature, verifyIdSignatureInPool } from './signingKey';

export interface NewRevision {
  recordId: string;
  type: RecordType;
  parents: string[];
  data: Record<string, unknown> | null;
  retraction?: { reason: string };
  createdAt?: Date;
}

export function signRevision(key: SigningKey, input: NewRevision): SignedRevision {
  const revision: Revision = {
    format: revisionFormat,
    recordId: input.recordId,
    type: input.type,
    parents: [...input.parents].sort(),
    author: key.publicLine,
    createdAt: (input.createdAt ?? new Date()).toISOString(),
    data: input.data,
    ...(input.retraction ? { retraction: input.retraction } : {}),
    disclosureKey: newDisclosureKey(),
  };
  const id = revisionIdOf(revision);
  return { id, signature: key.signId(id), revision };
}

export type RevisionCheck = { ok: true; revision: SignedRevision } | { ok: false; detail: string };

/** Parses an untrusted value as a signed revision and checks its id and signature. */
export function checkSignedRevision(value: unknown): RevisionCheck {
  const parsed = parseRevision(value);
  if (!parsed.ok) return parsed;
  const signed = parsed.revision;
  if (!verifyIdSignature(signed.revision.author, signed.id, signed.signature)) return badSignature(signed);
  return parsed;
}

/** The same check with the signature verified in Node's thread pool: many of these run on every core at once. */
export async function checkSignedRevisionInPool(value: unknown): Promise<RevisionCheck> {
  const parsed = parseRevision(value);
  if (!parsed.ok) return parsed;
  const signed = parsed.revision;
  if (!(await verifyIdSignatureInPool(signed.revision.author, signed.id, signed.signature))) return badSignature(signed);
  return parsed;
}

function parseRevision(value: unknown): RevisionCheck {
  const parsed = SignedRevision.safeParse(value);
  if (!parsed.success) return { ok: false, detail: 'not a revision' };
  const signed = parsed.data;
  if (revisionIdOf(signed.revision) !== signed.id) return { ok: false, detail: `revision ${signed.id} does not match its content` };
  return { ok: true, revision: signed };
}

const badSignature = (signed: SignedRevision): RevisionCheck => ({ ok: false, detail: `revision ${signed.id} has an invalid signature` });
