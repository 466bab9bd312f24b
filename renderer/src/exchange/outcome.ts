/**
 * What the person is offered for a checked bundle, and what an import or a
 * merge did, as the screens say it. Pure functions over the engine's
 * answers: they decide nothing the engine has not decided (a bundle that is
 * not valid is never importable here because the engine would refuse it
 * too), they only choose the words.
 */
import type { VerifyReport } from '../../../shared/bagit/verifyReport';
import type { BundleProfile } from '../../../shared/model';

/** The Import button's wording, or null when there is nothing to import. */
export type ImportButton = 'import' | 'importUnknown' | 'trustAndImport';

/**
 * An unknown signer is named as such on the button itself, so that nobody
 * imports from one without reading it; choosing to trust it first changes
 * the button to say that too.
 */
export function importButtonOf(report: VerifyReport, trusting: boolean): ImportButton | null {
  if (!report.valid || !report.signer) return null;
  if (report.signer.trustedAs !== null) return 'import';
  return trusting ? 'trustAndImport' : 'importUnknown';
}

/** A redacted bundle (legal, public) is kept whole apart from the records; only an internal one merges into them. */
export const keptApart = (profile: BundleProfile | undefined): boolean => profile !== undefined && profile !== 'internal';

export type Outcome =
  | { kind: 'merged'; revisions: number; files: number }
  /** Everything was already here: merging again changes nothing. */
  | { kind: 'nothingNew' }
  | { kind: 'received'; profile: Exclude<BundleProfile, 'internal'> };

interface Added {
  kind?: 'merged' | 'received';
  revisionsAdded: number;
  attachmentsAdded: number;
}

/** An import's or a merge's result (a merge has no kind: it always merges). */
export function outcomeOf(added: Added, profile?: BundleProfile): Outcome {
  if (added.kind === 'received') return { kind: 'received', profile: profile === 'public' ? 'public' : 'legal' };
  if (added.revisionsAdded === 0 && added.attachmentsAdded === 0) return { kind: 'nothingNew' };
  return { kind: 'merged', revisions: added.revisionsAdded, files: added.attachmentsAdded };
}
