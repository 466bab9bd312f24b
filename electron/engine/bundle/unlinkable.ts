/**
 * SECURITY: what keeps a public bundle from being linked to the archive, to
 * a legal bundle of the same records, or to another public bundle. A record
 * id, a custody line's number or a time to the millisecond is the same in
 * every bundle that carries it; a state that obtains a legal bundle through
 * the courts could match them and name the defender behind a publication.
 * So a public bundle gets record ids of its own (fresh for each bundle, with
 * every reference rewritten), custody lines numbered from 0, records in a
 * random order, and times to the day. Pseudonyms are made per bundle where they are made.
 */
import { randomUUID } from 'node:crypto';
import type { BundleAttachment, BundleCustodyEvent, BundleRecord } from '../../../shared/model';

interface PublicContent {
  records: BundleRecord[];
  attachments: BundleAttachment[];
  custody: BundleCustodyEvent[];
}

/** The items in a random order. */
function shuffled<T>(items: readonly T[]): T[] {
  const keyed = items.map((item) => ({ item, key: randomUUID() }));
  return keyed.sort((a, b) => (a.key < b.key ? -1 : 1)).map(({ item }) => item);
}

const isCitation = (value: unknown): value is { source: string } =>
  typeof value === 'object' && value !== null && typeof (value as { source?: unknown }).source === 'string';

const isLink = (value: unknown): value is { incident: string } =>
  typeof value === 'object' && value !== null && typeof (value as { incident?: unknown }).incident === 'string';

/** An ISO time to the start of its UTC day. */
const toDay = (iso: string) => `${iso.slice(0, 10)}T00:00:00.000Z`;

export function unlinkable({ records, attachments, custody }: PublicContent): PublicContent {
  // A reference to a record the bundle does not carry gets an id of its own too.
  const ids = new Map<string, string>();
  const idOf = (id: string) => {
    if (!ids.has(id)) ids.set(id, randomUUID());
    return ids.get(id)!;
  };
  const rewrite = (data: Record<string, unknown> | null): Record<string, unknown> | null => {
    if (!data) return data;
    const copy = { ...data };
    if (typeof copy.incident === 'string') copy.incident = idOf(copy.incident);
    if (Array.isArray(copy.sources)) copy.sources = copy.sources.map((id) => (typeof id === 'string' ? idOf(id) : id));
    // An intervention names the incidents it is about: their new ids, or the real ones would link the bundles.
    if (Array.isArray(copy.incidents)) copy.incidents = copy.incidents.map((id) => (typeof id === 'string' ? idOf(id) : id));
    // An incident's link names the other incident by id: the same rewrite, for the same reason.
    if (Array.isArray(copy.links)) copy.links = copy.links.map((link: unknown) => (isLink(link) ? { ...link, incident: idOf(link.incident) } : link));
    // A citation names its source by id: the same id as in `sources`, or it would point at nothing and link the bundles.
    if (Array.isArray(copy.citations)) copy.citations = copy.citations.map((citation: unknown) => (isCitation(citation) ? { ...citation, source: idOf(citation.source) } : citation));
    return copy;
  };
  return {
    // Records in the order of their new ids: the archive's order (by the first digits of the real id) is gone too.
    records: shuffled(records).map((record) => ({
      ...record,
      recordId: idOf(record.recordId),
      createdAt: toDay(record.createdAt),
      updatedAt: toDay(record.updatedAt),
      data: rewrite(record.data),
    })),
    attachments: attachments.map((attachment) => ({ ...attachment, recordId: idOf(attachment.recordId), addedAt: toDay(attachment.addedAt) })),
    custody: custody.map((line, index) => ({
      ...line,
      seq: index,
      at: toDay(line.at),
      ...(line.recordId ? { recordId: idOf(line.recordId) } : {}),
    })),
  };
}
