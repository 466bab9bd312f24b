/**
 * The `dalel` command run in the test's own process, as a shell would run
 * it, with what it printed: quick enough for a test to run many commands.
 * No terminal, standard input `input` (empty unless given), English unless `env` says otherwise,
 * no Chromium on the PATH (a bundle then has no PDF), and a small scrypt cost.
 */
import { PassThrough } from 'node:stream';
import { main } from '../index';

export async function dalelInProcess(args: string[], env: NodeJS.ProcessEnv = {}, input = ''): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  stdin.end(input);
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const code = await main(args, { stdout, stderr, stdin, env: { LANG: 'en_US.UTF-8', PATH: '', ...env } }, { scryptCost: 2 ** 12 });
  return { code, out, err };
}
