/**
 * The JSON Schema of each record type's fields, generated from the zod
 * schemas that validate them (revision.ts, recordSchemas), as `dalel schema
 * TYPE` prints it: what `dalel add` accepts, defaults not yet filled in. The
 * rules across fields (an end after its start, a testimony's consent, an
 * effect's incident in the archive) cannot be said in JSON Schema; the
 * archive still checks them on save.
 */
import { z } from 'zod';
import { recordSchemas, type SavableType } from './revision';
import { Timestamp } from './time';

/** A time as Timestamp takes it: ISO 8601 with its UTC offset (the calendar check is the archive's). */
const timePattern = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$';

export function recordJsonSchema(type: SavableType): Record<string, unknown> {
  return {
    ...z.toJSONSchema(recordSchemas[type], {
      target: 'draft-2020-12',
      io: 'input',
      unrepresentable: 'any',
      // The refinement of a time is code, not JSON Schema: its pattern says the same for a validator.
      override: ({ zodSchema, jsonSchema }) => {
        if (zodSchema === Timestamp.shape.at) jsonSchema.pattern = timePattern;
      },
    }),
    title: `Dalel ${type} record`,
    description: `The fields of a ${type} record, as \`dalel add --type ${type}\` takes them. Rules across fields are checked on save.`,
  };
}
