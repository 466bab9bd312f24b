/** The "new incident" screen: an empty form whose save makes a new record (`records:save` without an id). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/PageTitle';
import { dalel } from '../dalel';
import { hrefOf, navigate } from '../router';
import { emptyDraft } from './form/draft';
import { IncidentForm } from './form/IncidentForm';

export function NewIncident() {
  const { t } = useTranslation();
  const [initial] = useState(emptyDraft);
  return (
    <div className="incident-editor">
      <PageTitle id="incident-form-title" text={t('incidents:new.title')} />
      <p className="lead">{t('incidents:new.intro')}</p>
      <IncidentForm
        initial={initial}
        labelledBy="incident-form-title"
        cancelHref={hrefOf({ screen: 'list' })}
        save={(data) => dalel().records.save({ type: 'incident', data })}
        onSaved={(recordId) => navigate({ screen: 'incident', recordId })}
      />
    </div>
  );
}
