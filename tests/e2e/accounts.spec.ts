// Adding and removing a Bluesky account end to end: Chromium drives Roost in browser mode, main signs in
// against the real local Bluesky network and stores the app password in the real Secret Service.
import { expect, test, type Page } from '@playwright/test';
import { startBrowserMode, type BrowserModeApp } from './support/browser-mode.ts';
import { sandboxClient } from './support/sandbox.ts';
import { dumpRendererState, recordReceivedFrames } from './support/secret-scan.ts';
import { createSecretServiceKeychain } from '../../src-main/vault/secret-service-keychain.ts';
import { createSecretVault } from '../../src-main/vault/secret-vault.ts';

let app: BrowserModeApp;
test.beforeEach(async () => {
  app = await startBrowserMode();
});
test.afterEach(async () => {
  await app.stop();
});

async function openAccounts(page: Page): Promise<void> {
  await page.goto(app.url);
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Settings', exact: true })
    .click();
  await page.getByTestId('settings-tab-accounts').click();
}

async function fillAccountForm(page: Page, server: string, handle: string, password: string): Promise<void> {
  await page.getByLabel('Server').fill(server);
  await page.getByLabel('Handle').fill(handle);
  await page.getByLabel('App password').fill(password);
  await page.getByRole('button', { name: 'Add account' }).click();
}

test('add a Bluesky account with a wrong then right app password, see it listed, remove it', async ({
  page,
}) => {
  const sandbox = sandboxClient();
  const person = await sandbox.createAccount({ handlePrefix: 'e2e' });
  const received = recordReceivedFrames(page);
  const keychain = createSecretServiceKeychain();
  const vault = createSecretVault(keychain);

  await openAccounts(page);
  await fillAccountForm(page, sandbox.info.pdsUrl, person.handle, 'wrong-pass-word-1234');
  await expect(page.getByTestId('add-account-error')).toHaveAttribute('data-code', 'auth_failed');
  await expect(page.getByTestId('account-item')).toHaveCount(0);
  await expect(page.getByLabel('App password')).toHaveValue('');

  await fillAccountForm(page, sandbox.info.pdsUrl, person.handle, person.appPassword);
  const item = page.getByTestId('account-item').filter({ hasText: person.handle });
  await expect(item).toBeVisible();
  await expect(item.getByTestId('account-status')).toHaveAttribute('class', /badge--active/);
  const accountId = await item.getAttribute('data-account-id');
  expect(accountId).toBeTruthy();

  const stored = await vault.read(accountId as string);
  expect(stored.state).toBe('stored');

  // The app password must be nowhere the renderer can see.
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  const state = await dumpRendererState(page);
  for (const text of [state, ...received]) {
    expect(text).not.toContain(person.appPassword);
    expect(text).not.toContain('accessJwt');
    expect(text).not.toContain('refreshJwt');
  }
  expect(received.length).toBeGreaterThan(0);

  await openAccounts(page);
  const listed = page.getByTestId('account-item').filter({ hasText: person.handle });
  await listed.getByRole('button', { name: 'Remove' }).click();
  await listed.getByRole('button', { name: 'Confirm removal' }).click();
  await expect(page.getByTestId('account-item').filter({ hasText: person.handle })).toHaveCount(0);
  expect((await vault.read(accountId as string)).state).toBe('not_stored');
  await keychain.stop();
});

test('an unreachable server gives a clear error and keeps nothing', async ({ page }) => {
  await openAccounts(page);
  await fillAccountForm(page, 'http://127.0.0.1:9', 'nobody.test', 'abcd-efgh-ijkl-mnop');
  await expect(page.getByTestId('add-account-error')).toHaveAttribute('data-code', 'network_unreachable');
  await expect(page.getByTestId('account-item')).toHaveCount(0);
});

test.describe('without a keychain', () => {
  test.beforeEach(async () => {
    await app.stop();
    app = await startBrowserMode({ DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/roost-bus' });
  });

  test('explains what to install, answers a wrong password first, says the keychain is unavailable and keeps nothing', async ({
    page,
  }) => {
    const sandbox = sandboxClient();
    const person = await sandbox.createAccount({ handlePrefix: 'nokey' });
    await openAccounts(page);
    await expect(page.getByTestId('vault-status')).toHaveAttribute('data-state', 'unavailable');
    // The way forward: a keyring to install for the desktop, or this run's throwaway keyring.
    const help = page.getByTestId('keyring-help');
    await expect(help).toContainText('sudo apt install gnome-keyring');
    await expect(help).toContainText('./roost browser --private-keyring');
    // The server's answer to a wrong password comes before any keychain error.
    await fillAccountForm(page, sandbox.info.pdsUrl, person.handle, 'wrong-pass-word-1234');
    await expect(page.getByTestId('add-account-error')).toHaveAttribute('data-code', 'auth_failed');
    await fillAccountForm(page, sandbox.info.pdsUrl, person.handle, person.appPassword);
    await expect(page.getByTestId('add-account-error')).toHaveAttribute('data-code', 'keychain_unavailable');
    await expect(page.getByTestId('account-item')).toHaveCount(0);
  });
});
