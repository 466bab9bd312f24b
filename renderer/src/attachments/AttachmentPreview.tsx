/**
 * The preview of one evidence file, from the app's own /evidence/ URL: a
 * picture, an audio or video player, or the PDF's pages; for any other kind,
 * a sentence saying there is none. The element is shown only once it has
 * loaded: a file that cannot be shown gives a translated message, never a
 * broken image or a dead player. It only reads the file.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../shared/model';
import { evidenceUrl } from '../dalel';
import { previewKindOf } from './fileFacts';
import { PdfPreview } from './PdfPreview';

type Load = 'loading' | 'ready' | 'failed';

export function AttachmentPreview({ attachment }: { attachment: Attachment }) {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>('loading');
  const kind = previewKindOf(attachment.mediaType);
  const url = evidenceUrl(attachment.recordId, attachment.sha256);
  const name = attachment.originalName;

  if (!kind) return <p className="preview-message">{t('evidence:files.preview.none')}</p>;
  if (kind === 'pdf') return <PdfPreview url={url} name={name} />;
  if (load === 'failed') return <p className="preview-message error-message">{t('evidence:files.preview.failed')}</p>;

  const shown = load === 'ready' ? '' : ' pending';
  const events = { onError: () => setLoad('failed') };
  return (
    <>
      {load === 'loading' && <p className="loading">{t('evidence:files.preview.loading')}</p>}
      {kind === 'image' && (
        <img className={`preview-image${shown}`} src={url} alt={attachment.description || name} onLoad={() => setLoad('ready')} {...events} />
      )}
      {kind === 'audio' && (
        <audio
          className={`preview-audio${shown}`}
          src={url}
          controls
          preload="metadata"
          aria-label={t('evidence:files.preview.audioLabel', { name })}
          onLoadedMetadata={() => setLoad('ready')}
          {...events}
        />
      )}
      {kind === 'video' && (
        <video
          className={`preview-video${shown}`}
          src={url}
          controls
          preload="metadata"
          aria-label={t('evidence:files.preview.videoLabel', { name })}
          onLoadedMetadata={() => setLoad('ready')}
          {...events}
        />
      )}
    </>
  );
}
