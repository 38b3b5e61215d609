// A spike alert end to end: Roost in browser mode against the real local Bluesky network. A brand account
// with a mentions column and no history; sandbox accounts then send a burst of mentions through the sandbox's
// control endpoint. The items arrive in the column, the archive worker counts them, the background spike
// check (its first round runs 15 s after the app opens) stores a volume alert, and the alert's "Show items"
// opens the items of the spike's hour, searched in the archive.
import { expect, test } from '@playwright/test';
import { startBrowserMode, type BrowserModeApp } from './support/browser-mode.ts';
import { sandboxClient } from './support/sandbox.ts';
import { addBlueskyAccount, openSection } from './support/ui.ts';

const BURST = 8;

let app: BrowserModeApp;
test.beforeEach(async () => {
  app = await startBrowserMode();
});
test.afterEach(async () => {
  await app.stop();
});

test('a burst of brand mentions raises a spike alert whose link opens the spike items', async ({ page }) => {
  test.setTimeout(240_000);
  const sandbox = sandboxClient();
  const brand = await sandbox.createAccount({ handlePrefix: 'spkbrand' });
  const fans = [
    await sandbox.createAccount({ handlePrefix: 'spikefan' }),
    await sandbox.createAccount({ handlePrefix: 'spikefan' }),
  ];
  const keyword = `spike${Date.now().toString(36)}`;

  await page.goto(app.url);
  await addBlueskyAccount(page, sandbox.info.pdsUrl, brand.handle, brand.appPassword);
  await openSection(page, 'Streams');
  await page.getByRole('button', { name: 'Add column' }).first().click();
  const form = page.getByRole('form', { name: 'Add a column' });
  await form.getByLabel('Column').selectOption({ label: 'Mentions' });
  await form.getByRole('button', { name: 'Add column' }).click();
  const column = page.getByTestId('deck-columns').locator('section.column').first();
  await expect(column).toBeVisible();

  // The burst: BURST mentions within a minute, from two accounts.
  for (let n = 1; n <= BURST; n += 1) {
    await sandbox.post({
      handle: fans[n % 2]!.handle,
      text: `@${brand.handle} ${keyword} number ${n}: is the service down?`,
    });
  }
  await sandbox.processAll();
  await expect(column.locator('article.item').filter({ hasText: keyword })).toHaveCount(BURST, {
    timeout: 120_000,
  });

  // Counts reach IndexedDB two seconds after ingest; a fresh page runs its first spike check 15 s in.
  await page.waitForTimeout(3_000);
  await page.reload();
  const alert = page.getByTestId('alerts-panel').locator('li').filter({ hasText: 'Volume spike' });
  await expect
    .poll(
      async () => {
        await openSection(page, 'Streams');
        await openSection(page, 'Analytics');
        return alert.count();
      },
      { timeout: 60_000, intervals: [5_000] },
    )
    .toBeGreaterThan(0);
  await expect(alert.first()).toContainText(`${BURST} items in the hour`);

  await alert.first().getByRole('button', { name: 'Show items' }).click();
  const items = page.getByTestId('items-behind');
  await expect(items.locator('li').filter({ hasText: keyword })).toHaveCount(BURST, { timeout: 15_000 });
  await expect(items.getByText(`${keyword} number 1:`)).toBeVisible();
});
