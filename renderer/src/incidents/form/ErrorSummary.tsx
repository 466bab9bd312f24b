/**
 * The list of what stops a save, shown above the form after a save was
 * tried: an alert that takes focus, with one link per field that moves focus
 * to that field. It updates as the user fixes things.
 */
import { forwardRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldAnchorId, type FieldKey } from './validation';

export interface SummaryEntry {
  field: FieldKey | 'form';
  messages: string[];
}

interface Props {
  intro: string | null;
  entries: readonly SummaryEntry[];
}

export const ErrorSummary = forwardRef<HTMLDivElement, Props>(function ErrorSummary({ intro, entries }, ref) {
  const { t } = useTranslation();
  if (!intro && entries.length === 0) return null;
  const problems = entries.length;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{intro ?? t('incidents:form.errorSummary', { count: problems })}</h2>
      {entries.length > 0 && (
        <ul>
          {entries.map(({ field, messages }) => (
            <li key={field}>
              <a href={`#${fieldAnchorId(field)}`} onClick={(event) => focusField(event, field)}>
                {field === 'form' ? messages.join(' ') : `${t(`incidents:fields.${field}`)}: ${messages.join(' ')}`}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});

/** Moves focus to the first control of a field; the hash must not change (it is the route). */
function focusField(event: MouseEvent, field: FieldKey | 'form') {
  event.preventDefault();
  const wrapper = document.getElementById(fieldAnchorId(field));
  // A field in a closed section of details: open the section first (./FormDetails.tsx).
  const section = wrapper?.closest('details');
  if (section && !section.open) section.open = true;
  const control = wrapper?.matches('input, select, textarea')
    ? wrapper
    : wrapper?.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea:not([disabled])');
  control?.focus();
  control?.scrollIntoView({ block: 'center' });
}
