// A community manager's deck end to end: Roost in browser mode against the real local Bluesky network.
// Four columns of different types; a sandbox account mentions the brand; the mention arrives in the
// mentions column by itself (polling), and a like and a reply sent from the column land on the network.
import { expect, test, type Page } from '@playwright/test';
import { startBrowserMode, type BrowserModeApp } from './support/browser-mode.ts';
import { sandboxClient } from './support/sandbox.ts';
import { addBlueskyAccount, openSection } from './support/ui.ts';

let app: BrowserModeApp;
test.beforeEach(async () => {
  app = await startBrowserMode();
});
test.afterEach(async () => {
  await app.stop();
});

async function addColumn(page: Page, type: string, param?: string): Promise<void> {
  await page.getByRole('button', { name: 'Add column' }).first().click();
  const form = page.getByRole('form', { name: 'Add a column' });
  await form.getByLabel('Column').selectOption({ label: type });
  if (param !== undefined) await form.locator('input').fill(param);
  await form.getByRole('button', { name: 'Add column' }).click();
}

async function appView<T>(appviewUrl: string, method: string, params: Record<string, string>): Promise<T> {
  const query = new URLSearchParams(params).toString();
  const res = await fetch(`${appviewUrl}/xrpc/${method}?${query}`);
  expect(res.ok).toBe(true);
  return (await res.json()) as T;
}

test('a live mention arrives in the mentions column; like and reply from the column reach the network', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const sandbox = sandboxClient();
  const brand = await sandbox.createAccount({ handlePrefix: 'dbrand' });
  const fan = await sandbox.createAccount({ handlePrefix: 'deckfan' });
  const keyword = `roostdeck${Date.now().toString(36)}`;
  await sandbox.post({ handle: brand.handle, text: `Welcome to the ${keyword} launch` });

  await page.goto(app.url);
  await addBlueskyAccount(page, sandbox.info.pdsUrl, brand.handle, brand.appPassword);
  await openSection(page, 'Streams');
  await addColumn(page, 'Mentions');
  await addColumn(page, 'Home');
  await addColumn(page, 'Search', keyword);
  await addColumn(page, 'Profile', brand.handle);
  const columns = page.getByTestId('deck-columns').locator('section.column');
  await expect(columns).toHaveCount(4);
  const profile = columns.nth(3);
  await expect(profile.locator('article.item').filter({ hasText: keyword })).toBeVisible({ timeout: 30_000 });

  // The fan mentions the brand after the deck is live: it must arrive without any click.
  const mention = await sandbox.post({
    handle: fan.handle,
    text: `@${brand.handle} loving the ${keyword} launch!`,
  });
  const mentions = columns.nth(0);
  const card = mentions.locator('article.item').filter({ hasText: 'loving the' });
  await expect(card).toBeVisible({ timeout: 90_000 });

  await card.getByRole('button', { name: 'Like' }).click();
  await expect
    .poll(
      async () => {
        await sandbox.processAll();
        const likes = await appView<{ likes: { actor: { handle: string } }[] }>(
          sandbox.info.appviewUrl,
          'app.bsky.feed.getLikes',
          { uri: mention.uri },
        );
        return likes.likes.map((l) => l.actor.handle);
      },
      { timeout: 20_000 },
    )
    .toContain(brand.handle);

  const replyText = `Thank you! reply-${keyword}`;
  await card.getByRole('button', { name: 'Reply' }).click();
  await card.locator('textarea').fill(replyText);
  await card.getByRole('button', { name: 'Send reply' }).click();
  await expect
    .poll(
      async () => {
        await sandbox.processAll();
        const thread = await appView<{ thread: { replies?: { post: { record: { text: string } } }[] } }>(
          sandbox.info.appviewUrl,
          'app.bsky.feed.getPostThread',
          { uri: mention.uri },
        );
        return (thread.thread.replies ?? []).map((r) => r.post.record.text);
      },
      { timeout: 20_000 },
    )
    .toEqual([replyText]);
});
