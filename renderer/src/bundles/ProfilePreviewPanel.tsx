/**
 * The preview beside the export form: what the bundle will hold for the
 * chosen records and profile, and by name what the profile leaves out or
 * changes (people named by a pseudonym, testimonies left out whole,
 * evidence files kept back and why, photos and videos cleaned, records
 * whose confidential text stays out), and what to check first. Drawn from
 * `previewProfile`; the engine applies the same rules on export. The names
 * of the people it withholds stay hidden until "Show" is pressed, as on
 * every page (evidence/IdentityToggle.tsx).
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IdentityToggle } from '../evidence/IdentityToggle';
import type { PreviewRecord, ProfilePreview } from './profilePreview';
import type { MediaLocations } from './useMediaLocations';

interface Props {
  /** Null while the evidence files of the chosen records are still being listed. */
  preview: ProfilePreview | null;
  /** Legal: which originals record where they were made; null for other profiles. */
  locations: MediaLocations | null;
}

export function ProfilePreviewPanel({ preview, locations }: Props) {
  const { t } = useTranslation();
  return (
    <section id="export-preview" className="export-preview" aria-labelledby="export-preview-title">
      <h2 id="export-preview-title">{t('verify:export.preview.title')}</h2>
      {!preview ? (
        <p className="loading">{t('verify:export.preview.loading')}</p>
      ) : (
        <PreviewContent preview={preview} locations={locations} />
      )}
    </section>
  );
}

function PreviewContent({ preview, locations }: { preview: ProfilePreview; locations: MediaLocations | null }) {
  const { t } = useTranslation();
  const { counts, redactions } = preview;
  const [showIdentity, setShowIdentity] = useState(false);
  const nameOf = (record: PreviewRecord) => String((record.data?.person as { name?: unknown } | undefined)?.name ?? '').trim();
  const holdsNames = preview.pseudonymized.some((record) => nameOf(record) !== '') || preview.warnings.namesInText.length > 0;
  const nothingLeftOut = Object.values(redactions).every((count) => count === 0);
  const recordTitle = (record: PreviewRecord) =>
    record.type === 'effect' ? t(`taxonomy:category.${String(record.data?.category ?? '')}`) : String(record.data?.title ?? '');
  const personOf = (record: PreviewRecord) => {
    const name = nameOf(record);
    if (name && !showIdentity) return t('verify:export.preview.personHidden', { source: recordTitle(record) });
    return name
      ? t('verify:export.preview.person', { name, source: recordTitle(record) })
      : t('verify:export.preview.personUnnamed', { source: recordTitle(record) });
  };
  return (
    <>
      <h3>{t('verify:export.preview.holds')}</h3>
      <ul className="export-counts">
        <li>{t('report:counts.incidents', { count: counts.incidents })}</li>
        <li>{t('report:counts.effects', { count: counts.effects })}</li>
        <li>{t('report:counts.sources', { count: counts.sources })}</li>
        {counts.interventions > 0 && <li>{t('report:counts.interventions', { count: counts.interventions })}</li>}
        <li>{t('report:counts.files', { count: counts.files })}</li>
      </ul>
      {holdsNames && <IdentityToggle shown={showIdentity} onToggle={() => setShowIdentity((was) => !was)} controls="export-preview" />}
      <PreviewWarnings preview={preview} locations={locations} recordTitle={recordTitle} showIdentity={showIdentity} />
      <h3>{t('verify:export.preview.leftOut')}</h3>
      {nothingLeftOut && <p>{t('report:cover.nothingLeftOut')}</p>}
      <LeftOut heading={t('report:redactions.pseudonymized', { count: redactions.pseudonymized })} show={redactions.pseudonymized > 0}>
        {preview.pseudonymized.map((record) => (
          <li key={record.recordId}>
            <bdi>{personOf(record)}</bdi>
          </li>
        ))}
      </LeftOut>
      <LeftOut heading={t('report:redactions.sourcesWithheld', { count: redactions.sourcesWithheld })} show={redactions.sourcesWithheld > 0}>
        {preview.sourcesWithheld.map((record) => (
          <li key={record.recordId}>
            <bdi>{recordTitle(record)}</bdi>
          </li>
        ))}
      </LeftOut>
      <LeftOut heading={t('report:redactions.attachmentsWithheld', { count: redactions.attachmentsWithheld })} show={redactions.attachmentsWithheld > 0}>
        {preview.filesWithheld.map((file) => (
          <li key={`${file.recordId}/${file.sha256}`}>
            <bdi>{t('verify:export.preview.file', { name: file.originalName, reason: t(`verify:export.preview.reason.${file.reason}`) })}</bdi>
          </li>
        ))}
      </LeftOut>
      <LeftOut heading={t('report:redactions.attachmentsCleaned', { count: preview.filesCleaned.length })} show={preview.filesCleaned.length > 0}>
        <li className="hint">{t('verify:export.preview.cleanedHint')}</li>
        {preview.filesCleaned.map((file) => (
          <li key={`${file.recordId}/${file.sha256}`}>
            <bdi>{file.originalName}</bdi>
          </li>
        ))}
      </LeftOut>
      <LeftOut
        heading={t('report:redactions.confidentialTextWithheld', { count: redactions.confidentialTextWithheld })}
        show={redactions.confidentialTextWithheld > 0}
      >
        {preview.confidentialText.map((record) => (
          <li key={record.recordId}>
            <bdi>{recordTitle(record)}</bdi>
          </li>
        ))}
      </LeftOut>
    </>
  );
}

