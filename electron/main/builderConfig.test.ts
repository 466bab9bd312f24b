/**
 * electron-builder.yml, checked the way electron-builder itself checks it
 * (its own schema validator), plus what docs/design.md requires of a packaged
 * build: no update feed, the fuses flipped, the five installers.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Both are electron-builder's own dependencies, loaded exactly as it loads them.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean }): Promise<void>;
};

type Target = string | { target: string };
interface FileSet {
  from: string;
  to: string;
}
interface Platform {
  target: Target[];
  category?: string;
  executableName?: string;
  extraFiles?: FileSet[];
  extraResources?: FileSet[];
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
  directories: { buildResources: string };
  nsis: { include?: string };
  pkg: { scripts?: string; isRelocatable?: boolean };
}
const projectDir = fileURLToPath(new URL('../../', import.meta.url));
const configPath = path.join(projectDir, 'electron-builder.yml');
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

  it('carries the command on Windows: dalel.cmd in bin\\ beside Dalel.exe (it runs ..\\Dalel.exe), and the installer that puts bin\\ on the PATH', () => {
    expect(config.win.extraFiles).toContainEqual({ from: 'resources/cli/windows/dalel.cmd', to: 'bin/dalel.cmd' });
    expect(readFileSync(path.join(projectDir, 'resources/cli/windows/dalel.cmd'), 'utf8')).toContain('"%~dp0..\\Dalel.exe" %*');
    expect(config.nsis.include).toBe('resources/cli/windows/installer.nsh');
    expect(readFileSync(path.join(projectDir, config.nsis.include!), 'utf8')).toContain('StrCpy $R0 "$INSTDIR\\bin"');
  });

  it('carries the command on macOS: the launcher in Contents/Resources/bin, linked by the pkg, which installs where the link expects', () => {
    expect(targetsOf(config.mac)).toContain('pkg');
    expect(config.mac.extraResources).toContainEqual({ from: 'resources/cli/macos/dalel', to: 'bin/dalel' });
    // electron-builder resolves pkg.scripts against the build resources folder.
    const scripts = path.resolve(projectDir, config.directories.buildResources, config.pkg.scripts!);
    expect(scripts).toBe(path.join(projectDir, 'resources/cli/macos/pkg-scripts'));
    expect(statSync(path.join(scripts, 'postinstall')).mode & 0o111).toBe(0o111);
    expect(readFileSync(path.join(scripts, 'postinstall'), 'utf8')).toContain('/Dalel.app/Contents/Resources/bin/dalel');
    expect(config.pkg.isRelocatable).toBe(false);
    for (const { from } of [...config.win.extraFiles!, ...config.mac.extraResources!]) expect(existsSync(path.join(projectDir, from))).toBe(true);
  });
});
