/**
 * The translated problems of one form field, placed next to it and linked
 * from its control with aria-describedby. Renders nothing when the field is
 * fine.
 */
export function FieldError({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <p className="field-error" id={id}>
      {messages.join(' ')}
    </p>
  );
}

/** aria-describedby from the ids that apply, or undefined when none do. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => Boolean(id));
  return present.length > 0 ? present.join(' ') : undefined;
}
