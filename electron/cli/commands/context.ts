/**
 * What every command is given and the helpers they share: the passphrase
 * (never from argv), opening the archive, reading JSON input.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import type { TFunction } from 'i18next';
import type { ChannelName, Language, RequestOf, ResponseOf } from '../../../shared/ipc';
import { CommandFailure, InputFailure } from '../failures';
import { parseJsonText } from '../jsonText';
import type { Io } from '../output';
import { askHidden, canAsk } from '../prompt';

export interface CommandContext {
  t: TFunction;
  language: Language;
  io: Io;
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  say(text: string): void;
  warn(text: string): void;
  /** Standard input was read for JSON (`--json -`): it is used up, and no passphrase can be asked on it. */
  stdinRead?: boolean;
}

export interface Command {
  options: ParseArgsConfig['options'];
  /** Names of the positional arguments, for "missing DIR" messages. */
  positionals: string[];
  /** The last positional may repeat (FILE...). */
  variadic?: boolean;
  /**
   * Never changes an archive: its messages are then worded without "Nothing
   * was changed" (their `_readOnly` form, ../output.ts readOnlyWording).
   */
  readOnly?: boolean;
  /**
   * Options that make a read-only command change the archive after all
   * (`settings --set`): with one of them given, it is not read-only.
   */
  changesWith?: string[];
  run(context: CommandContext): Promise<void>;
}

export const json = (context: CommandContext, value: unknown) => context.say(JSON.stringify(value, null, 2));

/**
 * The passphrase from --passphrase-file (its first line) or DALEL_PASSPHRASE;
 * never from argv. A file that other users of the computer can read is
 * used, with a warning: the passphrase in it is as good as theirs.
 */
export async function readPassphrase(context: CommandContext, option = 'passphrase-file', variable = 'DALEL_PASSPHRASE'): Promise<string | undefined> {
  const file = context.values[option];
  if (typeof file === 'string') {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new InputFailure(context.t('cli:readInputFailed', { file }));
    }
    const { mode } = await stat(file);
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) context.warn(context.t('cli:passphraseFileReadable', { file }));
    return text.split(/\r?\n/)[0];
  }
  return context.io.env[variable];
}

/** A passphrase asked at the terminal (twice for a new one, which must match), or undefined when no one can be asked. */
export async function askPassphrase(context: CommandContext, label: 'ask' | 'askOther' | 'askNew'): Promise<string | undefined> {
  // A prompt on a standard input that the JSON has used up would wait on nothing: said at once instead.
  if (context.stdinRead) throw new InputFailure(context.t('cli:passphrase.stdinUsed'));
  if (!canAsk(context.io)) return undefined;
  const given = await askHidden(context.io, context.t(`cli:passphrase.${label}`));
  if (given === null) throw new InputFailure(context.t('cli:passphrase.gaveUp'));
  if (label !== 'askNew') return given;
  const again = await askHidden(context.io, context.t('cli:passphrase.askAgain'));
  if (again !== given) throw new InputFailure(context.t('cli:passphrase.differ'));
  return given;
}

/** A passphrase given by file or environment, else asked at the terminal. */
export async function passphraseFor(context: CommandContext, label: 'ask' | 'askNew'): Promise<string | undefined> {
  return (await readPassphrase(context)) ?? (await askPassphrase(context, label));
}

/**
 * Calls `call` with the passphrase given by file or environment; when none
 * was given and the archive turns out to be encrypted, asks at the terminal
 * and tries once more. An unencrypted archive is never asked about.
 */
export async function withPassphrase<T>(context: CommandContext, given: string | undefined, label: 'ask' | 'askOther', call: (passphrase: string | undefined) => Promise<T>): Promise<T> {
  try {
    return await call(given);
  } catch (error) {
    const asked = given === undefined && error instanceof CommandFailure && error.error.code === 'passphraseRequired' ? await askPassphrase(context, label) : undefined;
    if (asked === undefined) throw error;
    return call(asked);
  }
}

/** After an import or a merge: the records now in conflict, which only a person can resolve. */
export async function sayConflicts(context: CommandContext): Promise<void> {
  if (context.values.json) return;
  const { records } = await context.call('records:conflicts', {});
  if (!records.length) return;
  context.say(context.t('cli:conflicts', { count: records.length }));
  for (const record of records) context.say(`  ${record.recordId}  ${record.heads.join(' ')}`);
}

export async function openArchive(context: CommandContext, given?: string) {
  const path = resolve(context.positionals[0]!);
  const status = await withPassphrase(context, given ?? (await readPassphrase(context)), 'ask', (passphrase) =>
    context.call('archive:open', { path, ...(passphrase === undefined ? {} : { passphrase }) }),
  );
  // Record files that could not be read or were altered: their records are left out of everything, said on every command.
  if (status.open && status.problems.length) {
    context.warn(context.t('cli:damagedFiles', { count: status.problems.length }));
    for (const problem of status.problems) context.warn(`  ${problem.file} (${context.t(`cli:damage.${problem.reason}`)})`);
  }
  // What the unlock found changed while the archive was locked: said on every command, on stderr.
  if (status.open && status.tampering.length) {
    context.warn(context.t('common:tampering.title'));
    for (const kind of status.tampering) context.warn(`  ${context.t(`common:tampering.${kind}`)}`);
  }
  return status;
}

export async function readJsonInput(context: CommandContext, file: string): Promise<unknown> {
  const { t } = context;
  let text: string;
  try {
    if (file === '-') context.stdinRead = true;
    text = file === '-' ? await readStream(context.io.stdin) : await readFile(file, 'utf8');
  } catch {
    throw new InputFailure(t('cli:readInputFailed', { file }));
  }
  const parsed = parseJsonText(text);
  if (parsed.ok) return parsed.value;
  const { line, column, excerpt } = parsed;
  const said = t('cli:notJson', { file: file === '-' ? 'stdin' : file, line, column });
  throw new InputFailure(excerpt === undefined ? said : `${said}\n${excerpt}`);
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}


export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function requireOption(context: CommandContext, name: string): string {
  const value = context.values[name];
  if (typeof value !== 'string' || !value) throw new InputFailure(context.t('cli:missingArgument', { name: `--${name}` }));
  return value;
}
