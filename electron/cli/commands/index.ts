/**
 * The commands of docs/spec/cli.md that this version has: each parses nothing
 * itself (../index.ts did), calls the engine through the contract, and prints
 * either plain translated lines or --json. Each declares `readOnly: true`
 * when it never changes an archive (its errors then never say "Nothing was
 * changed"), and has its help in cli.json's `commandHelp.<name>` in every
 * language (summary, usage, example: ../help.ts; help.test.ts checks it).
 */
import { archiveCommands } from './archive';
import { bundleCommands } from './bundles';
import { countersignCommands } from './countersign';
import type { Command } from './context';
import { organizationCommands } from './organization';
import { recordCommands } from './records';
import { schemaCommands } from './schema';
import { spreadsheetCommands } from './spreadsheets';
import { timeStampCommands } from './timeStamps';

export type { Command, CommandContext } from './context';

export const commands: Record<string, Command> = { ...archiveCommands, ...recordCommands, ...bundleCommands, ...organizationCommands, ...schemaCommands, ...timeStampCommands, ...countersignCommands, ...spreadsheetCommands };
