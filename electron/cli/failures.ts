/**
 * How a command stops early: the engine refused (a contract error, exit 1),
 * a checked bundle is not valid (exit 1), or the command's own input was
 * unusable (a file missing, not JSON, an option missing: exit 2, "could not run").
 */
import type { DalelError } from '../../shared/ipc';

export class CommandFailure extends Error {
  constructor(readonly error: DalelError) {
    super(error.code);
  }
}

export class InputFailure extends Error {}

/** `dalel verify` found the bundle not valid: its report is printed; the exit code says 1. */
export class VerifyRejected extends Error {}
