/**
 * The JSON Schemas Dalel publishes, generated from the zod schemas that
 * validate the same data, so that they can never say something else:
 * - each record type's fields, as `dalel schema TYPE` prints them: what
 *   `dalel add` accepts, defaults not yet filled in;
 * - a bundle's data/bundle.json (bundle.ts), published as
 *   docs/spec/bundle.schema.json for a partner's own verifier.
 * The rules across fields (an end after its start, a testimony's consent,
 * which profile carries what) cannot be said in JSON Schema: the archive
 * checks them on save, and docs/spec/bundle-format.md states the bundle's.
 */
import { z } from 'zod';
import { Bundle } from './bundle';
import { recordSchemas, type SavableType } from './revision';
import { Timestamp } from './time';

type ZodToJsonOptions = NonNullable<Parameters<typeof z.toJSONSchema>[1]>;

/** JSON Schema 2020-12 of what `schema` accepts as input. */
const jsonSchemaOf = (schema: z.ZodType, override?: ZodToJsonOptions['override']) =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any', ...(override ? { override } : {}) });

/** A time as Timestamp takes it: ISO 8601 with its UTC offset (the calendar check is the archive's). */
const timePattern = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$';

export function recordJsonSchema(type: SavableType): Record<string, unknown> {
  return {
    // The refinement of a time is code, not JSON Schema: its pattern says the same for a validator.
    ...jsonSchemaOf(recordSchemas[type], ({ zodSchema, jsonSchema }) => {
      if (zodSchema === Timestamp.shape.at) jsonSchema.pattern = timePattern;
    }),
    title: `Dalel ${type} record`,
    description: `The fields of a ${type} record, as \`dalel add --type ${type}\` takes them. Rules across fields are checked on save.`,
  };
}

export function bundleJsonSchema(): Record<string, unknown> {
  return {
    ...jsonSchemaOf(Bundle),
    title: 'Dalel bundle.json (formats 1 and 2)',
    description: 'The shape of data/bundle.json in a Dalel evidence bundle. The rules across fields are in bundle-format.md.',
  };
}
