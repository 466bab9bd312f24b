/**
 * A record page's citations. `CitedClaimsProvider` reads the record's
 * citations once (shared/model claimsOf) with the archive's sources;
 * `CitedClaim` shows one field's citations beside it; `CitedClaimsSection`
 * lists, under "Which source says what", each cited claim not shown beside
 * its field (all of an effect's, and an incident's list entries).
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { claimsOf, type Citation, type ClaimSupport } from '../../../shared/model';
import type { SourceRow } from '../evidence/evidenceRecords';
import type { CitingForm } from './citationRows';
import { ClaimCitations } from './ClaimCitations';
import { useArchiveSources } from './useArchiveSources';
import { useClaimLabel } from './useClaimLabel';

interface Cited {
  claims: ReadonlyMap<string, ClaimSupport>;
  sources: ReadonlyMap<string, SourceRow>;
}

const CitedContext = createContext<Cited>({ claims: new Map(), sources: new Map() });

export function CitedClaimsProvider({ citations, children }: { citations: readonly Citation[] | undefined; children: ReactNode }) {
  const rows = useArchiveSources();
  const claims = new Map(claimsOf(citations).map((claim) => [claim.field, claim]));
  const sources = new Map((rows ?? []).map((row) => [row.summary.recordId, row]));
  return <CitedContext.Provider value={{ claims, sources }}>{children}</CitedContext.Provider>;
}

/** The citations of one claim ("acknowledged"), or nothing when none cites it. */
export function CitedClaim({ field }: { field: string }) {
  const { claims, sources } = useContext(CitedContext);
  const claim = claims.get(field);
  return claim ? <ClaimCitations claim={claim} sources={sources} /> : null;
}

/** Each cited claim but those shown beside their field, with the form's name for it. */
export function CitedClaimsSection({ form, shownBeside = [] }: { form: CitingForm; shownBeside?: readonly string[] }) {
  const { t } = useTranslation();
  const claimLabel = useClaimLabel(form);
  const { claims, sources } = useContext(CitedContext);
  const listed = [...claims.values()].filter((claim) => !shownBeside.includes(claim.field));
  if (listed.length === 0) return null;
  return (
    <section className="detail-group cited-claims" aria-labelledby={`${form}-cited-claims-title`}>
      <h2 id={`${form}-cited-claims-title`}>{t('evidence:citations.page.title')}</h2>
      <dl>
        {listed.map((claim) => (
          <div className="detail" key={claim.field}>
            <dt>{claimLabel(claim.field)}</dt>
            <dd>
              <ClaimCitations claim={claim} sources={sources} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
