/**
 * Every document in the repository links only inside it: a clone holds
 * everything its docs point to. Links to the web (https:, mailto:) are
 * allowed; a relative link must name a file or folder of the checkout.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const documents = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.md'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((file) => file && existsSync(join(root, file)));

/** The targets of a Markdown document's links and images: inline `[text](target)` and reference `[label]: target`. */
function linkTargets(text: string): string[] {
  const withoutCode = text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const inline = [...withoutCode.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]!);
  const reference = [...withoutCode.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((match) => match[1]!);
  return [...inline, ...reference];
}

describe('links in the repository’s documents', () => {
  it('finds the documents', () => {
    expect(documents).toContain('README.md');
    expect(documents).toContain('docs/spec/bundle-format.md');
  });

  it.each(documents)('%s links only to files of the checkout', (document) => {
    const broken = linkTargets(readFileSync(join(root, document), 'utf8')).filter((target) => {
      if (/^(https?:|mailto:)/.test(target) || target.startsWith('#')) return false;
      const path = resolve(root, dirname(document), decodeURIComponent(target.split('#')[0]!));
      return relative(root, path).startsWith('..') || !existsSync(path);
    });
    expect(broken).toEqual([]);
  });
});

describe('documents named in code and configuration', () => {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((file) => /\.(ts|tsx|js|json|yml|html|css|md)$/.test(file) && !file.endsWith('package-lock.json') && file !== 'scripts/docLinks.test.ts' && existsSync(join(root, file)));

  it('exist in the checkout (a path like docs/spec/cli.md, or a handbook name like DESIGN.md, must be a file here)', () => {
    const missing = files.flatMap((file) =>
      [...readFileSync(join(root, file), 'utf8').matchAll(/(?<![\w./-])((?:docs|spec|electron|shared|renderer|bench|resources)\/[\w./-]+\.md|[A-Z][A-Z_]+\.md)\b/g)]
        .map((match) => match[1]!)
        .filter((named) => !existsSync(join(root, named)) && !existsSync(join(root, dirname(file), named)))
        .map((named) => `${file}: ${named}`),
    );
    expect(missing).toEqual([]);
  });
});
