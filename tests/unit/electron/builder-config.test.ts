// electron-builder.yml passes electron-builder's own schema check and ships what main loads at run time.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DebugLogger } from 'builder-util/out/DebugLogger.js';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { appPaths } from '../../../src-main/electron/app-paths.ts';

const projectDir = fileURLToPath(new URL('../../../', import.meta.url));

describe('electron-builder.yml', () => {
  it('is valid and describes Roost', async () => {
    const config = await getConfig(projectDir, path.join(projectDir, 'electron-builder.yml'), null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.productName).toBe('Roost');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.asar).toBe(true);
    expect(config.directories?.buildResources).toBe('resources');
    expect(config.publish).toMatchObject({ provider: 'generic' });
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toBe('dmg');
    expect(config.win?.target).toBe('nsis');
  }, 30_000);

  it('packs dist, package.json and every icon main loads at run time', async () => {
    const config = await getConfig(projectDir, path.join(projectDir, 'electron-builder.yml'), null);
    // getConfig normalises `files` into filter sets.
    const files = ([config.files].flat() as (string | { filter?: string | string[] })[]).flatMap((entry) =>
      typeof entry === 'string' ? [entry] : [entry.filter ?? []].flat(),
    );
    expect(files).toEqual(expect.arrayContaining(['dist/**', 'package.json']));
    const paths = appPaths(projectDir);
    for (const icon of [paths.windowIconPath, paths.trayIconPath]) {
      expect(files).toContain(path.relative(projectDir, icon).split(path.sep).join('/'));
      expect(existsSync(icon)).toBe(true);
    }
    expect(existsSync(path.join(projectDir, 'resources', 'icons', '256x256.png'))).toBe(true);
  }, 30_000);
});
