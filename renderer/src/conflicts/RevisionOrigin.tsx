/**
 * One line saying where a revision came from (provenance.ts), in the UI
 * language; nothing while the custody log is still loading.
 */
import { useTranslation } from 'react-i18next';
import { describeProvenance } from './provenance';
import type { Origins } from './useProvenance';

export function RevisionOrigin({ revisionId, origins }: { revisionId: string; origins: Origins | null }) {
  const { t } = useTranslation();
  if (!origins) return null;
  return <p className="revision-origin">{describeProvenance(origins.byRevision.get(revisionId) ?? { kind: 'unrecorded' }, t, origins.trustedNames)}</p>;
}
