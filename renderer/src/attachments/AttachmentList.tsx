/**
 * A record's evidence files as a list: each file's original name exactly as
 * it was given, its media type, size, full SHA-256 (to compare with
 * `sha256sum`), when and by which key it was added, its description, whether
 * it is sensitive, what a photo's camera recorded, and a preview shown on
 * request. Shows only what it is given; loads nothing but a preview's bytes.
 */
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../shared/model';
import { currentLanguage } from '../i18n';
import { formatInstant } from '../incidents/format';
import { shortFingerprint } from '../incidents/history';
import { AttachmentPreview } from './AttachmentPreview';
import { formatCameraTime, formatFileSize } from './fileFacts';

interface Props {
  attachments: readonly Attachment[];
  ownFingerprint: string;
}

export function AttachmentList({ attachments, ownFingerprint }: Props) {
  return (
    <ul className="attachment-list">
      {attachments.map((attachment) => (
        <AttachmentItem key={attachment.sha256} attachment={attachment} ownFingerprint={ownFingerprint} />
      ))}
    </ul>
  );
}

function AttachmentItem({ attachment, ownFingerprint }: { attachment: Attachment; ownFingerprint: string }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const id = useId();
  const [previewShown, setPreviewShown] = useState(false);
  const key = shortFingerprint(attachment.addedBy);
  const facts: [label: string, value: ReactNode, className?: string][] = [
    [t('evidence:files.fields.mediaType'), <code translate="no">{attachment.mediaType}</code>],
    [t('evidence:files.fields.size'), formatFileSize(attachment.size, lng, t)],
    [t('evidence:files.fields.sha256'), <code className="sha256" translate="no">{attachment.sha256}</code>, 'wide'],
    [t('evidence:files.fields.addedAt'), <time dateTime={attachment.addedAt}>{formatInstant(attachment.addedAt, lng)}</time>],
    [
      t('evidence:files.fields.addedBy'),
      <span className="fingerprint" title={attachment.addedBy}>
        {attachment.addedBy === ownFingerprint ? t('common:custody.byOwn', { key }) : t('common:custody.byKey', { key })}
      </span>,
    ],
  ];
  if (attachment.photo?.takenAt) {
    facts.push([
      t('evidence:files.fields.takenAt'),
      <time dateTime={attachment.photo.takenAt}>{formatCameraTime(attachment.photo.takenAt, lng, t)}</time>,
    ]);
  }
  if (attachment.photo?.camera) facts.push([t('evidence:files.fields.camera'), attachment.photo.camera]);
  if (attachment.description) facts.push([t('evidence:files.fields.description'), <span className="prose">{attachment.description}</span>, 'wide']);

  return (
    <li className="attachment">
      <p className="attachment-name" id={`${id}-name`}>
        <bdi>{attachment.originalName}</bdi>
        {attachment.sensitive && <span className="badge badge-sensitive">{t('evidence:files.sensitiveBadge')}</span>}
      </p>
      <dl className="attachment-facts">
        {facts.map(([label, value, className]) => (
          <div key={label} className={className}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <button
        type="button"
        className="small preview-toggle"
        aria-expanded={previewShown}
        aria-controls={`${id}-preview`}
        aria-describedby={`${id}-name`}
        onClick={() => setPreviewShown((shown) => !shown)}
      >
        {t(previewShown ? 'evidence:files.preview.hide' : 'evidence:files.preview.show')}
      </button>
      <div id={`${id}-preview`} className="attachment-preview">
        {previewShown && <AttachmentPreview attachment={attachment} />}
      </div>
    </li>
  );
}
