/**
 * Where each revision of a record came from, read from the record's chain of
 * custody: made here, imported from a signed bundle, merged from another
 * archive, or a resolution of a conflict. The notes it reads are the ones the
 * engine writes on import and merge (electron/engine/merge); a note in any
 * other form is kept as written, never guessed at. Pure: it shows what the
 * log says and verifies nothing.
 */
import type { TFunction } from 'i18next';
import type { CustodyAction, CustodyEvent } from '../../../shared/model';
import { shortFingerprint } from '../incidents/history';

export type Provenance =
  /** Saved or retracted with this archive's key. */
  | { kind: 'local' }
  /** Saved with another key, as a log from elsewhere recorded it. */
  | { kind: 'otherKey'; actor: string }
  | { kind: 'imported'; bundleId: string; profile: string; signer: string; signerName: string | null }
  | { kind: 'merged'; archiveId: string; archiveName: string; fingerprint: string }
  | { kind: 'resolved' }
  /** An event for the revision whose note is not in a form this app knows: shown as written. */
  | { kind: 'asRecorded'; action: CustodyAction; note: string }
  /** No event names the revision. */
  | { kind: 'unrecorded' };

const fingerprint = 'SHA256:[A-Za-z0-9+/]{43}';
/** `<bundleId> (<profile>) signed by SHA256:… (<trusted name>)`, the name only when the signer was trusted. */
const importedNote = new RegExp(`^(\\S+) \\((\\w+)\\) signed by (${fingerprint})(?: \\((.+)\\))?$`, 's');
/** `archive <uuid> "<name>" key SHA256:…` (quotes and line breaks in the name were made spaces). */
const mergedNote = new RegExp(`^archive (\\S+) "([^"]*)" key (${fingerprint})$`);

/** What one event says about where its revision came from. */
export function provenanceOfEvent(event: CustodyEvent, ownFingerprint: string): Provenance {
  const note = event.note ?? '';
  switch (event.action) {
    case 'record_saved':
    case 'record_retracted':
      return event.actor === ownFingerprint ? { kind: 'local' } : { kind: 'otherKey', actor: event.actor };
    case 'conflict_resolved':
      return event.actor === ownFingerprint ? { kind: 'resolved' } : { kind: 'otherKey', actor: event.actor };
    case 'bundle_imported': {
      const match = importedNote.exec(note);
      if (!match) return { kind: 'asRecorded', action: event.action, note };
      return { kind: 'imported', bundleId: match[1]!, profile: match[2]!, signer: match[3]!, signerName: match[4] ?? null };
    }
    case 'archive_merged': {
      const match = mergedNote.exec(note);
      if (!match) return { kind: 'asRecorded', action: event.action, note };
      return { kind: 'merged', archiveId: match[1]!, archiveName: match[2]!, fingerprint: match[3]! };
    }
    default:
      return { kind: 'asRecorded', action: event.action, note };
  }
}

/**
 * Each revision's origin, by revision id: the first event that names it,
 * since that is the one that brought it into this archive (a later event for
 * the same revision, if any, does not change where it came from).
 */
export function provenanceByRevision(events: readonly CustodyEvent[], ownFingerprint: string): Map<string, Provenance> {
  const origins = new Map<string, Provenance>();
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    if (!event.revisionId || origins.has(event.revisionId)) continue;
    origins.set(event.revisionId, provenanceOfEvent(event, ownFingerprint));
  }
  return origins;
}

/**
 * The origin in words. A signer is named as the import recorded it, else by
 * the name the owner trusts that key as today, else by its whole fingerprint.
 */
export function describeProvenance(origin: Provenance, t: TFunction, trustedNames: ReadonlyMap<string, string>): string {
  switch (origin.kind) {
    case 'local':
      return t('conflicts:provenance.local');
    case 'otherKey':
      return t('conflicts:provenance.otherKey', { key: origin.actor });
    case 'imported': {
      const name = origin.signerName ?? trustedNames.get(origin.signer);
      const signer = name ? t('conflicts:provenance.signerTrusted', { name, key: shortFingerprint(origin.signer) }) : origin.signer;
      return t('conflicts:provenance.imported', { bundleId: origin.bundleId, signer });
    }
    case 'merged':
      return t('conflicts:provenance.merged', { name: origin.archiveName, key: shortFingerprint(origin.fingerprint) });
    case 'resolved':
      return t('conflicts:provenance.resolved');
    case 'asRecorded': {
      const action = t(`taxonomy:custodyAction.${origin.action}`);
      return origin.note ? t('conflicts:provenance.asRecorded', { action, note: origin.note }) : action;
    }
    case 'unrecorded':
      return t('conflicts:provenance.unrecorded');
  }
}
