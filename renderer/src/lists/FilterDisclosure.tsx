/**
 * The filters of a list behind one button ("Filters (2 active)"), so the
 * list's first rows start near the top of the window; the search box stays
 * outside it. Closed when the screen opens; the count says what applies
 * while it is closed.
 */
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function FilterDisclosure({ active, children }: { active: number; children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <div className="filter-toggle">
        <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          {active > 0 ? t('common:filters.toggleActive', { count: active }) : t('common:filters.toggle')}
        </button>
      </div>
      <div className="filter-fields" id={id} hidden={!open}>
        {children}
      </div>
    </>
  );
}
