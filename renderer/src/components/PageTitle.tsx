/**
 * The one <h1> of a screen. It takes focus when the screen appears, so that
 * keyboard and screen-reader users start at the top of the new screen, and it
 * names the window after the screen.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function PageTitle({ children, text, id }: { children?: ReactNode; text: string; id?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  useEffect(() => {
    document.title = `${text} — ${t('common:appName')}`;
  }, [text, t]);
  return (
    <h1 ref={ref} id={id} tabIndex={-1} className="page-title">
      {children ?? text}
    </h1>
  );
}
