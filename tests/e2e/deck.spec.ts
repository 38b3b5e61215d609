// A community manager's deck end to end: Roost in browser mode against the real local Bluesky network.
// Four columns of different types; a sandbox account mentions the brand; the mention arrives in the
// mentions column by itself (polling), and a like and a reply sent from the column land on the network. The
// brand account is protected: the inline reply asks for its handle, like the composer, before the outbox
// sends it; the reply then counts on its item and shows in the thread.
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
  const protectedSwitch = page
    .getByTestId('account-item')
    .filter({ hasText: brand.handle })
    .getByRole('switch');
  await protectedSwitch.click();
  await expect(protectedSwitch).toBeChecked();
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
  // A protected account: nothing goes out until its handle is typed.
  const dialog = page.getByRole('dialog', { name: 'Confirm before publishing' });
  await expect(dialog).toBeVisible();
  await page.waitForTimeout(1_000);
  await sandbox.processAll();
  const early = await appView<{ thread: { replies?: unknown[] } }>(
    sandbox.info.appviewUrl,
    'app.bsky.feed.getPostThread',
    { uri: mention.uri },
  );
  expect(early.thread.replies ?? []).toEqual([]);
  await dialog.getByRole('textbox').first().fill(brand.handle);
  await dialog.getByRole('button', { name: 'Confirm and send' }).click();
  await expect(card.getByTestId('progress-line')).toContainText('Sending in');
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
      { timeout: 40_000 },
    )
    .toEqual([replyText]);
  // The outcome shows on the item: its reply count, the reply under it, and the thread.
  await expect(card.getByRole('button', { name: 'Reply' })).toHaveText(/1/, { timeout: 10_000 });
  await expect(card.getByTestId('sent-echo')).toContainText(replyText);
  await card.getByRole('button', { name: 'Thread' }).click();
  // The reply itself as an item of the thread (the echo under the mention shows the same text as a link).
  await expect(
    page.getByRole('complementary', { name: 'Thread' }).locator('.item__text').filter({ hasText: replyText }),
  ).toBeVisible({ timeout: 10_000 });
});
