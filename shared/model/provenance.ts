/**
 * Where a line of the custody log says its revision (or file) came from:
 * made here, imported from a signed bundle, merged from another archive, or
 * a resolution of a conflict. It reads the notes the engine writes on import
 * and merge (electron/engine/merge); a note in any other form is kept as
 * written, never guessed at. Pure, shared by the app's views and the
 * command: it shows what the log says and verifies nothing.
 */
import type { CustodyAction, CustodyEvent } from './custody';

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
