/**
 * An effect's page: "Sources for this effect", every source the effect
 * lists, each linked to its page with its kind, and under it each claim of
 * the effect that the source is cited for (supports or contradicts, and
 * where in the source). A listed source no longer in the archive (retracted,
 * or withheld from the bundle this came in) is named as such, never by id.
 */
import { useTranslation } from 'react-i18next';
import type { Effect } from '../../../shared/model';
import { useArchiveSources } from '../citations/useArchiveSources';
import { useClaimLabel } from '../citations/useClaimLabel';
import { hrefOf } from '../router';
import './trace.css';

export function EffectSources({ effect }: { effect: Effect }) {
  const { t } = useTranslation();
  const rows = useArchiveSources();
  const claimLabel = useClaimLabel('effect');
  if (!rows) return null;
  const byId = new Map(rows.map((row) => [row.summary.recordId, row]));
  // A cited source is also listed (the schema says so); the union keeps an older record readable.
  const ids = [...new Set([...effect.sources, ...(effect.citations ?? []).map((citation) => citation.source)])];
  return (
    <section className="detail-group trace-sources" aria-labelledby="effect-sources-title">
      <h2 id="effect-sources-title">{t('evidence:effect.sourcesTitle')}</h2>
      {ids.length === 0 ? (
        <p className="not-recorded">{t('evidence:effect.sourcesNone')}</p>
      ) : (
        <ul>
          {ids.map((id) => {
            const row = byId.get(id);
            const citations = (effect.citations ?? []).filter((citation) => citation.source === id);
            return (
              <li key={id}>
                {row ? (
                  <a href={hrefOf({ screen: 'source', recordId: id })}>
                    {t('evidence:citations.sourceOption', { title: row.source.title, kind: t(`taxonomy:sourceKind.${row.source.kind}`) })}
                  </a>
                ) : (
                  <span>{t('evidence:citations.page.missingSource')}</span>
                )}
                {citations.length > 0 && (
                  <ul>
                    {citations.map((citation) => (
                      <li key={citation.field}>
                        {claimLabel(citation.field)}: {t(`taxonomy:stance.${citation.stance}`)}
                        {citation.locator && `, ${t('evidence:citations.page.locator', { locator: citation.locator })}`}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
