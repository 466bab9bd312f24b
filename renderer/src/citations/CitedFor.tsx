/**
 * A source's page: "What rests on this source", every live incident, effect
 * and intervention that lists or cites it (`records:references`, read by the
 * engine), each linked to its page, with each claim it cites the source for
 * named as its form names it, whether the source supports or contradicts
 * it, and where in the source. A record that lists the source without
 * citing it for a claim says so.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { citedField } from '../../../shared/model';
import { dalel, unwrap } from '../dalel';
import { hrefOf } from '../router';
import { sourceUses, type CitingType, type SourceUse } from '../trace/citingUses';

const fieldLabels: Record<CitingType, string> = { incident: 'incidents:fields', effect: 'evidence:effect.fields', intervention: 'interventions:fields' };

export function CitedFor({ sourceId }: { sourceId: string }) {
  const { t } = useTranslation();
  const [uses, setUses] = useState<SourceUse[] | null>(null);
  useEffect(() => {
    let current = true;
    dalel()
      .records.references({ recordId: sourceId })
      .then(unwrap)
      .then(
        ({ references }) => current && setUses(sourceUses(references)),
        () => current && setUses([]),
      );
    return () => {
      current = false;
    };
  }, [sourceId]);
  if (!uses) return null;
  return (
    <section className="detail-group cited-for" aria-labelledby="cited-for-title">
      <h2 id="cited-for-title">{t('evidence:citations.citedFor.title')}</h2>
      {uses.length === 0 ? (
        <p className="not-recorded">{t('evidence:citations.citedFor.empty')}</p>
      ) : (
        <ul>
          {uses.map((use) => (
            <SourceUseItem key={use.recordId} use={use} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SourceUseItem({ use }: { use: SourceUse }) {
  const { t } = useTranslation();
  const title = use.type === 'effect' ? t(`taxonomy:category.${use.title}`, { defaultValue: use.title }) : use.title;
  const claim = (path: string) => {
    const { field, index } = citedField({ field: path });
    const label = t([`${fieldLabels[use.type]}.${field}`, `evidence:citations.claims.${field}`], { defaultValue: field });
    return index === undefined ? label : t('evidence:citations.entry', { field: label, number: index + 1 });
  };
  return (
    <li>
      <a href={hrefOf({ screen: use.type, recordId: use.recordId })}>{t(`evidence:citations.citedFor.${use.type}`, { title })}</a>
      {use.citations.length === 0 ? (
        <p className="cited-listed">{t('evidence:citations.citedFor.listed')}</p>
      ) : (
        <ul>
          {use.citations.map((citation) => (
            <li key={`${citation.field} ${citation.stance}`}>
              {claim(citation.field)}: {t(`taxonomy:stance.${citation.stance}`)}
              {citation.locator && `, ${t('evidence:citations.page.locator', { locator: citation.locator })}`}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
