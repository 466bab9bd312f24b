/**
 * What an export made: the bundle's id, its profile and what that profile
 * left out, where it was saved, how many files it holds, whether the report
 * is there as PDF too or as HTML only, and the signer's fingerprint to give
 * the recipient through another channel (the only way they can know who
 * signed); a public bundle's key is its own and leads to no one. Its heading
 * takes focus when it appears, so keyboard and screen-reader users land on
 * the outcome.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/ipc';
import { redactionKinds } from '../../../shared/model';
import { formatFileSize } from '../attachments/fileFacts';
import { currentLanguage } from '../i18n';

export type ExportDone = ResponseOf<'bundle:export'>;

interface Props {
  result: ExportDone;
  onAnother: () => void;
}

export function ExportResult({ result, onAnother }: Props) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const publication = result.profile === 'public';
  const withheld = redactionKinds.flatMap((kind) => (result.withheld[kind] ? [t(`report:redactions.${kind}`, { count: result.withheld[kind] })] : []));
  return (
    <section className="export-result" aria-labelledby="export-result-title">
      <h2 id="export-result-title" ref={heading} tabIndex={-1}>
        <span className="verdict-icon" aria-hidden="true">
          ✓
        </span>{' '}
        {t('verify:export.done.title')}
      </h2>
      <dl className="facts">
        <div>
          <dt>{t('verify:export.done.bundleId')}</dt>
          <dd>
            <code className="bundle-id">{result.bundleId}</code>
          </dd>
        </div>
        <div>
          <dt>{t('verify:export.done.profile')}</dt>
          <dd className="bundle-profile">{t(`report:profile.${result.profile}.name`)}</dd>
        </div>
        <div className="wide">
          <dt>{t('verify:export.done.leftOut')}</dt>
          <dd className="bundle-withheld">
            {result.profile === 'internal' ? (
              t('verify:export.done.internalCarriesAll')
            ) : withheld.length ? (
              <ul className="plain">
                {withheld.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : (
              t('verify:export.done.nothingLeftOut')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('verify:export.done.path')}</dt>
          <dd>
            <code className="bundle-path">{result.path}</code>
          </dd>
        </div>
        <div>
          <dt>{t('verify:export.done.files')}</dt>
          <dd className="bundle-files">{result.files}</dd>
        </div>
        <div>
          <dt>{t('verify:export.done.size')}</dt>
          <dd>{formatFileSize(result.bytes, currentLanguage(), t)}</dd>
        </div>
      </dl>
      <p className="bundle-report-kind">{t(result.pdf ? 'verify:export.done.pdf' : 'verify:export.done.htmlOnly')}</p>
      <div className="signer-fingerprint">
        <dl className="facts">
          <div className="wide">
            <dt>{t(publication ? 'verify:export.done.publicationFingerprint' : 'verify:export.done.fingerprint')}</dt>
            <dd>
              <code className="fingerprint">{result.fingerprint}</code>
            </dd>
          </div>
        </dl>
        <p className="hint">{t(publication ? 'verify:export.done.publicationHint' : 'verify:export.done.fingerprintHint')}</p>
      </div>
      <button type="button" onClick={onAnother}>
        {t('verify:export.done.another')}
      </button>
    </section>
  );
}
