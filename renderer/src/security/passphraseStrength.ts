/**
 * How strong a new passphrase is, and whether it may be used at all. The
 * strength comes from zxcvbn-ts (pattern matching against common passwords,
 * keyboard walks, dates, repeats), loaded on first use so that its
 * dictionaries never slow the start of the app. It only advises: the one
 * hard rule is the contract's minimum length. Nothing here stores a
 * passphrase or sends it anywhere.
 */
import { minPassphraseLength } from '../../../shared/ipc';

/** zxcvbn's score: 0 (guessed in moments) to 4 (out of reach of an offline attack). */
export type StrengthLevel = 0 | 1 | 2 | 3 | 4;
export const strongestLevel: StrengthLevel = 4;

export type StrengthEstimator = (passphrase: string) => StrengthLevel;

let estimator: Promise<StrengthEstimator> | undefined;

/** The estimator, built once; its dictionaries load on the first call. */
export function loadStrengthEstimator(): Promise<StrengthEstimator> {
  estimator ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(([core, common]) => {
    const zxcvbn = new core.ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
    return (passphrase) => zxcvbn.check(passphrase).score;
  });
  return estimator;
}

export type PassphraseProblem = 'required' | 'tooShort' | 'mismatch';

/** What stops a new passphrase (and its repetition) from being used, if anything. */
export function newPassphraseProblems(passphrase: string, confirmation: string): { passphrase?: PassphraseProblem; confirmation?: PassphraseProblem } {
  if (passphrase.length === 0) return { passphrase: 'required' };
  if (passphrase.length < minPassphraseLength) return { passphrase: 'tooShort' };
  if (passphrase !== confirmation) return { confirmation: 'mismatch' };
  return {};
}
