/**
 * What an edit screen shows instead of its form when the record cannot be
 * edited: it was retracted, or its stored fields could not be read. Always
 * with a way back.
 */
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './ErrorMessage';

export function EditBlocked({ retracted, unreadable, backHref }: { retracted: boolean; unreadable: string; backHref: string }) {
  const { t } = useTranslation();
  return (
    <>
      {retracted ? <ErrorMessage error={{ code: 'recordRetracted' }} /> : <p className="error-message">{unreadable}</p>}
      <a href={backHref}>{t('common:actions.back')}</a>
    </>
  );
}
