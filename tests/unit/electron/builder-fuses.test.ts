// The packaged app's Electron fuses, read from electron-builder.yml through electron-builder's own loader
// and schema check (a misspelt fuse fails validation): no run-as-node, no NODE_OPTIONS, no inspector
// arguments, the app only from its asar, and the asar's integrity checked.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DebugLogger } from 'builder-util/out/DebugLogger.js';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';

const projectDir = fileURLToPath(new URL('../../../', import.meta.url));

describe('electron-builder.yml fuses', () => {
  it('turns off every way to run the binary as something else, and locks the app to its checked asar', async () => {
    const config = await getConfig(projectDir, path.join(projectDir, 'electron-builder.yml'), null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
    // Roost serves its pages from app://, never file://.
    expect(config.electronFuses?.grantFileProtocolExtraPrivileges).toBe(false);
  }, 30_000);
});
