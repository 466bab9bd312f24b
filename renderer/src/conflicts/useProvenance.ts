/**
 * The origin of each revision of one record, read from its chain of custody
 * (`custody:list`) and parsed by provenance.ts, with the names the owner
 * trusts signers as (`trust:list`) to name them. Read again when `refresh`
 * changes (a new revision appends events).
 */
import { useEffect, useState } from 'react';
import { dalel } from '../dalel';
import { provenanceByRevision, type Provenance } from './provenance';

export interface Origins {
  byRevision: ReadonlyMap<string, Provenance>;
  /** Trusted names by fingerprint. */
  trustedNames: ReadonlyMap<string, string>;
}

export function useProvenance(recordId: string | undefined, ownFingerprint: string, refresh: unknown): Origins | null {
  const [origins, setOrigins] = useState<Origins | null>(null);
  useEffect(() => {
    if (!recordId) return;
    let current = true;
    void Promise.all([dalel().custody.list({ recordId }), dalel().trust.list({})]).then(([custody, trust]) => {
      if (!current) return;
      // Without the log, no origin is claimed: each revision then says it is not recorded.
      setOrigins({
        byRevision: provenanceByRevision(custody.ok ? custody.value.events : [], ownFingerprint),
        trustedNames: new Map(trust.ok ? trust.value.signers.map((signer) => [signer.fingerprint, signer.name] as const) : []),
      });
    });
    return () => {
      current = false;
    };
  }, [recordId, ownFingerprint, refresh]);
  return origins;
}
