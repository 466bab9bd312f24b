/**
 * Every field of an incident, read-only, grouped as the form groups them:
 * codes translated, times in the record's own offset, free text as written.
 * A field with no value says so rather than disappearing.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { serviceCodes, type Incident, type Timestamp } from '../../../shared/model';
import { currentLanguage } from '../i18n';
import { areaName, countryName, formatList, formatPeriod, formatTimestamp, offsetLabel } from './format';

export function IncidentDetails({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const codes = (prefix: string, values: readonly string[]) => values.map((value) => t(`taxonomy:${prefix}.${value}`));
  const list = (values: readonly string[]) => (values.length > 0 ? formatList(values, t) : null);
  const time = (timestamp: Timestamp | undefined) =>
    timestamp &&
    t('incidents:page.timestamp', {
      time: formatTimestamp(timestamp, lng),
      offset: offsetLabel(timestamp.at, t),
      precision: t(`taxonomy:precision.${timestamp.precision}`),
    });
  const services = incident.services.map((service) =>
    (serviceCodes as readonly string[]).includes(service) ? t(`taxonomy:service.${service}`) : service,
  );
  const legalBasis = [...codes('legalBasis', incident.legalBasis.codes), ...(incident.legalBasis.other ? [incident.legalBasis.other] : [])];

  return (
    <div className="incident-details">
      <Group title={t('incidents:form.sections.description')}>
        <Detail label={t('incidents:fields.summary')} value={incident.summary && <p className="prose">{incident.summary}</p>} />
      </Group>
      <Group title={t('incidents:form.sections.place')}>
        <Detail label={t('incidents:fields.country')} value={countryName(incident.country, lng)} />
        <Detail label={t('incidents:fields.areas')} value={list(incident.areas.map((area) => areaName(area, lng)))} />
        <Detail label={t('incidents:fields.scope')} value={t(`taxonomy:scope.${incident.scope}`)} />
      </Group>
      <Group title={t('incidents:form.sections.disruption')}>
        <Detail label={t('incidents:fields.kinds')} value={list(codes('kind', incident.kinds))} />
        <Detail label={t('incidents:fields.services')} value={list(services)} />
        <Detail label={t('incidents:fields.operators')} value={list(incident.operators)} />
      </Group>
      <Group title={t('incidents:form.sections.time')}>
        <Detail label={t('incidents:list.period')} value={formatPeriod(incident, lng, t)} />
        <Detail label={t('incidents:fields.startedAt')} value={time(incident.startedAt)} />
        <Detail label={t('incidents:fields.endedAt')} value={incident.ongoing ? t('incidents:page.ongoing') : time(incident.endedAt)} />
        <Detail
          label={t('incidents:fields.pattern')}
          value={[t(`taxonomy:pattern.${incident.pattern.kind}`), incident.pattern.description].filter(Boolean).join(': ')}
        />
      </Group>
      <Group title={t('incidents:form.sections.authority')}>
        <Detail label={t('incidents:fields.justification')} value={list(codes('justification', incident.justification.codes))} />
        <Detail
          label={t('incidents:form.statement')}
          value={incident.justification.statement && <blockquote className="prose">{incident.justification.statement}</blockquote>}
        />
        <Detail label={t('incidents:fields.context')} value={list(codes('context', incident.context))} />
        <Detail label={t('incidents:fields.orderedBy')} value={incident.orderedBy} />
        <Detail label={t('incidents:fields.acknowledged')} value={t(`taxonomy:acknowledged.${incident.acknowledged}`)} />
        <Detail label={t('incidents:fields.legalBasis')} value={list(legalBasis)} />
      </Group>
      <Group title={t('incidents:form.sections.rights')}>
        <Detail label={t('incidents:fields.rights')} value={list(codes('right', incident.rights))} />
        <Detail label={t('incidents:fields.tags')} value={list(incident.tags)} />
        <Detail label={t('incidents:fields.confidential')} value={incident.confidential ? t('incidents:page.yes') : t('incidents:page.no')} />
        <Detail
          label={t('incidents:fields.sources')}
          value={incident.sources.length > 0 ? t('incidents:page.sourceCount', { count: incident.sources.length }) : null}
        />
      </Group>
    </div>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="detail-group">
      <h2>{title}</h2>
      <dl>{children}</dl>
    </section>
  );
}

function Detail({ label, value }: { label: string; value: ReactNode }) {
  const { t } = useTranslation();
  const empty = value === null || value === undefined || value === '' || value === false;
  return (
    <div className="detail">
      <dt>{label}</dt>
      <dd className={empty ? 'not-recorded' : undefined}>{empty ? t('incidents:page.notRecorded') : value}</dd>
    </div>
  );
}
