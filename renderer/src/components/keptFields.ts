/**
 * The fields of a record that a form does not show, kept as loaded so that
 * saving an edit never drops them: a field added by a later version of Dalel,
 * by the command (`dalel add`), a CSV import (`externalId`) or the sample
 * (`illustrative`). A form lists the fields it manages; everything else
 * passes through untouched, and what the form sends is laid over it.
 */
export function keptFields(record: object, managed: readonly string[]): Record<string, unknown> {
  const skip = new Set(managed);
  return Object.fromEntries(Object.entries(record).filter(([field, value]) => !skip.has(field) && value !== undefined));
}
