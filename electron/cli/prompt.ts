/**
 * Asking for a passphrase at the terminal, without echo: what a person types
 * never shows on the screen, in the terminal's scrollback or in the shell's
 * history, and is never written to disk. Only when standard input is a
 * terminal; a script gives the passphrase by file or environment instead.
 */
import type { ReadStream } from 'node:tty';
import type { Io } from './output';

/** Whether the person can be asked: standard input is a terminal. */
export const canAsk = (io: Io): boolean => Boolean((io.stdin as Partial<ReadStream>).isTTY && (io.stdin as Partial<ReadStream>).setRawMode);

/**
 * Reads one line from the terminal with echo off. Backspace erases; Enter
 * ends; Ctrl+C or Ctrl+D on an empty line gives null (the person gave up).
 */
export function askHidden(io: Io, label: string): Promise<string | null> {
  const input = io.stdin as ReadStream;
  // Echo goes off before the question shows: nothing typed after it can reach the screen.
  input.setRawMode(true);
  io.stderr.write(label);
  return new Promise((resolve) => {
    let typed = '';
    const finish = (value: string | null) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      io.stderr.write('\n');
      resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(typed);
        if (char === '\u0003' || (char === '\u0004' && typed === '')) return finish(null);
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    input.resume();
    input.on('data', onData);
  });
}
