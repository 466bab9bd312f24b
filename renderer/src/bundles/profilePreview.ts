/**
 * What a bundle will carry, worked out in the renderer before the export so
 * that the person sees it first: which records a selection brings, and what
 * the profile does to them (who is named by a pseudonym, which testimonies,
 * evidence files and confidential texts stay out). The rules are the
 * engine's own (shared/model/exportPolicy.ts); this only counts and lists.
 */
import {
  exportWarnings,
  redact,
  selectRecords as select,
  type BundleProfile,
  type ExportWarnings,
  type PolicyFile,
  type PolicyRecord,
  type Redactions,
  type WithheldReason,
} from '../../../shared/model';

export type PreviewRecordType = PolicyRecord['type'];
export type PreviewRecord = PolicyRecord;

export interface PreviewFile extends PolicyFile {
  originalName: string;
  description?: string;
}

export type { WithheldReason };

export interface ProfilePreview {
  /** What the bundle holds: records by type, and distinct evidence files (a file listed twice is in the bag once). */
  counts: { incidents: number; effects: number; sources: number; interventions: number; files: number };
  /** Sources whose person will be named by a pseudonym. */
  pseudonymized: PreviewRecord[];
  /** Sources left out whole (a testimony whose person did not consent to publication). */
  sourcesWithheld: PreviewRecord[];
  filesWithheld: (PreviewFile & { reason: WithheldReason })[];
  /** Public: photos and videos that go as cleaned copies (the export leaves out any it cannot clean). */
  filesCleaned: PreviewFile[];
  /** The evidence files the bundle carries, once each. */
  files: PreviewFile[];
  /** Records whose confidential free text is left out. */
  confidentialText: PreviewRecord[];
  /** The same counts the engine writes into bundle.json and the report. */
  redactions: Redactions;
  /** What could still point to someone withheld: for the person to look at before exporting. */
  warnings: ExportWarnings<PreviewRecord>;
}

/** The records an export brings, in the archive's order (chosen ids that name nothing are ignored). */
export function selectRecords(records: readonly PreviewRecord[], only: readonly string[] | null, profile: BundleProfile): PreviewRecord[] {
  return select(records, only, profile).selected;
}

/** What `profile` does to these (already selected) records and their files. */
export function previewProfile(profile: BundleProfile, records: readonly PreviewRecord[], files: readonly PreviewFile[]): ProfilePreview {
  // The pseudonym itself is the engine's (keyed to the archive); the preview only says who gets one.
  const redacted = redact(profile, records, files, () => '');
  const counts = { incidents: 0, effects: 0, sources: 0, interventions: 0, files: new Set(redacted.files.map((file) => file.sha256)).size };
  for (const record of redacted.records) counts[`${record.type}s` as const] += 1;
  return {
    counts,
    pseudonymized: redacted.pseudonymized,
    sourcesWithheld: redacted.sourcesWithheld,
    filesWithheld: redacted.filesWithheld,
    filesCleaned: redacted.filesCleaned,
    files: [...new Map(redacted.files.map((file) => [file.sha256, file])).values()],
    confidentialText: redacted.confidentialText,
    redactions: redacted.redactions,
    warnings: exportWarnings(records, redacted),
  };
}
