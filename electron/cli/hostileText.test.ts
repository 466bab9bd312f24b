/**
 * What other people wrote reaches the terminal as text, never as commands
 * to it: an archive merged in under a name with escape sequences, or a field
 * holding them, shows in `custody`, `resolve`, `list` and `show` with each
 * control character escaped (\u001b), so it can neither erase nor forge the
 * provenance line a person picks a version by, nor set the clipboard.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../engine/testing/fixtures';
import { printable } from './terminalText';
import { dalelInProcess as dalel } from './testing/inProcess';
import { conflictBetween } from './testing/steps';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(() => folder.remove());



// ESC, BEL, CR, OSC 52 (sets the clipboard), a bidi override, a line separator.
const raw = /[\p{Cc}\u202e\u2028]/u;

describe('text from other archives on the terminal', () => {
  it('shows an escape-laden archive name and field escaped in custody, resolve, list and show', async () => {
    const { org, recordId } = await conflictBetween(folder.path, {
      partnerName: 'Partner\u001b[31m RED\u0007',
      theirs: 'Almaty\u001b[2K\r\u001b]52;c;ZXZpbA==\u0007 forged\u202e',
      ours: 'Алматы',
    });

    const custody = await dalel(['custody', org]);
    expect(custody.code).toBe(0);
    expect(custody.out).toContain('from archive “Partner\\u001b[31m RED\\u0007”');
    const versions = await dalel(['resolve', org, recordId]);
    expect(versions.code).toBe(2);
    expect(versions.out).toContain('Merged from archive “Partner\\u001b[31m RED\\u0007”');
    expect(versions.out).toContain('title: Almaty\\u001b[2K\\u000d\\u001b]52;c;ZXZpbA==\\u0007 forged\\u202e');
    const list = await dalel(['list', org]);
    const show = await dalel(['show', org, recordId]);
    for (const printed of [custody.out, versions.out, list.out, show.out]) expect(printed.replace(/\n/g, '')).not.toMatch(raw);
  });

  it('escapes every control, format and separator character, and keeps the rest', () => {
    expect(printable('a\tb\nc\u0085\u200f\u2029\u{e0001} Жаңаөзен')).toBe('a\\u0009b\\u000ac\\u0085\\u200f\\u2029\\u{e0001} Жаңаөзен');
  });
});
