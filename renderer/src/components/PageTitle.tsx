/**
 * The one <h1> of a screen. It takes focus when the screen appears, so that
 * keyboard and screen-reader users start at the top of the new screen (unless
 * the screen puts them straight into its one field), and it names the window
 * after the screen.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  children?: ReactNode;
  text: string;
  id?: string;
  takeFocus?: boolean;
}

export function PageTitle({ children, text, id, takeFocus = true }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeFocus) ref.current?.focus();
  }, [takeFocus]);
  useEffect(() => {
    document.title = `${text} — ${t('common:appName')}`;
  }, [text, t]);
  return (
    <h1 ref={ref} id={id} tabIndex={-1} className="page-title">
      {children ?? text}
    </h1>
  );
}
