/**
 * One collapsible section of the incident form's details (below the quick
 * record): its heading is the toggle. Closed on a new record; open when the
 * record being edited has values in it, and opened by any problem of its
 * fields (a save tried with an error inside, or the error summary's link).
 * Which fields hold values or problems the form says through the context.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { FieldKey } from './validation';

export interface SectionState {
  /** Whether the record the form started from has values in any of these fields. */
  hasValues: (fields: readonly FieldKey[]) => boolean;
  /** Whether any of these fields shows a problem now. */
  hasProblems: (fields: readonly FieldKey[]) => boolean;
}

// Outside an incident form (no provider) a section simply starts open.
const outsideForm: SectionState = { hasValues: () => true, hasProblems: () => false };
export const SectionStateContext = createContext<SectionState>(outsideForm);

interface Props {
  /** The heading's id, which also labels the section. */
  titleId: string;
  title: ReactNode;
  fields: readonly FieldKey[];
  children: ReactNode;
}

export function FormDetails({ titleId, title, fields, children }: Props) {
  const state = useContext(SectionStateContext);
  const [open, setOpen] = useState(() => state.hasValues(fields));
  const problems = state.hasProblems(fields);
  useEffect(() => {
    if (problems) setOpen(true);
  }, [problems]);
  return (
    <section className="form-section" aria-labelledby={titleId}>
      <details className="form-details" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>
          <h2 id={titleId}>{title}</h2>
        </summary>
        {children}
      </details>
    </section>
  );
}
