/**
 * The `dalel` command inside the installed app. The desktop packages install
 * the app's executable as `dalel` (Linux: /usr/bin/dalel), and Electron's
 * fuses forbid running it as plain Node, so the app itself recognizes a
 * command line (`dalel list ARCHIVE`) and runs the command in its main
 * process: no window, no single-instance lock (the archive's own writer
 * lock keeps two writers apart), the same engine and the same exit codes as
 * the command run with Node from a checkout.
 */
import { commands } from '../cli/commands';

/** What the command takes without a command name: its general help and its version. */
const alone = new Set(['help', '--help', '-h', '--version', '-V']);
/** Options the command takes before its command name, alone. */
const globalFlags = new Set(['--json']);
/** Options the command takes before its command name, with their value. */
const globalWithValue = new Set(['--lang', '--passphrase-file']);

/**
 * The command's own arguments when `argv` is a `dalel` command line, else
 * null (the app starts as usual). A packaged app's arguments follow its
 * executable; `electron .` puts the app's folder first.
 */
export function commandArguments(argv: readonly string[], packaged: boolean): string[] | null {
  const args = argv.slice(packaged ? 1 : 2);
  let index = 0;
  while (index < args.length) {
    const arg = args[index]!;
    if (globalWithValue.has(arg)) index += 2;
    else if (globalFlags.has(arg)) index += 1;
    else if ([...globalWithValue].some((option) => arg.startsWith(`${option}=`))) index += 1;
    else break;
  }
  const first = args[index];
  if (first === undefined) return null;
  return Object.hasOwn(commands, first) || alone.has(first) ? args : null;
}
