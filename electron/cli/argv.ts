/**
 * Reads the command line before a command runs: which command, in which
 * language, and the options every command takes, which may come before the
 * command's name as well as after it (`dalel --lang ru list DIR` is
 * `dalel list DIR --lang ru`). Then checks the command's own options and
 * names the one that is wrong. Never reads a passphrase (index.ts refuses one).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The options of every command. */
export const commonOptions = {
  lang: { type: 'string' },
  'passphrase-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

export interface CommandLine {
  /** The first word that is not a global option: the command's name (or help's, or a stray option). */
  name: string | undefined;
  /** What follows the name, with the global options given before it put first. */
  args: string[];
  /** `--version` or `-V` before any command. */
  version: boolean;
  /** `--json` before the command's name: only for a command whose --json takes no value. */
  jsonFirst: boolean;
}

const valued = new Set(['--lang', '--passphrase-file']);

export function splitCommandLine(argv: string[]): CommandLine {
  const leading: string[] = [];
  let version = false;
  let jsonFirst = false;
  let index = 0;
  for (; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--version' || arg === '-V') version = true;
    else if (arg === '--json') jsonFirst = true;
    else if (arg === '--help' || arg === '-h' || [...valued].some((option) => arg.startsWith(`${option}=`))) leading.push(arg);
    else if (valued.has(arg)) {
      leading.push(...argv.slice(index, index + 2));
      index += 1;
    } else break;
  }
  return { name: argv[index], args: [...leading, ...argv.slice(index + 1)], version, jsonFirst };
}

/** The value of --lang wherever it stands (before `--`), so that even a usage error is said in it. */
export function languageOption(argv: string[]): string | undefined {
  const end = argv.includes('--') ? argv.indexOf('--') : argv.length;
  for (let index = 0; index < end; index += 1) {
    const arg = argv[index]!;
    if (arg === '--lang') return argv[index + 1];
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}

/** --help or -h among the arguments: help is printed whatever else is wrong with them. */
export const asksForHelp = (args: string[]) => {
  const end = args.includes('--') ? args.indexOf('--') : args.length;
  return args.slice(0, end).some((arg) => arg === '--help' || arg === '-h');
};

export type ParsedArgs =
  | { ok: true; values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] }
  | { ok: false; problem: 'unknownOption' | 'optionNeedsValue' | 'optionTakesNoValue'; option: string }
  | { ok: false; problem: 'other'; detail: string };

/** The command's options and positionals, or which option is wrong and how. */
export function parseCommandArgs(args: string[], options: Options): ParsedArgs {
  const all = { ...commonOptions, ...options };
  try {
    const { values, positionals } = parseArgs({ args, options: all, allowPositionals: true, strict: true });
    return { ok: true, values, positionals };
  } catch (error) {
    // Parsed again leniently, token by token, to name the option without reading Node's English message.
    const { tokens } = parseArgs({ args, options: all, allowPositionals: true, strict: false, tokens: true });
    for (const token of tokens) {
      if (token.kind !== 'option') continue;
      const option = all[token.name as keyof typeof all] as Options[string] | undefined;
      if (!option) return { ok: false, problem: 'unknownOption', option: token.rawName };
      const looksLikeOption = typeof token.value === 'string' && token.inlineValue === false && token.value.startsWith('-') && token.value !== '-';
      if (option.type === 'string' && (token.value === undefined || looksLikeOption)) return { ok: false, problem: 'optionNeedsValue', option: token.rawName };
      if (option.type === 'boolean' && token.inlineValue) return { ok: false, problem: 'optionTakesNoValue', option: token.rawName };
    }
    return { ok: false, problem: 'other', detail: (error as Error).message };
  }
}
