/**
 * How the organization's commands word what they read (commands/organization.ts):
 * where a custody line or a revision came from, one line per custody event,
 * and a record's versions in conflict, side by side as plain lines. Pure over
 * what the contract answered; it never calls the engine and never verifies.
 */
import type { TFunction } from 'i18next';
import type { RecordDetail } from '../../../shared/ipc';
import type { CustodyEvent, SignedRevision } from '../../../shared/model';
import { provenanceOfEvent, type Provenance } from '../../../shared/model/provenance';
import { canonicalJson } from '../../engine/canonical';
import { fingerprintOfLine } from '../../engine/signingKey';

/** Who the archive knows: its own key, and the names it trusts other keys as. */
export interface KnownKeys {
  own: string;
  trustedNames: ReadonlyMap<string, string>;
}

/** A bundle's signer as its import recorded it, else by the name the archive trusts that key as today, else by its fingerprint. */
function signerText(t: TFunction, origin: Extract<Provenance, { kind: 'imported' }>, keys: KnownKeys): string {
  const name = origin.signerName ?? keys.trustedNames.get(origin.signer);
  return name ? t('conflicts:provenance.signerTrusted', { name, key: origin.signer }) : origin.signer;
}

/**
 * An origin in the words the app uses for it (conflicts:provenance). Keys are
 * named by their whole fingerprint, which the app shortens on screen: what a
 * command prints is read to be compared and checked.
 */
function originText(t: TFunction, origin: Provenance, keys: KnownKeys): string {
  switch (origin.kind) {
    case 'local':
      return t('conflicts:provenance.local');
    case 'resolved':
      return t('conflicts:provenance.resolved');
    case 'otherKey':
      return t('conflicts:provenance.otherKey', { key: origin.actor });
    case 'imported':
      return t('conflicts:provenance.imported', { bundleId: origin.bundleId, signer: signerText(t, origin, keys) });
    case 'merged':
      return t('conflicts:provenance.merged', { name: origin.archiveName, key: origin.fingerprint });
    case 'asRecorded':
      return origin.note;
    case 'unrecorded':
      return t('conflicts:provenance.unrecorded');
  }
}

/**
 * Where one line of the log came from: this archive, a bundle (its id,
 * profile and signer), another archive (its name, id and key), or another
 * key. A line whose note says no more than what was done (a key trusted, a
 * bundle exported) was made here: its note follows in brackets. An import
 * or merge note in a form not known is shown as written, never as "here".
 */
function custodyOrigin(t: TFunction, event: CustodyEvent, keys: KnownKeys): string {
  const origin = provenanceOfEvent(event, keys.own);
  switch (origin.kind) {
    case 'imported':
      return t('cli:custody.origin.bundle', { bundleId: origin.bundleId, profile: origin.profile, signer: signerText(t, origin, keys) });
    case 'merged':
      return t('cli:custody.origin.archive', { name: origin.archiveName, archiveId: origin.archiveId, key: origin.fingerprint });
    case 'asRecorded':
      if (event.action === 'bundle_imported' || event.action === 'archive_merged') return t('cli:custody.origin.asRecorded', { note: origin.note });
      break;
  }
  const made = event.actor === keys.own ? t('cli:custody.origin.here') : t('cli:custody.origin.otherKey', { key: event.actor });
  return origin.kind === 'asRecorded' && origin.note ? `${made} (${origin.note})` : made;
}

/** One line of the custody log: its number, time, action, what it concerns, and where it came from. */
export function custodyLine(t: TFunction, event: CustodyEvent, keys: KnownKeys): string {
  const about = [
    event.recordId && t('cli:custody.record', { id: event.recordId }),
    event.revisionId && t('cli:custody.revision', { id: event.revisionId }),
    // With a record, the hashes are its evidence files; without, a bundle's tag manifest or a report (in --json).
    ...(event.recordId ? (event.hashes ?? []).map((sha256) => t('cli:custody.file', { sha256 })) : []),
  ].filter(Boolean);
  return [`#${event.seq}`, event.at, t(`taxonomy:custodyAction.${event.action}`), ...about, custodyOrigin(t, event, keys)].join('  ');
}

/** The record's current versions, oldest first (ties by id): the order the app shows them in. */
export function conflictVersions(detail: Pick<RecordDetail, 'summary' | 'history'>): SignedRevision[] {
  const heads = new Set(detail.summary.heads);
  return detail.history
    .filter((signed) => heads.has(signed.id))
    .sort((a, b) => a.revision.createdAt.localeCompare(b.revision.createdAt) || a.id.localeCompare(b.id));
}

/**
 * The fields whose values are not the same in every version that has fields
 * (a retraction has none); every field when only one version has any.
 */
function differingFields(versions: readonly SignedRevision[]): string[] {
  const data = versions.flatMap((signed) => (signed.revision.data ? [signed.revision.data] : []));
  const fields = [...new Set(data.flatMap((fields) => Object.keys(fields)))].sort();
  const text = (value: unknown) => (value === undefined ? '' : canonicalJson(value));
  return data.length < 2 ? fields : fields.filter((field) => new Set(data.map((fields) => text(fields[field]))).size > 1);
}

const valueText = (value: unknown) => (value === undefined ? '—' : typeof value === 'string' ? value.replace(/\s*\n\s*/g, ' ⏎ ') : JSON.stringify(value));

/**
 * A record's versions in conflict, for a person to choose from: each one's
 * revision id (what --keep takes), who made it and when, where it came from,
 * and the fields in which the versions differ.
 */
export function describeVersions(t: TFunction, versions: readonly SignedRevision[], origins: ReadonlyMap<string, Provenance>, keys: KnownKeys): string[] {
  const fields = differingFields(versions);
  const lines: string[] = [];
  for (const signed of versions) {
    const author = fingerprintOfLine(signed.revision.author);
    const name = keys.trustedNames.get(author);
    const key = author === keys.own ? t('cli:resolve.ownKey') : name ? t('cli:resolve.trustedKey', { name, key: author }) : t('cli:resolve.otherKey', { key: author });
    lines.push(`  ${signed.id}`);
    lines.push(`    ${t('cli:resolve.madeBy', { at: signed.revision.createdAt, key })}`);
    lines.push(`    ${originText(t, origins.get(signed.id) ?? { kind: 'unrecorded' }, keys)}`);
    const { data, retraction } = signed.revision;
    if (data === null) lines.push(`    ${t('cli:resolve.retracts', { reason: retraction?.reason || '—' })}`);
    else if (!fields.length) lines.push(`    ${t('cli:resolve.sameFields')}`);
    else for (const field of fields) lines.push(`    ${field}: ${valueText(data[field])}`);
  }
  return lines;
}
