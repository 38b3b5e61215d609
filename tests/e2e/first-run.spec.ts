// A first run end to end, on a machine without a Secret Service: browser mode with `--private-keyring`, a
// fresh profile, and a running local sandbox that announces itself through its discovery file. From the
// welcome screen, one click adds the sandbox's brand account (main reads the password; the page never
// does), the starter columns are accepted, and a fresh mention arrives in the live mentions column.
// Screenshots of the welcome screen and the deck at 1280 px are kept in test-results/ to look at.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { writeSandboxDiscovery } from '../../src-main/sandbox/sandbox-discovery.ts';
import { startBrowserMode, type BrowserModeApp } from './support/browser-mode.ts';
import { sandboxClient } from './support/sandbox.ts';

let app: BrowserModeApp | null = null;
let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'roost-first-run-'));
});
test.afterEach(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('a fresh profile with a running sandbox reaches a live mentions column in a few clicks', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const started = Date.now();
  const sandbox = sandboxClient();
  const brand = await sandbox.createAccount({ handlePrefix: 'frbrand', displayName: 'First Run Brand' });
  const fan = await sandbox.createAccount({ handlePrefix: 'frfan' });
  const discovery = path.join(dir, 'sandbox.json');
  writeSandboxDiscovery(discovery, {
    version: 1,
    pid: process.pid,
    pdsUrl: sandbox.info.pdsUrl,
    brand: { handle: brand.handle, displayName: brand.displayName, appPassword: brand.appPassword },
  });
  // No D-Bus session of the caller's: only the private keyring can store the password.
  app = await startBrowserMode(
    { ROOST_SANDBOX_DISCOVERY: discovery, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' },
    { args: ['--private-keyring'] },
  );
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);

  await expect(page.getByTestId('private-keyring-banner')).toContainText('vanish');
  const welcome = page.getByRole('region', { name: 'Welcome to Roost' });
  await expect(welcome).toBeVisible();
  const use = welcome.getByRole('button', { name: `Use the sandbox as @${brand.handle}` });
  await expect(use).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('welcome-1280.png') });
  await use.click();

  const offer = page.getByRole('region', { name: `Start with a workspace for @${brand.handle}?` });
  await offer.getByRole('button', { name: 'Open these columns' }).click();
  const columns = page.getByTestId('deck-columns').locator('section.column');
  await expect(columns).toHaveCount(3);
  await expect(page.getByRole('region', { name: 'Search: First Run Brand' })).toBeVisible();

  await sandbox.post({ handle: fan.handle, text: `@${brand.handle} hello from the first run` });
  const mentions = page.getByRole('region', { name: 'Mentions' });
  await expect(mentions.locator('article.item').filter({ hasText: 'hello from the first run' })).toBeVisible({
    timeout: 45_000,
  });
  expect(Date.now() - started).toBeLessThan(60_000);

  // The toolbar fits one line at 1280 px.
  const toolbar = await page.locator('.deck__toolbar').boundingBox();
  expect(toolbar!.height).toBeLessThan(48);
  await page.screenshot({ path: testInfo.outputPath('deck-1280.png') });
  // The same deck, dark and compact, the density chosen through the command palette.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Type a command, a section or a column' }).fill('density compact');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-density', 'compact');
  await page.screenshot({ path: testInfo.outputPath('deck-1280-dark-compact.png') });
  // The password was never on the page.
  expect(await page.content()).not.toContain(brand.appPassword);
});
