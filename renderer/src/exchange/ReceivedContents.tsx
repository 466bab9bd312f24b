/**
 * A received bundle's records, to read: each incident with its title,
 * areas, period and summary; its effects on people by category; the
 * sources, with a person as the redacted data has them (a pseudonym in place
 * of a name the profile left out). Plain text, no editing and no link into
 * the archive's own records: these are someone else's redacted copies.
 */
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bundle } from '../../../shared/model';
import type { EffectFields, SourceFields } from '../../../shared/report/records';
import { IdentityToggle } from '../evidence/IdentityToggle';
import { currentLanguage } from '../i18n';
import { areaName, formatList, formatPeriod } from '../incidents/format';
import { readBundle, type EffectGroup, type SourceReading } from './receivedReading';

export function ReceivedContents({ bundle, headingId }: { bundle: Bundle; headingId: string }) {
  const { t } = useTranslation('exchange');
  const lng = currentLanguage();
  const reading = readBundle(bundle);
  const empty = reading.incidents.length === 0 && reading.otherEffects.length === 0 && reading.otherSources.length === 0;
  return (
    <section className="received-contents" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('read.title', { bundleId: bundle.bundleId })}</h3>
      <p className="hint">{t('read.redactedNote', { profile: t(`report:profile.${bundle.profile}.name`) })}</p>
      {empty && <p>{t('read.empty')}</p>}
      {reading.incidents.map(({ recordId, incident, effectGroups, sources }) => (
        <article key={recordId} className="received-incident" aria-labelledby={`read-${recordId}`}>
          <h4 id={`read-${recordId}`}>{incident.title ?? t('report:untitled')}</h4>
          <dl className="facts">
            <div>
              <dt>{t('incidents:fields.areas')}</dt>
              <dd>{incident.areas?.length ? formatList(incident.areas.map((area) => areaName(area, lng, incident.startedAt?.at)), t) : t('report:notRecorded')}</dd>
            </div>
            <div>
              <dt>{t('incidents:list.period')}</dt>
              <dd>{incident.startedAt ? formatPeriod({ startedAt: incident.startedAt, endedAt: incident.endedAt, ongoing: incident.ongoing ?? false }, lng, t) : t('report:notRecorded')}</dd>
            </div>
            {incident.summary && (
              <div className="wide">
                <dt>{t('incidents:fields.summary')}</dt>
                <dd className="prose">{incident.summary}</dd>
              </div>
            )}
          </dl>
          <Effects groups={effectGroups} />
          <Sources sources={sources} />
        </article>
      ))}
      {reading.otherEffects.length > 0 && (
        <div className="received-other">
          <h4>{t('read.otherEffects')}</h4>
          <Effects groups={reading.otherEffects} />
        </div>
      )}
      {reading.otherSources.length > 0 && (
        <div className="received-other">
          <h4>{t('read.otherSources')}</h4>
          <Sources sources={reading.otherSources} />
        </div>
      )}
    </section>
  );
}

function Effects({ groups }: { groups: EffectGroup[] }) {
  const { t } = useTranslation('exchange');
  if (groups.length === 0) return null;
  return (
    <>
      <h5>{t('evidence:effects.title')}</h5>
      <dl className="received-effects">
        {groups.map(({ category, effects }) => (
          <div key={category ?? ''}>
            <dt>{category ? t(`taxonomy:category.${category}`, { defaultValue: category }) : t('read.unknownCategory')}</dt>
            {effects.map(({ recordId, effect }) => (
              <dd key={recordId}>{effectLine(effect, t)}</dd>
            ))}
          </div>
        ))}
      </dl>
    </>
  );
}

function effectLine(effect: EffectFields, t: TFunction): string {
  const severity = effect.severity ? t(`taxonomy:severity.${effect.severity}`) : null;
  return [severity, effect.description?.trim() || null].filter(Boolean).join(' — ') || t('evidence:effect.untitled');
}

function Sources({ sources }: { sources: SourceReading[] }) {
  const { t } = useTranslation('exchange');
  const [shown, setShown] = useState(false);
  if (sources.length === 0) return null;
  const listId = `received-sources-${sources[0]!.recordId}`;
  return (
    <>
      <h5>{t('evidence:sources.title')}</h5>
      {sources.some(({ source }) => !source.person?.pseudonym && source.person?.name) && (
        <IdentityToggle shown={shown} onToggle={() => setShown((was) => !was)} controls={listId} />
      )}
      <ul className="received-sources" id={listId}>
        {sources.map(({ recordId, source }) => (
          <li key={recordId}>
            <p className="received-source-title">
              {source.kind && <span className="received-source-kind">{t(`taxonomy:sourceKind.${source.kind}`)}: </span>}
              {source.title ?? t('report:untitled')}
            </p>
            {source.person && <p>{personLine(source.person, t, shown)}</p>}
            {source.content && <p className="prose">{source.content}</p>}
            {source.url && (
              <p>
                {t('evidence:source.fields.url')}: <bdi className="received-url">{source.url}</bdi>
              </p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** SECURITY: a name the bundle carries reads as "hidden" until "Show identifying details" is pressed, as on a source's own page. */
export function personLine(person: NonNullable<SourceFields['person']>, t: TFunction, shown: boolean): string {
  const name = shown ? person.name : `${t('evidence:source.fields.name')}: ${t('evidence:source.identity.masked')}`;
  const who = person.pseudonym ? t('read.pseudonym', { pseudonym: person.pseudonym }) : (person.name && name) || t('read.unnamed');
  const role = person.role ? t(`taxonomy:personRole.${person.role}`) : null;
  return `${t('evidence:source.fields.person')}: ${[who, role].filter(Boolean).join(', ')}`;
}
