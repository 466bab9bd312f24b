/**
 * One collapsible group of the incident form's "order and law" part: closed
 * when it holds nothing, so the form stays short for someone who does not
 * know these facts, open when it holds something, and opened by itself when
 * one of its fields has a problem (so the error summary's link can reach it)
 * or content arrives from elsewhere; never closed behind the user's back.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { FieldError } from './FieldError';
import { fieldAnchorId, fieldErrorId, type FieldKey } from './validation';

interface Props {
  field: FieldKey;
  summary: string;
  hint: string;
  hasContent: boolean;
  messages: readonly string[];
  children: ReactNode;
}

export function AuthorityGroup({ field, summary, hint, hasContent, messages, children }: Props) {
  const [open, setOpen] = useState(hasContent);
  const problems = messages.length > 0;
  // Opens when a problem needs showing, or when content arrives from elsewhere (an old record's values carried over).
  useEffect(() => {
    if (problems || hasContent) setOpen(true);
  }, [problems, hasContent]);
  return (
    <details className="authority-group" id={fieldAnchorId(field)} open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{summary}</summary>
      <p className="hint">{hint}</p>
      <FieldError id={fieldErrorId(field)} messages={messages} />
      {children}
    </details>
  );
}
