/**
 * What `dalel --help` and `dalel COMMAND --help` print, from the texts in
 * cli.json's `commandHelp.<command>`: `summary` (one line), `usage` (the
 * synopsis, then one line per option, the option and its words two spaces
 * apart) and `example` (one command that can be pasted). Prints nothing
 * itself and never touches an archive.
 */
import type { TFunction } from 'i18next';

export interface CommandHelp {
  summary: string;
  usage: string;
  example: string;
}

export function helpTexts(t: TFunction, name: string): CommandHelp {
  const text = (part: keyof CommandHelp) => t(`cli:commandHelp.${name}.${part}`);
  return { summary: text('summary'), usage: text('usage'), example: text('example') };
}

/** Option lines with their words in one column: "--type TYPE  only ..." becomes "--type TYPE   only ...". */
function aligned(lines: string[], indent: string): string[] {
  const split = lines.map((line) => {
    const at = line.search(/ {2,}/);
    return at < 0 ? [line.trim(), ''] : [line.slice(0, at).trim(), line.slice(at).trim()];
  });
  const width = Math.max(0, ...split.filter(([, words]) => words).map(([option]) => option!.length));
  return split.map(([option, words]) => (words ? `${indent}${option!.padEnd(width)}  ${words}` : `${indent}${option}`));
}

/** `dalel help`: every command with its one-line summary, and the options every command takes. */
export function generalHelp(t: TFunction, names: string[]): string {
  const width = Math.max(...names.map((name) => name.length));
  return [
    t('cli:help.synopsis'),
    '',
    t('cli:help.commands'),
    ...names.map((name) => `  ${name.padEnd(width)}  ${helpTexts(t, name).summary}`),
    '',
    t('cli:help.everyCommand'),
    ...aligned(t('cli:help.commonOptions').split('\n'), '  '),
    '',
    t('cli:help.more'),
  ].join('\n');
}

/** `dalel COMMAND --help`: its summary, synopsis, one line per option, an example, and the options every command takes. */
export function commandHelp(t: TFunction, name: string): string {
  const { summary, usage, example } = helpTexts(t, name);
  const [synopsis = '', ...options] = usage.split('\n');
  return [
    summary,
    '',
    t('cli:help.usage'),
    `  ${synopsis}`,
    ...aligned(options, '    '),
    '',
    t('cli:help.example'),
    `  ${example}`,
    '',
    t('cli:help.everyCommand'),
    ...aligned(t('cli:help.commonOptions').split('\n'), '  '),
  ].join('\n');
}
