/**
 * One Node version, stated and tested: package.json's engines (enforced by
 * .npmrc's engine-strict), the README, CI's installer and the Node these
 * tests run on all say the same.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

describe('the Node version', () => {
  const engines = JSON.parse(read('package.json')).engines.node as string;
  const [, major, minor] = /^>=(\d+)\.(\d+)$/.exec(engines) ?? [];

  it('is a lower bound that npm enforces', () => {
    expect(engines).toMatch(/^>=\d+\.\d+$/);
    expect(read('.npmrc')).toMatch(/^engine-strict=true$/m);
  });

  it('is the one the README and CI state, and the one these tests run on', () => {
    expect(read('README.md')).toContain(`Node.js ${major}.${minor} or later`);
    expect(read('.ci/run')).toContain(`major > ${major} || (major === ${major} && minor >= ${minor})`);
    expect(read('.ci/run')).toContain(`node@${major}`);
    const [runningMajor, runningMinor] = process.versions.node.split('.').map(Number);
    expect(runningMajor! > Number(major) || (runningMajor === Number(major) && runningMinor! >= Number(minor)), process.versions.node).toBe(true);
  });

  it('covers what every installed dependency declares it needs', () => {
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { engines?: { node?: string } }> };
    const needsMore = Object.entries(lock.packages).flatMap(([name, { engines: wanted }]) => {
      const floor = /^>=?\s*(\d+)(?:\.(\d+))?/.exec(wanted?.node ?? '');
      if (!floor || (wanted?.node ?? '').includes('||')) return [];
      const [needMajor, needMinor] = [Number(floor[1]), Number(floor[2] ?? 0)];
      return needMajor > Number(major) || (needMajor === Number(major) && needMinor > Number(minor)) ? [`${name} ${wanted?.node}`] : [];
    });
    expect(needsMore).toEqual([]);
  });
});
