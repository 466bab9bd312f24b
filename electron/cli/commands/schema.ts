/**
 * `dalel schema TYPE`: the JSON Schema of what `dalel add --type TYPE`
 * takes, generated from the zod schemas the archive validates with
 * (shared/model/jsonSchemas.ts), for people and programs preparing
 * records. Opens no archive.
 */
import { recordSchemas, type SavableType } from '../../../shared/model';
import { recordJsonSchema } from '../../../shared/model/jsonSchemas';
import { InputFailure } from '../failures';
import { type Command, json } from './context';

/** The record types `add` and `schema` take, as one word for a synopsis: "incident|effect|source". */
export const savableTypes = Object.keys(recordSchemas) as SavableType[];

export const schemaCommands: Record<string, Command> = {
  schema: {
    options: {},
    positionals: [savableTypes.join('|')],
    readOnly: true,
    async run(context) {
      const type = context.positionals[0]!;
      if (!(savableTypes as string[]).includes(type)) throw new InputFailure(context.t('cli:badType', { type, types: savableTypes.join(', ') }));
      json(context, recordJsonSchema(type as SavableType));
    },
  },
};
