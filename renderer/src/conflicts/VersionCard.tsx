/**
 * One version of a record in conflict, as a column: who made it, when, where
 * it came from, the "Keep this version" action, and its fields in words (the
 * history's formatter), each field that differs from another version marked
 * "Differs" in text as well as by its frame.
 */
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SignedRevision } from '../../../shared/model';
import { currentLanguage } from '../i18n';
import { formatInstant } from '../incidents/format';
import { valueFormatter } from '../incidents/revisionValues';

export interface VersionCardProps {
  signed: SignedRevision;
  number: number;
  count: number;
  fields: readonly string[];
  differing: ReadonlySet<string>;
  /** The namespace:prefix of the field labels. */
  labels: string;
  author: string | null;
  origin: string | null;
  chosen: boolean;
  /** Null while nothing may be chosen (a resolution is being saved). */
  onKeep: (() => void) | null;
  /** Whether "Show identifying details" was pressed (a person's answers are masked until then). */
  showIdentity: boolean;
}

export function VersionCard({ signed, number, count, fields, differing, labels, author, origin, chosen, onKeep, showIdentity }: VersionCardProps) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const valueText = valueFormatter(t, lng, { showIdentity });
  const headingId = `version-${signed.id}`;
  const data = signed.revision.data;
  const label = (field: string) => (labels && i18next.exists(`${labels}.${field}`) ? t(`${labels}.${field}`) : field);
  return (
    <section className={`version-card${chosen ? ' chosen' : ''}`} aria-labelledby={headingId} data-revision-id={signed.id}>
      <h3 id={headingId}>
        {t('conflicts:resolve.version', { number, count })}
        {chosen && (
          <>
            {' '}
            <span className="badge badge-chosen">{t('conflicts:resolve.chosen')}</span>
          </>
        )}
      </h3>
      <dl className="version-meta">
        <div>
          <dt>{t('conflicts:resolve.madeBy')}</dt>
          <dd className="version-author">{author ?? t('common:loading')}</dd>
        </div>
        <div>
          <dt>{t('conflicts:resolve.madeAt')}</dt>
          <dd>
            <time dateTime={signed.revision.createdAt}>{formatInstant(signed.revision.createdAt, lng)}</time>
          </dd>
        </div>
        {origin && (
          <div>
            <dt>{t('conflicts:resolve.origin')}</dt>
            <dd className="version-origin">{origin}</dd>
          </div>
        )}
      </dl>
      <button type="button" className="primary keep-version" aria-describedby={headingId} disabled={!onKeep} onClick={onKeep ?? undefined}>
        {t('conflicts:resolve.keep')}
      </button>
      {data === null ? (
        <div className="version-retracted">
          <p>{t('conflicts:resolve.retracted')}</p>
          {signed.revision.retraction?.reason && <p>{t('conflicts:resolve.retractedReason', { reason: signed.revision.retraction.reason })}</p>}
          <p>{t('conflicts:resolve.retractedKeep')}</p>
        </div>
      ) : (
        <>
          <dl className="version-fields">
            {fields.map((field) => {
              const text = valueText(field, data[field]);
              const differs = differing.has(field);
              return (
                <div key={field} className={differs ? 'version-field field-differs' : 'version-field'} data-field={field}>
                  <dt>
                    {label(field)}
                    {differs && (
                      <>
                        {' '}
                        <span className="differs-mark">{t('conflicts:resolve.differs')}</span>
                      </>
                    )}
                  </dt>
                  <dd>{text ?? <span className="change-empty">{t('conflicts:resolve.empty')}</span>}</dd>
                </div>
              );
            })}
          </dl>
        </>
      )}
    </section>
  );
}
