/**
 * An edited merge of a record's versions in conflict, as data: where the
 * editor starts (each field the versions agree on as it is, each other field
 * as version 1 has it), which fields are written as text and which are
 * chosen from a version, and the record it gives. Pure: what is merged is
 * the person's choice; the engine checks the result like any save.
 */
import type { SignedRevision } from '../../../shared/model';
import { differingFields, versionFields } from './conflictVersions';

export type Data = Record<string, unknown>;

/** How one differing field is merged: written (a text, prefilled) or chosen (the index of a version). */
export type MergeChoice = { kind: 'text'; text: string } | { kind: 'version'; index: number };

export interface MergeDraft {
  /** The versions' fields, in the record's order; versions that retracted the record have none and are left out. */
  versions: Data[];
  /** The fields that differ, each with how it is merged now. */
  choices: Map<string, MergeChoice>;
}

const isText = (value: unknown) => value === undefined || value === null || typeof value === 'string';

/** The editor's start, or null when a version retracted the record (then only keeping one resolves it). */
export function startMerge(versions: readonly SignedRevision[], order: readonly string[]): MergeDraft | null {
  if (versions.some((signed) => signed.revision.data === null)) return null;
  const data = versions.map((signed) => signed.revision.data as Data);
  const differing = differingFields(versions, versionFields(versions, order));
  const choices = new Map<string, MergeChoice>(
    differing.map((field) => {
      const values = data.map((fields) => fields[field]);
      // A field that is text in every version is written; anything else (a list, a time, a code) is chosen whole.
      return [field, values.every(isText) ? { kind: 'text', text: String(values[0] ?? '') } : { kind: 'version', index: 0 }];
    }),
  );
  return { versions: data, choices };
}

/** The merged record: version 1's fields (those every version agrees on among them), each differing field as merged. */
export function mergedData(draft: MergeDraft): Data {
  const merged: Data = { ...draft.versions[0] };
  for (const [field, choice] of draft.choices) {
    const value = choice.kind === 'text' ? choice.text : draft.versions[choice.index]?.[field];
    // An emptied text or a chosen absent value leaves the field out, as a form leaves an empty field.
    if (value === undefined || (choice.kind === 'text' && value === '')) delete merged[field];
    else merged[field] = value;
  }
  return merged;
}
