/**
 * EngineError: how engine code reports a failure that the user must hear
 * about, by contract error code. dispatch() turns it into a Result; anything
 * else thrown becomes `internal`. File-system errors are mapped here so that a
 * full disk or a read-only folder gets its own clear message.
 */
import type { DalelError, ErrorCode } from '../../shared/ipc';

export class EngineError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly problems?: DalelError['problems'],
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'EngineError';
  }

  toDalelError(): DalelError {
    return {
      code: this.code,
      ...(Object.keys(this.params).length ? { params: this.params } : {}),
      ...(this.problems ? { problems: this.problems } : {}),
    };
  }
}

/** Maps a Node file-system error to the error the user should see. */
export function fromFsError(error: unknown, path: string): EngineError {
  if (error instanceof EngineError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new EngineError('diskFull');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new EngineError('permissionDenied', { path });
  return new EngineError('ioError', { path });
}
