/**
 * What the cited sources say of one claim, as a record page shows it next
 * to the claim: how many sources support it, a flag in words when sources
 * contradict each other (never colour alone), and each citation: the
 * source's title linked to its page, whether it supports or contradicts,
 * and where in the source. A cited source no longer in the archive (retracted)
 * is named as such, never by its id.
 */
import { useTranslation } from 'react-i18next';
import type { ClaimSupport } from '../../../shared/model';
import { hrefOf } from '../router';
import type { SourceRow } from '../evidence/evidenceRecords';
import './citations.css';

interface Props {
  claim: ClaimSupport;
  sources: ReadonlyMap<string, SourceRow>;
}

export function ClaimCitations({ claim, sources }: Props) {
  const { t } = useTranslation();
  const citations = [...claim.supporting, ...claim.contradicting];
  return (
    <div className="claim-citations">
      <p className="claim-corroboration">
        {claim.corroboration > 0 ? t('evidence:citations.page.corroboration', { count: claim.corroboration }) : t('evidence:citations.page.noSupport')}
        {claim.contested && (
          <>
            {' '}
            <strong className="badge badge-contested">{t('evidence:citations.page.contested')}</strong>
          </>
        )}
      </p>
      <ul aria-label={t('evidence:citations.page.citedBy')}>
        {citations.map((citation) => {
          const row = sources.get(citation.source);
          return (
            <li key={`${citation.source} ${citation.stance}`} className={`citation citation-${citation.stance}`}>
              {row ? <a href={hrefOf({ screen: 'source', recordId: citation.source })}>{row.source.title}</a> : <span>{t('evidence:citations.page.missingSource')}</span>}
              {': '}
              <span className="citation-stance">{t(`taxonomy:stance.${citation.stance}`)}</span>
              {citation.locator && <span className="citation-locator">, {t('evidence:citations.page.locator', { locator: citation.locator })}</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
