/**
 * Every field of an incident, read-only, grouped as the form groups them:
 * codes translated, times in the record's own offset, free text as written.
 * A field with no value says so rather than disappearing.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { serviceCodes, type Incident, type Timestamp } from '../../../shared/model';
import { CitedClaimsProvider, CitedClaimsSection } from '../citations/CitedClaims';
import { currentLanguage } from '../i18n';
import { Detail } from './Detail';
import { IntervalDetails } from './IntervalDetails';
import { OrderDetails, orderClaims } from './OrderDetails';
import { areaName, countryName, formatList, formatPeriod, formatTimestamp, offsetLabel } from './format';

/** The claims whose citations show beside their value; any other cited claim is listed after the details. */
const citedBeside = ['summary', 'areas', 'scope', 'kinds', 'services', 'operators', 'startedAt', 'endedAt', 'pattern', 'justification', 'context', 'orderedBy', 'acknowledged', 'legalBasis', 'rights'];

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
    <CitedClaimsProvider citations={incident.citations}>
      <div className="incident-details">
        <Group title={t('incidents:form.sections.description')}>
          <Detail cite="summary" label={t('incidents:fields.summary')} value={incident.summary && <p className="prose">{incident.summary}</p>} />
        </Group>
        <Group title={t('incidents:form.sections.place')}>
          <Detail label={t('incidents:fields.country')} value={countryName(incident.country, lng)} />
          <Detail cite="areas" label={t('incidents:fields.areas')} value={list(incident.areas.map((area) => areaName(area, lng, incident.startedAt.at)))} />
          <Detail cite="scope" label={t('incidents:fields.scope')} value={t(`taxonomy:scope.${incident.scope}`)} />
        </Group>
        <Group title={t('incidents:form.sections.disruption')}>
          <Detail cite="kinds" label={t('incidents:fields.kinds')} value={list(codes('kind', incident.kinds))} />
          <Detail cite="services" label={t('incidents:fields.services')} value={list(services)} />
          <Detail cite="operators" label={t('incidents:fields.operators')} value={list(incident.operators)} />
        </Group>
        <Group title={t('incidents:form.sections.time')}>
          <Detail label={t('incidents:list.period')} value={formatPeriod(incident, lng, t)} />
          <Detail cite="startedAt" label={t('incidents:fields.startedAt')} value={time(incident.startedAt)} />
          <Detail cite="endedAt" label={t('incidents:fields.endedAt')} value={incident.ongoing ? t('incidents:page.ongoing') : time(incident.endedAt)} />
          <Detail
            cite="pattern"
            label={t('incidents:fields.pattern')}
            value={[t(`taxonomy:pattern.${incident.pattern.kind}`), incident.pattern.description].filter(Boolean).join(': ')}
          />
          <IntervalDetails incident={incident} />
        </Group>
        <Group title={t('incidents:form.sections.authority')}>
          <Detail cite="justification" label={t('incidents:fields.justification')} value={list(codes('justification', incident.justification.codes))} />
          <Detail
            label={t('incidents:form.statement')}
            value={incident.justification.statement && <blockquote className="prose">{incident.justification.statement}</blockquote>}
          />
          <Detail cite="context" label={t('incidents:fields.context')} value={list(codes('context', incident.context))} />
          <Detail cite="orderedBy" label={t('incidents:fields.orderedBy')} value={incident.orderedBy} />
          <Detail cite="acknowledged" label={t('incidents:fields.acknowledged')} value={t(`taxonomy:acknowledged.${incident.acknowledged}`)} />
          <Detail cite="legalBasis" label={t('incidents:fields.legalBasis')} value={list(legalBasis)} />
        </Group>
        <OrderDetails incident={incident} />
        <Group title={t('incidents:form.sections.rights')}>
          <Detail cite="rights" label={t('incidents:fields.rights')} value={list(codes('right', incident.rights))} />
          <Detail label={t('incidents:fields.tags')} value={list(incident.tags)} />
          <Detail label={t('incidents:fields.confidential')} value={incident.confidential ? t('incidents:page.yes') : t('incidents:page.no')} />
          <Detail
            label={t('incidents:fields.sources')}
            value={incident.sources.length > 0 ? t('incidents:page.sourceCount', { count: incident.sources.length }) : null}
          />
        </Group>
        <CitedClaimsSection form="incident" shownBeside={[...citedBeside, ...orderClaims(incident)]} />
      </div>
    </CitedClaimsProvider>
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

