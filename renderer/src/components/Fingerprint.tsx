/**
 * A key fingerprint in every form two people compare it in: the base64 in
 * groups of four, the same key as six groups of five digits to read aloud
 * in any language (shared/verify/fingerprintGroups.ts), the `SHA256:…` form
 * ssh-keygen prints, and, where a person may compare it face to face, a QR
 * code of that form drawn here as SVG (the `qr` library, in this process,
 * no network). One component wherever a fingerprint is shown, so that every
 * screen offers the same comparison. A text that is not a SHA-256
 * fingerprint is shown as it is, never regrouped.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import encodeQR from 'qr';
import { fingerprintForms } from '../../../shared/verify/fingerprintGroups';
import './fingerprint.css';

interface Props {
  fingerprint: string;
  /** Also the QR code and how to compare: where the person is asked to compare it, or to pass it on. */
  compare?: boolean;
  /** Extra classes on the `SHA256:…` code element, for the screens that name it. */
  className?: string;
}

/** Each dark module as a unit square of one path: a scanner reads the geometry, and a test can read it back. */
function QrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => {
    // A quiet zone of four modules, as the QR standard asks for.
    const modules = encodeQR(text, 'raw', { ecc: 'medium', border: 4 });
    const squares = modules.flatMap((row, y) => row.flatMap((dark, x) => (dark ? [`M${x} ${y}h1v1h-1z`] : [])));
    return { size: modules.length, path: squares.join('') };
  }, [text]);
  return (
    <svg className="qr-code" role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} shapeRendering="crispEdges" data-qr-text={text}>
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

export function Fingerprint({ fingerprint, compare = false, className }: Props) {
  const { t } = useTranslation('verify');
  const forms = fingerprintForms(fingerprint);
  const code = (
    <code className={`fingerprint${className ? ` ${className}` : ''}`} dir="ltr">
      {fingerprint}
    </code>
  );
  if (!forms) return code;
  return (
    <div className={`fingerprint-forms${compare ? ' fingerprint-compare' : ''}`}>
      <dl className="fingerprint-list">
        <div>
          <dt>{t('fingerprint.groups')}</dt>
          <dd>
            <code className="fingerprint-groups" dir="ltr">
              {forms.groups.join(' ')}
            </code>
          </dd>
        </div>
        <div>
          <dt>{t('fingerprint.numbers')}</dt>
          <dd>
            <code className="fingerprint-numbers" dir="ltr">
              {forms.numbers.join(' ')}
            </code>
          </dd>
        </div>
        <div>
          <dt>{t('fingerprint.openssh')}</dt>
          <dd>{code}</dd>
        </div>
      </dl>
      {compare && (
        <figure className="fingerprint-qr">
          <QrCode text={forms.openssh} label={t('fingerprint.qrLabel', { fingerprint: forms.openssh })} />
          <figcaption>
            <p>{t('fingerprint.compareHow')}</p>
            <p>{t('fingerprint.qrHint')}</p>
          </figcaption>
        </figure>
      )}
    </div>
  );
}
