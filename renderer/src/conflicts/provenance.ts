/**
 * Where each revision of a record came from, in words: the parsing of the
 * custody log's notes is shared with the command (shared/model/provenance.ts);
 * this file words it for the screens. Pure.
 */
import type { TFunction } from 'i18next';
import type { Provenance } from '../../../shared/model/provenance';
import { shortFingerprint } from '../incidents/history';

export { provenanceByRevision, provenanceOfEvent, type Provenance } from '../../../shared/model/provenance';

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
