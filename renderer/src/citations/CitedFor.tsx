/**
 * A source's page: "Cited for", each live incident and effect whose claims
 * cite this source, linked to its page, with each claim named as its form
 * names it, whether the source supports or contradicts it, and where in
 * the source.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Effect, Incident } from '../../../shared/model';
import { dalel, unwrap } from '../dalel';
import { hrefOf } from '../router';
import { citedFor, type CitedUse, type CitingRecord } from './citedFor';
import { useClaimLabel } from './useClaimLabel';

async function loadCitingRecords(nameOfCategory: (category: string) => string): Promise<CitingRecord[]> {
  const [incidents, effects] = await Promise.all([dalel().records.list({ type: 'incident' }), dalel().records.list({ type: 'effect' })]);
  const rows: CitingRecord[] = [];
  for (const summary of unwrap(incidents).records) {
    const incident = summary.retracted ? null : Incident.safeParse(summary.data);
    if (incident?.success) rows.push({ recordId: summary.recordId, type: 'incident', name: incident.data.title, citations: incident.data.citations });
  }
  for (const summary of unwrap(effects).records) {
    const effect = summary.retracted ? null : Effect.safeParse(summary.data);
    if (effect?.success) rows.push({ recordId: summary.recordId, type: 'effect', name: nameOfCategory(effect.data.category), citations: effect.data.citations });
  }
  return rows;
}

export function CitedFor({ sourceId }: { sourceId: string }) {
  const { t } = useTranslation();
  const [uses, setUses] = useState<CitedUse[] | null>(null);
  useEffect(() => {
    let current = true;
    loadCitingRecords((category) => t(`taxonomy:category.${category}`)).then(
      (records) => current && setUses(citedFor(sourceId, records)),
      () => current && setUses([]),
    );
    return () => {
      current = false;
    };
  }, [sourceId, t]);
  if (!uses) return null;
  return (
    <section className="detail-group cited-for" aria-labelledby="cited-for-title">
      <h2 id="cited-for-title">{t('evidence:citations.citedFor.title')}</h2>
      {uses.length === 0 ? (
        <p className="not-recorded">{t('evidence:citations.citedFor.empty')}</p>
      ) : (
        <ul>
          {uses.map((use) => (
            <CitedUseItem key={use.recordId} use={use} />
          ))}
        </ul>
      )}
    </section>
  );
}

function CitedUseItem({ use }: { use: CitedUse }) {
  const { t } = useTranslation();
  const claimLabel = useClaimLabel(use.type);
  return (
    <li>
      <a href={hrefOf({ screen: use.type, recordId: use.recordId })}>{t(`evidence:citations.citedFor.${use.type}`, { title: use.name })}</a>
      <ul>
        {use.citations.map((citation) => (
          <li key={`${citation.field} ${citation.stance}`}>
            {claimLabel(citation.field)}: {t(`taxonomy:stance.${citation.stance}`)}
            {citation.locator && `, ${t('evidence:citations.page.locator', { locator: citation.locator })}`}
          </li>
        ))}
      </ul>
    </li>
  );
}
