/**
 * What a command line asks for before any archive is touched: the general
 * help, a command's help, the version, or a command with its parsed
 * arguments; and, when the line cannot be run, one sentence that names what
 * is wrong and where the help is (exit 2). Opens nothing, changes nothing.
 */
import type { TFunction } from 'i18next';
import { asksForHelp, parseCommandArgs, splitCommandLine } from './argv';
import { commands, type Command } from './commands';
import { commandHelp, generalHelp } from './help';

export type Planned =
  | { kind: 'done'; code: number; out?: string; err?: string }
  | { kind: 'run'; name: string; command: Command; values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };

const done = (code: number, text: { out?: string; err?: string }): Planned => ({ kind: 'done', code, ...text });

/** A read-only command (its definition says so) stays one unless an option that changes the archive is given (`settings --set`). */
export function isReadOnly(command: Command, values: Record<string, unknown>): boolean {
  return command.readOnly === true && !(command.changesWith ?? []).some((option) => values[option] !== undefined);
}

export function planCommand(argv: string[], t: TFunction, version: string): Planned {
  const line = splitCommandLine(argv);
  if (line.version) return done(0, { out: `dalel ${version}` });
  const names = Object.keys(commands);
  if (line.name === undefined) return asksForHelp(line.args) ? done(0, { out: generalHelp(t, names) }) : done(2, { err: generalHelp(t, names) });
  // SECURITY: a passphrase on the command line is refused before anything else reads it (other users see argv).
  if (argv.some((arg) => arg === '--passphrase' || arg.startsWith('--passphrase='))) return done(2, { err: t('cli:passphraseOnArgv') });
  if (line.name === 'help') {
    const asked = parseCommandArgs(line.args, {});
    const topic = asked.ok ? asked.positionals[0] : undefined;
    if (topic === undefined) return done(0, { out: generalHelp(t, names) });
    return Object.hasOwn(commands, topic) ? done(0, { out: commandHelp(t, topic) }) : done(2, { err: t('cli:unknownCommand', { command: topic }) });
  }
  if (line.name.startsWith('-')) return done(2, { err: t('cli:unknownGlobalOption', { option: line.name }) });
  const command = Object.hasOwn(commands, line.name) ? commands[line.name] : undefined;
  if (!command) return done(2, { err: t('cli:unknownCommand', { command: line.name }) });
  const name = line.name;
  if (asksForHelp(line.args)) return done(0, { out: commandHelp(t, name) });

  // A sentence naming what is wrong, then where this command's help is.
  const refuse = (text: string) => done(2, { err: `${text} ${t('cli:seeCommandHelp', { command: name })}` });
  const takesJsonFlag = (command.options as Record<string, { type: string }> | undefined)?.json?.type === 'boolean';
  if (line.jsonFirst && !takesJsonFlag) return refuse(t('cli:jsonAfterCommand', { command: name }));
  const parsed = parseCommandArgs(line.jsonFirst ? ['--json', ...line.args] : line.args, command.options ?? {});
  if (!parsed.ok) return refuse(parsed.problem === 'other' ? `${parsed.detail}.` : t(`cli:${parsed.problem}`, { option: parsed.option, command: name }));
  const count = parsed.positionals.length;
  const expected = command.positionals.length;
  if (count < expected) return refuse(t('cli:missingArgument', { name: command.positionals[count] }));
  if (count > expected && !command.variadic) return refuse(t('cli:extraArgument', { argument: parsed.positionals[expected] }));
  return { kind: 'run', name, command, values: parsed.values, positionals: parsed.positionals };
}
