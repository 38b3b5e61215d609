// Steps end-to-end tests share: reaching a section and signing an account in through Settings.
import { expect, type Page } from '@playwright/test';

export async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name, exact: true }).click();
}

export async function addBlueskyAccount(
  page: Page,
  server: string,
  handle: string,
  appPassword: string,
): Promise<void> {
  await openSection(page, 'Settings');
  await page.getByTestId('settings-tab-accounts').click();
  await page.getByLabel('Server').fill(server);
  await page.getByLabel('Handle').fill(handle);
  await page.getByLabel('App password').fill(appPassword);
  await page.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByTestId('account-item').filter({ hasText: handle })).toBeVisible();
}
