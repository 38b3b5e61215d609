// Publishing without accidents, end to end: Roost in browser mode, the composer in Chromium, main's outbox
// and guards, and the real local Bluesky network as the judge of what was posted.
import { expect, test, type Page } from '@playwright/test';
import { startBrowserMode, type BrowserModeApp } from './support/browser-mode.ts';
import { sandboxClient } from './support/sandbox.ts';
import { addBlueskyAccount, openSection } from './support/ui.ts';
import { postsContaining } from './support/network.ts';

let app: BrowserModeApp;
test.beforeEach(async () => {
  app = await startBrowserMode();
});
test.afterEach(async () => {
  await app.stop();
});

const unique = (label: string): string =>
  `${label}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;

async function writePost(page: Page, handle: string, text: string): Promise<void> {
  await openSection(page, 'Compose');
  const pick = page.getByTestId(`pick-${handle}`);
  if ((await pick.getAttribute('aria-pressed')) !== 'true') await pick.click();
  await page.getByLabel('Post text').first().fill(text);
}

async function waitUntilSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
}

test('a draft written while main is down survives a restart and is sent exactly once', async ({ page }) => {
  test.setTimeout(120_000);
  const sandbox = sandboxClient();
  const me = await sandbox.createAccount({ handlePrefix: 'offline' });
  await page.goto(app.url);
  await addBlueskyAccount(page, sandbox.info.pdsUrl, me.handle, me.appPassword);
  await openSection(page, 'Compose');
  await expect(page.getByTestId(`pick-${me.handle}`)).toBeVisible();

  // Main goes away (the laptop lost its background service); the user keeps typing.
  const { dataDir, port, token } = app;
  await app.stop({ keepData: true });
  await expect(page.getByTestId('compose-offline')).toBeVisible({ timeout: 20_000 });
  const text = unique('written offline');
  await writePost(page, me.handle, text);
  await waitUntilSaved(page);

  // Restart everything: main on the same data, and the page itself.
  app = await startBrowserMode({}, { dataDir, port, token });
  await page.reload();
  await openSection(page, 'Compose');
  await expect(page.getByLabel('Post text').first()).toHaveValue(text);

  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect
    .poll(async () => (await postsContaining(sandbox.info.pdsUrl, me.did, text)).length, { timeout: 40_000 })
    .toBe(1);
  // And it stays one: nothing retries it behind the user's back.
  await page.waitForTimeout(3_000);
  expect(await postsContaining(sandbox.info.pdsUrl, me.did, text)).toHaveLength(1);
});

test('a protected account posts only after its handle is typed; undo cancels within the window', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const sandbox = sandboxClient();
  const brand = await sandbox.createAccount({ handlePrefix: 'guard' });
  await page.goto(app.url);
  await addBlueskyAccount(page, sandbox.info.pdsUrl, brand.handle, brand.appPassword);
  // The switch follows main's answer, so click and wait for it rather than `check()`.
  const protectedSwitch = page
    .getByTestId('account-item')
    .filter({ hasText: brand.handle })
    .getByRole('switch');
  await protectedSwitch.click();
  await expect(protectedSwitch).toBeChecked();

  const guarded = unique('brand announcement');
  await writePost(page, brand.handle, guarded);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm before publishing' });
  await expect(dialog).toBeVisible();
  const confirm = dialog.getByRole('button', { name: 'Confirm and send' });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox').first().fill('not-the-handle');
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('button', { name: 'Back to editing' }).click();
  await page.waitForTimeout(2_000);
  expect(await postsContaining(sandbox.info.pdsUrl, brand.did, guarded)).toHaveLength(0);

  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await dialog.getByRole('textbox').first().fill(brand.handle);
  await confirm.click();
  await expect
    .poll(async () => (await postsContaining(sandbox.info.pdsUrl, brand.did, guarded)).length, {
      timeout: 40_000,
    })
    .toBe(1);

  // Undo: the post is held for the undo window and cancelling it means nothing reaches the network.
  const regretted = unique('regretted post');
  await writePost(page, brand.handle, regretted);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await dialog.getByRole('textbox').first().fill(brand.handle);
  await confirm.click();
  const toast = page.getByTestId('undo-toast');
  await toast.getByRole('button', { name: /Undo/ }).click();
  await expect(page.getByLabel('Post text').first()).toHaveValue(regretted);
  await page.waitForTimeout(12_000);
  expect(await postsContaining(sandbox.info.pdsUrl, brand.did, regretted)).toHaveLength(0);
});

function localInput(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function slotId(date: Date): string {
  return `slot-${localInput(date).slice(0, 13)}`;
}

test('a scheduled post shows in the calendar, moves by drag, and goes out at the new time', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const sandbox = sandboxClient();
  const me = await sandbox.createAccount({ handlePrefix: 'schedule' });
  await page.goto(app.url);
  await addBlueskyAccount(page, sandbox.info.pdsUrl, me.handle, me.appPassword);

  // The new time is the next whole minute at least 75 s away; the first schedule is an hour later.
  const newTime = new Date(Math.ceil((Date.now() + 75_000) / 60_000) * 60_000);
  const firstTime = new Date(newTime.getTime() + 3_600_000);
  const text = unique('scheduled post');
  await writePost(page, me.handle, text);
  await page.getByLabel('Schedule for later').check();
  await page.getByLabel('Publish at').fill(localInput(firstTime));
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(page.getByTestId('compose-notice')).toBeVisible();

  await openSection(page, 'Calendar');
  const job = page.locator('[data-testid^="job-"]').filter({ hasText: text });
  // Once its undo window has passed the post is queued and can be moved.
  await expect(job).toHaveAttribute('data-state', 'queued', { timeout: 20_000 });
  await expect(
    page.getByTestId(slotId(firstTime)).locator('[data-testid^="job-"]').filter({ hasText: text }),
  ).toBeVisible();
  await job.dragTo(page.getByTestId(slotId(newTime)));
  await expect(
    page.getByTestId(slotId(newTime)).locator('[data-testid^="job-"]').filter({ hasText: text }),
  ).toBeVisible();
  expect(await postsContaining(sandbox.info.pdsUrl, me.did, text)).toHaveLength(0);

  await expect
    .poll(async () => (await postsContaining(sandbox.info.pdsUrl, me.did, text)).length, {
      timeout: newTime.getTime() - Date.now() + 30_000,
      intervals: [2_000],
    })
    .toBe(1);
  const [posted] = await postsContaining(sandbox.info.pdsUrl, me.did, text);
  const publishedAt = new Date(posted?.value.createdAt ?? 0).getTime();
  expect(publishedAt).toBeGreaterThanOrEqual(newTime.getTime());
  expect(publishedAt - newTime.getTime()).toBeLessThan(5_000);
});
