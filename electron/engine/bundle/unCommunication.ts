/**
 * The draft communication to UN special procedures that a `legal` bundle
 * carries as `data/un-communication.html` (issue 18, docs/spec/bundle-format.md,
 * "The UN communication template"), in the bundle's language. The document
 * itself is drawn from bundle.json alone (shared/report/unCommunication.ts);
 * this adds what only the archive knows: a source in conflict, whose other
 * version took back consent to the UN, is named by no version. No other
 * profile carries it: an `internal` bundle moves records between archives,
 * and a `public` one names nobody.
 */
import { allows, readConsent, type Bundle } from '../../../shared/model';
import type { ReportLanguage } from '../../../shared/report';
import { renderUnCommunication } from '../../../shared/report/unCommunication';
import type { Archive } from '../archive';

export const unCommunicationPath = 'data/un-communication.html';

/** The document for a `legal` bundle; null for any other profile. */
export function unCommunicationFor(archive: Archive, bundle: Bundle, language: ReportLanguage): string | null {
  if (bundle.profile !== 'legal') return null;
  return renderUnCommunication(bundle, language, { notToName: refusedInAnyVersion(archive, bundle) });
}

/**
 * SECURITY: the sources of the bundle with two or more current versions of
 * which any does not allow identification to the UN: the bundle carries one
 * version's consent, and a version made elsewhere without the withdrawal
 * must not name a person who took the UN use back.
 */
function refusedInAnyVersion(archive: Archive, bundle: Bundle): Set<string> {
  const refused = new Set<string>();
  for (const record of bundle.records) {
    if (record.type !== 'source' || record.data === null) continue;
    const { summary, history } = archive.getRecord(record.recordId);
    if (summary.heads.length < 2) continue;
    const versions = history.filter((signed) => summary.heads.includes(signed.id));
    const consentOf = (data: unknown) => (typeof data === 'object' && data !== null ? (data as Record<string, unknown>).consent : undefined);
    if (versions.some((signed) => !allows(readConsent(consentOf(signed.revision.data)), 'unNamed'))) refused.add(record.recordId);
  }
  return refused;
}
