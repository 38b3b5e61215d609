// Launches the built Electron app (dist/) where the Electron binary is installed and checks the window,
// the preload's `window.roost` and the renderer's isolation. Machines without the binary report it as skipped;
// the same pieces are covered without Electron by tests/unit/electron.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, _electron } from '@playwright/test';
import { REQUEST_METHODS } from '../../src-shared/contract/methods.ts';

const projectDir = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Where the electron package says its binary is, without loading its index (which would try to download
 * the binary); null when it is not on this machine.
 */
function electronBinary(): string | null {
  const packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
  const binary = path.join(distDir, relative);
  return existsSync(binary) ? binary : null;
}

test('the Electron app opens a locked-down window exposing exactly the contract', async () => {
  const binary = electronBinary();
  if (binary === null) {
    test.skip(true, 'Electron binary not present on this machine');
    return;
  }

  const mainEntry = path.join(projectDir, 'dist/main/src-main/electron/main.js');
  expect(existsSync(mainEntry), `build the app first (missing ${mainEntry})`).toBe(true);

  // A fresh profile: userData lives under XDG_CONFIG_HOME on Linux.
  const home = mkdtempSync(path.join(tmpdir(), 'roost-electron-'));
  const args = [projectDir];
  // Chromium refuses to start as root unless its OS sandbox is off; Electron's renderer sandbox stays on.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const app = await _electron.launch({
    executablePath: binary,
    args,
    cwd: projectDir,
    env: {
      ...process.env,
      XDG_CONFIG_HOME: path.join(home, 'config'),
      XDG_CACHE_HOME: path.join(home, 'cache'),
    },
  });
  try {
    const page = await app.firstWindow();
    await expect(page).toHaveTitle('Roost');
    expect(new URL(page.url()).origin).toBe('app://roost');

    const keys = await page.evaluate(() =>
      Object.keys((window as unknown as { roost: object }).roost).sort(),
    );
    expect(keys).toEqual([...REQUEST_METHODS, 'onEvent'].sort());

    const globals = await page.evaluate(() => ({
      process: typeof (globalThis as Record<string, unknown>).process,
      require: typeof (globalThis as Record<string, unknown>).require,
      module: typeof (globalThis as Record<string, unknown>).module,
    }));
    expect(globals).toEqual({ process: 'undefined', require: 'undefined', module: 'undefined' });

    // The CSP header is in force: no eval.
    const evalBlocked = await page.evaluate(() => {
      try {
        return (0, eval)('1') !== 1;
      } catch {
        return true;
      }
    });
    expect(evalBlocked).toBe(true);

    const info = await page.evaluate(() =>
      (window as unknown as { roost: Record<string, (input: unknown) => Promise<unknown>> }).roost[
        'app:info'
      ]?.({}),
    );
    expect(info).toMatchObject({ ok: true, value: { mode: 'electron' } });
  } finally {
    await app.close();
    rmSync(home, { recursive: true, force: true });
  }
});
