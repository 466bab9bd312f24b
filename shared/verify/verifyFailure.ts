/**
 * The one exception the verifier's steps throw, always caught by
 * `verifyBundle` and turned into the report's `failure`: it never leaves the
 * bundle folder of the engine.
 */
import type { FailureReason } from '../bagit';

export type FailureDetail = Record<string, string | number>;

export class VerifyFailure extends Error {
  constructor(
    readonly reason: FailureReason,
    readonly file?: string,
    readonly detail?: FailureDetail,
  ) {
    super(`${reason}${file === undefined ? '' : `: ${file}`}`);
  }
}
