// Browser mode restarted with a given token, as main is behind an open page: any token the host can
// generate is taken, including one that starts with "-" (a base64url token does, one time in 64).
import { expect, test } from '@playwright/test';
import { startBrowserMode } from './support/browser-mode.ts';

test('browser mode starts with a per-launch token that begins with a dash, and the page opens with it', async ({
  page,
}) => {
  const token = `-${'Zx9_'.repeat(10)}-end`;
  const app = await startBrowserMode({}, { token });
  try {
    expect(app.token).toBe(token);
    await page.goto(app.url);
    await expect(page.getByRole('navigation').first()).toBeVisible();
  } finally {
    await app.stop();
  }
});
