/**
 * The `dalel` command (docs/spec/cli.md) on the same engine and contract as the
 * app: every command opens the archive and calls the engine's dispatch. It
 * prints translated sentences for people and stable JSON with --json, sends
 * errors to stderr as one sentence, and returns the exit code (0 done, 1
 * refused or failed, 2 could not run). A passphrase is never read from argv.
 */
import { homedir } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TFunction } from 'i18next';
import packageJson from '../../package.json';
import { createEngine, type Engine, type EngineDeps, type Progress } from '../engine';
import { languageOption } from './argv';
import { chromiumPrinter } from './chromiumPdf';
import { watchForClosedPipe } from './closedPipe';
import type { CommandContext } from './commands';
import { CommandFailure, InputFailure, VerifyRejected } from './failures';
import { describeError, languageFrom, readOnlyWording, translator, type Io } from './output';
import { isReadOnly, planCommand } from './usage';

/** The version the bundles' bag-info names ("Dalel 0.1.0"). */
const packageVersion: string = packageJson.version;

/** The verifier's worker, built beside this file (out/main/); none when running from the sources. */
function builtWorker(): string | undefined {
  const file = fileURLToPath(new URL('./verifyWorker.js', import.meta.url));
  return existsSync(file) ? file : undefined;
}

/**
 * Messages that the command words differently from the app: it has no passphrase field, and nothing to
 * reload (the archive is locked while it runs, so a stale head is a record in conflict: `dalel resolve`).
 */
const commandWording: Partial<Record<string, string>> = { passphraseRequired: 'cli:passphraseNeeded', staleRevision: 'cli:recordInConflict' };

/** `engineOptions` lets tests lower the scrypt cost; the installed command never passes any. */
export async function main(argv: string[], io: Io, engineOptions: Pick<EngineDeps, 'scryptCost'> = {}): Promise<number> {
  const language = languageFrom(languageOption(argv), io.env);
  const t = await translator(language);
  // A reader that went away (`dalel list DIR | head -1`) ends the output quietly, not with a stack trace.
  const outlets = new Map([io.stdout, io.stderr].map((stream) => [stream, watchForClosedPipe(stream)]));
  const say = (stream: NodeJS.WritableStream, text: string) => {
    if (!outlets.get(stream)?.closed()) stream.write(`${text}\n`);
  };

  const plan = planCommand(argv, t, packageVersion);
  if (plan.kind === 'done') {
    if (plan.out !== undefined) say(io.stdout, plan.out);
    if (plan.err !== undefined) say(io.stderr, plan.err);
    return plan.code;
  }
  const { command } = plan;
  // A command that only reads never says "Nothing was changed" (output.ts, readOnlyWording).
  const wording = isReadOnly(command, plan.values) ? readOnlyWording(t) : t;

  const engine = createEngine({
    defaultArchivePath: join(homedir(), 'Dalel'),
    configDir: join(homedir(), '.config', 'dalel'),
    osLocale: io.env.LANG ?? 'en',
    version: packageVersion,
    dialogs: { chooseFolder: async () => null },
    // Built beside this file; from the sources (tests) there is none, and bundles are checked in this thread.
    verifyWorker: builtWorker(),
    ...(io.env.DALEL_NCALAYER ? { ncaLayerAddress: io.env.DALEL_NCALAYER } : {}),
    holder: 'command',
    onProgress: progressReporter(io.stderr, t),
    printPdf: chromiumPrinter(io.env, () => say(io.stderr, t('cli:noPdf'))),
    ...engineOptions,
    // A bug, not bad input: the user sees errors:internal; details only on request.
    onInternalError: (error) => io.env.DALEL_DEBUG && io.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`),
  });
  const context: CommandContext = {
    t: wording,
    language,
    io,
    values: plan.values,
    positionals: plan.positionals,
    call: (channel, request) => callOrFail(engine, channel, request) as never,
    say: (text) => say(io.stdout, text),
    warn: (text) => say(io.stderr, text),
  };
  try {
    await command.run(context);
    return 0;
  } catch (error) {
    if (error instanceof VerifyRejected) return 1;
    if (error instanceof InputFailure) {
      say(io.stderr, error.message);
      return 2;
    }
    if (!(error instanceof CommandFailure)) throw error;
    const worded = commandWording[error.error.code];
    say(io.stderr, worded ? wording(worded) : describeError(wording, error.error));
    return 1;
  } finally {
    await engine.close();
  }
}

/** Progress of long tasks on stderr: a line each time it moves on by a tenth (rewritten in place on a terminal). */
function progressReporter(stderr: NodeJS.WritableStream, t: TFunction) {
  let shown = -1;
  const terminal = (stderr as { isTTY?: boolean }).isTTY === true;
  return ({ task, done, total }: Progress) => {
    const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
    const step = terminal ? percent : Math.floor(percent / 10) * 10;
    if (step === shown) return;
    shown = step;
    const line = t(`cli:progress.${task}`, { percent: step });
    stderr.write(terminal ? `\r${line}${step === 100 ? '\n' : ''}` : `${line}\n`);
  };
}

async function callOrFail(engine: Engine, channel: string, request: unknown): Promise<unknown> {
  const result = await engine.dispatch(channel, request);
  if (!result.ok) throw new CommandFailure(result.error);
  return result.value;
}
