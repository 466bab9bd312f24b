/**
 * The JSON Schema of a bundle's data/bundle.json, generated from its zod
 * schema (bundle.ts) and published as docs/spec/bundle.schema.json, so that
 * a partner writing their own verifier can check the file's shape with any
 * JSON Schema 2020-12 validator. The rules across fields (which profile may
 * carry what) cannot be said in JSON Schema; docs/spec/bundle-format.md
 * states them.
 */
import { z } from 'zod';
import { Bundle } from './bundle';

export function bundleJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Bundle, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }),
    title: 'Dalel bundle.json (formats 1 and 2)',
    description: 'The shape of data/bundle.json in a Dalel evidence bundle. The rules across fields are in bundle-format.md.',
  };
}
