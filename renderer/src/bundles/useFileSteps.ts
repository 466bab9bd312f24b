/**
 * The state of a part that saves a file out through the shell's save
 * dialog and brings a file back (a time-stamp request and its answer, a
 * file to sign and its signature, the custody log's request): which step is
 * working, its translated error or a file refused as too large, the cancel
 * button to focus while it works, and the screen told it is busy. One step
 * at a time: `run` and `chooseOut` clear what the last step said.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { dalel, type DalelError, type Result } from '../dalel';
import { readAsBase64 } from './proofOfTime';

const failed = (): { ok: false; error: DalelError } => ({ ok: false, error: { code: 'internal' } });

export function useFileSteps<Step extends string>(onBusy?: (busy: boolean) => void) {
  const cancelButton = useRef<HTMLButtonElement>(null);
  const [working, setWorking] = useState<Step | null>(null);
  const [error, setError] = useState<DalelError | null>(null);
  const [tooLarge, setTooLarge] = useState<string | null>(null);

  useEffect(() => {
    onBusy?.(working !== null);
    if (working) cancelButton.current?.focus();
  }, [working, onBusy]);
  // Once a step changes the bundle the screen checks again at once, which takes the part away before it renders idle.
  useEffect(() => () => onBusy?.(false), [onBusy]);

  const clear = useCallback(() => {
    setError(null);
    setTooLarge(null);
  }, []);

  /** Runs one step; its value, or null once `refused` (by default: shown as the step's error) has the failure. */
  async function run<T>(step: Step, call: () => Promise<Result<T>>, refused: (failure: DalelError) => void = setError): Promise<T | null> {
    clear();
    setWorking(step);
    const result = await call().catch(failed);
    setWorking(null);
    if (result.ok) return result.value;
    refused(result.error);
    return null;
  }

  /**
   * The path the person chose in the shell's save dialog, or null (cancelled, or refused and said).
   * SECURITY: the shell writes only to a path chosen in its own save dialog (electron/main/personChooses.ts).
   */
  async function chooseOut(suggested: string): Promise<string | null> {
    clear();
    const picked = await dalel().bundle.chooseOut({ suggested }).catch(failed);
    if (!picked.ok) {
      setError(picked.error);
      return null;
    }
    return picked.value.path || null;
  }

  /** A file too large to be what it should be, said in words instead of read. */
  function refuseTooLarge(text: string): void {
    setError(null);
    setTooLarge(text);
  }

  /** A chosen file's bytes as base64, or null once refused and said: larger than `maxBytes` (in `tooLargeText`), or unreadable. */
  async function chosenBase64(chosen: File, maxBytes: number, tooLargeText: string): Promise<string | null> {
    if (chosen.size > maxBytes) {
      refuseTooLarge(tooLargeText);
      return null;
    }
    const encoded = await readAsBase64(chosen).catch(() => null);
    if (encoded === null) setError({ code: 'ioError', params: { path: chosen.name } });
    return encoded;
  }

  return { working, error, setError, tooLarge, clear, run, chooseOut, chosenBase64, cancelButton };
}
