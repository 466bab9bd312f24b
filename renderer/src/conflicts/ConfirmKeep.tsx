/**
 * The last step before a conflict is resolved: which version will stay, by
 * whom and from when, that the others stay in the history, and the buttons
 * to resolve or choose again. It takes focus when it appears.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import type { DalelError } from '../dalel';

interface Props {
  number: number;
  author: string;
  date: string;
  saving: boolean;
  error: DalelError | null;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmKeep({ number, author, date, saving, error, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), [number]);
  return (
    <section className="confirm-keep" aria-labelledby="confirm-keep-title">
      <h2 id="confirm-keep-title" ref={title} tabIndex={-1}>
        {t('conflicts:resolve.confirmTitle', { number })}
      </h2>
      <p>{t('conflicts:resolve.confirmText', { number, author, date })}</p>
      <ErrorMessage error={error} />
      <div className="form-actions">
        <button type="button" className="primary" disabled={saving} onClick={onConfirm}>
          {t('conflicts:resolve.confirm')}
        </button>
        <button type="button" disabled={saving} onClick={onCancel}>
          {t('conflicts:resolve.chooseAgain')}
        </button>
        <span role="status">{saving ? t('conflicts:resolve.working') : ''}</span>
      </div>
    </section>
  );
}
