/**
 * electron-builder.yml, checked the way electron-builder itself checks it
 * (its own schema validator), plus what docs/design.md requires of a packaged
 * build: no update feed, the fuses flipped, the five installers.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Both are electron-builder's own dependencies, loaded exactly as it loads them.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean }): Promise<void>;
};

type Target = string | { target: string };
interface Platform {
  target: Target[];
  category?: string;
  executableName?: string;
}
interface Config {
  appId: string;
  productName: string;
  files: string[];
  asar?: boolean;
  electronFuses: Record<string, boolean>;
  linux: Platform;
  win: Platform;
  mac: Platform;
}
const configPath = fileURLToPath(new URL('../../electron-builder.yml', import.meta.url));
const config = yaml.load(readFileSync(configPath, 'utf8')) as Config;
const targetsOf = (platform: Platform) => platform.target.map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(config, { isEnabled: false })).resolves.toBeUndefined();
  });

  it('is checked strictly: a misspelt fuse would be rejected', async () => {
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runsAsNode: false } };
    await expect(validateConfiguration(misspelt, { isEnabled: false })).rejects.toThrow(/electronFuses/);
  });

  it('names the app and has no update feed', () => {
    expect(config.appId).toBe('org.dalel.app');
    expect(config.productName).toBe('Dalel');
    expect(config).toHaveProperty('publish', null);
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
  });

  it('flips the fuses: no run-as-node, no NODE_OPTIONS, no inspect, asar only and checked', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
    expect(config.asar).not.toBe(false);
  });

  it('builds AppImage and deb, NSIS, and dmg', () => {
    expect(targetsOf(config.linux)).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.linux.category).toBe('Utility');
    expect(targetsOf(config.win)).toContain('nsis');
    expect(targetsOf(config.mac)).toContain('dmg');
  });

  it('installs the executable as `dalel` on Linux, which the deb puts on the PATH: the app runs a command line itself (commandLine.ts)', () => {
    expect(config.linux.executableName).toBe('dalel');
  });
});
