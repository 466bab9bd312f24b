/**
 * The revisions of a damaged record file that still verify (repair.ts).
 * The file is parsed whole when it still is JSON; otherwise each revision
 * object is cut out of the text on its own, so that one damaged byte costs
 * at most the revision it falls in. A revision is kept when its id is its
 * content's hash, its signature its author's, and it belongs to the record
 * the file is named for. The record's type is the type its revisions were
 * signed with (a first revision's, when one verifies), never the file's own
 * unsigned `type` field.
 */
import type { RecordType, SignedRevision } from '../../../shared/model';
import { checkSignedRevision } from '../revisions';

export interface Salvaged {
  recordId: string;
  type: RecordType;
  revisions: SignedRevision[];
}

export function salvageRevisions(bytes: Uint8Array, recordId: string): Salvaged {
  const text = new TextDecoder().decode(bytes);
  const verified = candidates(text).flatMap((value) => {
    const check = checkSignedRevision(value);
    return check.ok && check.revision.revision.recordId === recordId ? [check.revision] : [];
  });
  const unique = [...new Map(verified.map((signed) => [signed.id, signed])).values()];
  const first = unique.find((signed) => !signed.revision.parents.length) ?? unique[0];
  const type = first?.revision.type as RecordType;
  return { recordId, type, revisions: unique.filter((signed) => signed.revision.type === type) };
}

function candidates(text: string): unknown[] {
  try {
    const document = JSON.parse(text) as { revisions?: unknown };
    if (Array.isArray(document?.revisions)) return document.revisions;
  } catch {
    // Not JSON any more: each revision is looked for on its own below.
  }
  const start = text.indexOf('"revisions"');
  return start < 0 ? [] : objectsAfter(text, text.indexOf('[', start) + 1);
}

/** Every balanced `{…}` at the top level of the array that starts at `from`, parsed where it parses. */
function objectsAfter(text: string, from: number): unknown[] {
  const found: unknown[] = [];
  let depth = 0;
  let begin = -1;
  let inString = false;
  for (let index = from; from > 0 && index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') {
      if (depth === 0) begin = index;
      depth += 1;
    } else if (char === '}' && depth > 0) {
      depth -= 1;
      if (depth === 0) found.push(parsed(text.slice(begin, index + 1)));
    } else if (char === ']' && depth === 0) break;
  }
  return found.filter((value) => value !== undefined);
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
