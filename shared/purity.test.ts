// Proves that the lint rules keeping each folder where it may run (STYLE.md)
// really fire: shared/ may not import electron or Node or touch the DOM, the
// engine may not import electron, the renderer may not import Node.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((message) => message.ruleId ?? 'parse');
}

describe('folder boundaries', () => {
  it('keep shared/ pure', async () => {
    for (const line of ["import { readFile } from 'node:fs';", "import { app } from 'electron';", "import path from 'path';"]) {
      expect(await ruleIds(`${line}\nexport const x = 1;\n`, 'shared/model/example.ts')).toContain('no-restricted-imports');
    }
    expect(await ruleIds('export const title = document.title;\n', 'shared/model/example.ts')).toContain('no-restricted-globals');
    expect(await ruleIds("import { z } from 'zod';\nexport const x = z.string();\n", 'shared/model/example.ts')).toEqual([]);
  });

  it('keep electron out of the engine and the command, and Node out of the renderer', async () => {
    expect(await ruleIds("import { app } from 'electron';\nexport const a = app;\n", 'electron/engine/example.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { app } from 'electron';\nexport const a = app;\n", 'electron/cli/example.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { readFile } from 'node:fs';\nexport const r = readFile;\n", 'renderer/src/example.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { app } from 'electron';\nexport const a = app;\n", 'electron/main/example.ts')).toEqual([]);
  });
});
