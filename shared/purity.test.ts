// Proves that the lint rules keeping each folder where it may run (docs/style.md)
// really fire: shared/ may not import electron or Node or touch the DOM, the
// engine may not import electron, the renderer may not import Node.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

/** A one-line module importing `name` from `module` (built, so that this file itself imports nothing forbidden). */
const importing = (name: string, module: string) => `import ${name} from '${module}';\nexport const x = ${name.replace(/[{} ]/g, '')};\n`;

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((message) => message.ruleId ?? 'parse');
}

describe('folder boundaries', () => {
  it('keep shared/ pure', async () => {
    for (const [name, module] of [['{ readFile }', 'node:fs'], ['{ app }', 'electron'], ['path', 'path']]) {
      expect(await ruleIds(importing(name!, module!), 'shared/model/example.ts')).toContain('no-restricted-imports');
    }
    // Tests too: what shared/ proves must hold where it runs, without Node.
    expect(await ruleIds(importing('{ createHash }', 'node:crypto'), 'shared/model/example.test.ts')).toContain('no-restricted-imports');
    expect(await ruleIds('export const title = document.title;\n', 'shared/model/example.ts')).toContain('no-restricted-globals');
    expect(await ruleIds(importing('{ z }', 'zod'), 'shared/model/example.ts')).toEqual([]);
  });

  it('keep electron out of the engine and the command, and Node out of the renderer', async () => {
    expect(await ruleIds(importing('{ app }', 'electron'), 'electron/engine/example.ts')).toContain('no-restricted-imports');
    expect(await ruleIds(importing('{ app }', 'electron'), 'electron/cli/example.ts')).toContain('no-restricted-imports');
    expect(await ruleIds(importing('{ readFile }', 'node:fs'), 'renderer/src/example.ts')).toContain('no-restricted-imports');
    expect(await ruleIds(importing('{ app }', 'electron'), 'electron/main/example.ts')).toEqual([]);
  });
});
