/**
 * The "Evidence files" section of a record's page (incident, effect,
 * source): the files attached to it, with their hashes and previews, and the
 * form that adds more. A retracted record keeps its list but takes no new
 * files. The page loads the list (records:get) and loads it again when files
 * were added; this section loads nothing itself. With no file yet, it says
 * what files are for and offers to choose some.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../shared/model';
import { AddFilesForm } from './AddFilesForm';
import { AttachmentList } from './AttachmentList';

interface Props {
  recordId: string;
  attachments: readonly Attachment[];
  ownFingerprint: string;
  canAdd: boolean;
  onAdded: () => void;
}

export function EvidenceFiles({ recordId, attachments, ownFingerprint, canAdd, onAdded }: Props) {
  const { t } = useTranslation();
  const section = useRef<HTMLElement>(null);
  // The add form's own "Choose files…" opens the OS dialog (a real file input): the empty state's button presses it.
  const choose = () => section.current?.querySelector<HTMLButtonElement>('.add-files .drop-zone button')?.click();
  return (
    <section ref={section} className="evidence-files" aria-labelledby="evidence-files-title">
      <h2 id="evidence-files-title">{t('evidence:files.title')}</h2>
      <p className="hint">{t('evidence:files.intro')}</p>
      {attachments.length === 0 ? (
        <div className="empty-state files-empty">
          <p>{t('evidence:files.empty')}</p>
          {canAdd && (
            <>
              <p>{t('evidence:files.emptyNext')}</p>
              <button type="button" onClick={choose}>
                {t('evidence:files.emptyAction')}
              </button>
            </>
          )}
        </div>
      ) : (
        <AttachmentList attachments={attachments} ownFingerprint={ownFingerprint} />
      )}
      {canAdd && <AddFilesForm recordId={recordId} knownHashes={new Set(attachments.map(({ sha256 }) => sha256))} onAdded={onAdded} />}
    </section>
  );
}
