/**
 * The commands of docs/spec/cli.md that this version has: each parses nothing
 * itself (../index.ts did), calls the engine through the contract, and prints
 * either plain translated lines or --json.
 */
import { archiveCommands } from './archive';
import { bundleCommands } from './bundles';
import type { Command } from './context';
import { recordCommands } from './records';

export type { Command, CommandContext } from './context';

export const commands: Record<string, Command> = { ...archiveCommands, ...recordCommands, ...bundleCommands };
