/**
 * The "Complaints and cases" section of an incident page: the live
 * complaints, court cases and UN communications about the incident, each
 * with its kind, body, reference, dates and outcome and a link to its page,
 * and the "Add complaint or case" action. Loads its own list, so that the
 * incident page only places it.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictListMark } from '../conflicts/ConflictMark';
import { currentLanguage } from '../i18n';
import { hrefOf } from '../router';
import { interventionFacts } from './interventionFacts';
import { loadInterventions, type InterventionRow } from './interventionRecords';

export function InterventionsSection({ incidentId, canAdd }: { incidentId: string; canAdd: boolean }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<InterventionRow[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    loadInterventions(incidentId).then(
      (loaded) => current && setRows(loaded),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [incidentId]);

  return (
    <section className="evidence-section" aria-labelledby="interventions-title">
      <h2 id="interventions-title">{t('interventions:section.title')}</h2>
      <p className="hint">{t('interventions:section.intro')}</p>
      {failed && <p className="error-message">{t('interventions:section.loadFailed')}</p>}
      {!failed && !rows && <p className="loading">{t('common:loading')}</p>}
      {rows?.length === 0 && <p>{t('interventions:section.empty')}</p>}
      {rows && rows.length > 0 && (
        <ul className="evidence-list">
          {rows.map(({ summary, intervention }) => (
            <li key={summary.recordId} className="evidence-item">
              <p>
                <a href={hrefOf({ screen: 'intervention', recordId: summary.recordId })}>{intervention.title}</a>
                {intervention.confidential && <span className="badge badge-confidential">{t('incidents:status.confidential')}</span>}
                <ConflictListMark summary={summary} />
              </p>
              <dl className="evidence-facts">
                {interventionFacts(intervention, t, currentLanguage()).map(([label, value]) => (
                  <div key={label}>
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ul>
      )}
      {canAdd && (
        <p>
          <a className="button" href={hrefOf({ screen: 'newIntervention', incidentId })}>
            {t('interventions:section.add')}
          </a>
        </p>
      )}
    </section>
  );
}