/**
 * What could still point to someone: a claim resting on a withheld
 * testimony, a withheld name in text that travels, and (legal) an original
 * photo or video that records where it was made.
 */
function PreviewWarnings({
  preview,
  locations,
  recordTitle,
  showIdentity,
}: {
  preview: ProfilePreview;
  locations: MediaLocations | null;
  recordTitle: (record: PreviewRecord) => string;
  showIdentity: boolean;
}) {
  const { t } = useTranslation();
  const { onlyWithheldSupport, namesInText } = preview.warnings;
  const located = locations?.located ?? [];
  const unchecked = locations?.unchecked ?? [];
  if (onlyWithheldSupport.length === 0 && namesInText.length === 0 && located.length === 0 && unchecked.length === 0 && !locations?.checking) return null;
  return (
    <div className="export-warnings" role="note" aria-labelledby="export-warnings-title">
      <h3 id="export-warnings-title">{t('verify:export.warnings.title')}</h3>
      <p className="hint">{t('verify:export.warnings.hint')}</p>
      <ul>
        {onlyWithheldSupport.map((record) => (
          <li key={`support-${record.recordId}`}>
            <bdi>{t('verify:export.warnings.onlyWithheldSupport', { record: recordTitle(record) })}</bdi>
          </li>
        ))}
        {namesInText.map((warning) => (
          <li key={`text-${warning.record.recordId}-${warning.source.recordId}-${warning.value}-${warning.where}`}>
            <bdi>
              {t(`verify:export.warnings.${warning.where === 'text' ? 'nameInText' : 'nameInFile'}`, {
                record: recordTitle(warning.record),
                value: showIdentity ? warning.value : '••••',
                source: recordTitle(warning.source),
              })}
            </bdi>
          </li>
        ))}
        {located.map((file) => (
          <li key={`location-${file.sha256}`}>
            <bdi>{t('verify:export.warnings.location', { name: file.originalName })}</bdi>
          </li>
        ))}
        {unchecked.length > 0 && <li>{t('verify:export.warnings.locationUnchecked', { count: unchecked.length })}</li>}
      </ul>
      {locations?.checking && <p className="loading">{t('verify:export.warnings.checkingLocations')}</p>}
    </div>
  );
}

function LeftOut({ heading, show, children }: { heading: string; show: boolean; children: ReactNode }) {
  if (!show) return null;
  return (
    <div className="export-left-out">
      <p className="export-left-out-heading">{heading}</p>
      <ul>{children}</ul>
    </div>
  );
}
