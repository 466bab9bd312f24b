/**
 * The one API contract (DESIGN.md, "One contract, three callers"): for every
 * channel, the zod schema of its request and of its response. The engine's
 * dispatch parses requests with these; the renderer is typed by them. Every
 * request is a strict object: unknown keys are rejected.
 */
import { z } from 'zod';
import { RecordId, RecordType, RevisionId, SavableType, SignedRevision } from '../model/revision';
import type { ChannelName } from './names';
import type { Result } from './result';

export const languages = ['en', 'ru', 'kk'] as const;
export const Language = z.enum(languages);
export type Language = z.infer<typeof Language>;

const empty = z.strictObject({});

export const ArchiveStatus = z.discriminatedUnion('open', [
  z.strictObject({ open: z.literal(false), defaultPath: z.string() }),
  z.strictObject({
    open: z.literal(true),
    path: z.string(),
    archiveId: z.string(),
    name: z.string(),
    organization: z.string(),
    fingerprint: z.string(),
    encrypted: z.boolean(),
    /** Record files that were damaged or altered, found on open; the rest stays usable. */
    problems: z.array(z.strictObject({ file: z.string(), reason: z.enum(['unreadable', 'tampered']) })),
  }),
]);
export type ArchiveStatus = z.infer<typeof ArchiveStatus>;

export const RecordSummary = z.strictObject({
  recordId: RecordId,
  type: RecordType,
  headId: RevisionId,
  createdAt: z.string(),
  updatedAt: z.string(),
  revisionCount: z.number().int().positive(),
  retracted: z.boolean(),
  /** The head's fields; null when retracted. */
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type RecordSummary = z.infer<typeof RecordSummary>;

export const RecordDetail = z.strictObject({
  summary: RecordSummary,
  /** Every revision, oldest first. */
  history: z.array(SignedRevision),
});
export type RecordDetail = z.infer<typeof RecordDetail>;

const channel = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) => ({ request, response });

export const contract = {
  'app:info': channel(
    empty,
    z.strictObject({ version: z.string(), osLocale: z.string(), networkAllowed: z.literal(false) }),
  ),
  'settings:get': channel(empty, z.strictObject({ language: Language.nullable() })),
  'settings:set': channel(z.strictObject({ language: Language }), z.strictObject({ language: Language })),
  'archive:status': channel(empty, ArchiveStatus),
  'archive:create': channel(
    z.strictObject({
      path: z.string().min(1).max(4096).optional(),
      name: z.string().trim().min(1).max(200),
      organization: z.string().trim().max(200).default(''),
    }),
    ArchiveStatus,
  ),
  'archive:open': channel(z.strictObject({ path: z.string().min(1).max(4096).optional() }), ArchiveStatus),
  'archive:choose': channel(
    z.strictObject({ purpose: z.enum(['open', 'create']) }),
    z.strictObject({ path: z.string().nullable() }),
  ),
  'archive:stateHash': channel(empty, z.strictObject({ stateHash: z.string().regex(/^[0-9a-f]{64}$/) })),
  'records:list': channel(
    z.strictObject({ type: RecordType }),
    z.strictObject({ records: z.array(RecordSummary) }),
  ),
  'records:get': channel(z.strictObject({ recordId: RecordId }), RecordDetail),
  'records:save': channel(
    z.strictObject({
      type: SavableType,
      /** Absent for a new record. */
      recordId: RecordId.optional(),
      /** The head the edit started from; required with recordId. */
      parent: RevisionId.optional(),
      data: z.unknown(),
    }),
    z.strictObject({ recordId: RecordId, revisionId: RevisionId }),
  ),
  'records:retract': channel(
    z.strictObject({ recordId: RecordId, parent: RevisionId, reason: z.string().trim().max(2000).default('') }),
    z.strictObject({ recordId: RecordId, revisionId: RevisionId }),
  ),
  'key:show': channel(empty, z.strictObject({ publicKey: z.string(), fingerprint: z.string() })),
} satisfies Record<ChannelName, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type RequestOf<C extends ChannelName> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends ChannelName> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Contract[C]['response']>;

type DomainOf<C> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C, D extends string> = C extends `${D}:${infer V}` ? V : never;

/** `window.dalel`: one namespace per domain, one method per channel. */
export type DalelApi = {
  [D in DomainOf<ChannelName>]: {
    [V in VerbOf<ChannelName, D>]: (
      request: RequestOf<`${D}:${V}` & ChannelName>,
    ) => Promise<Result<ResponseOf<`${D}:${V}` & ChannelName>>>;
  };
};
