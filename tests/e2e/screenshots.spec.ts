// The look, pinned: screenshots of the welcome screen, the deck and the composer in light and dark, compared
// with the committed baselines in screenshots.spec.ts-snapshots/ (update them with --update-snapshots, a
// deliberate decision). Everything drawn is fixed: the page clock is frozen, the deck shows an RSS feed
// served here with fixed titles, authors and dates, and no account is involved (no random handles).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startBrowserMode, type BrowserModeApp } from './support/browser-mode.ts';
import { openSection } from './support/ui.ts';

const NOW = new Date('2026-03-02T12:00:00Z');
/** A visible change (a colour, a spacing step, a moved icon) changes far more than 0.1 % of the pixels. */
const TIGHT = { maxDiffPixelRatio: 0.001, animations: 'disabled' } as const;

const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
  <title>Roost Field Notes</title><link>https://notes.example/</link><description>Fixed feed</description>
  <item><title>Option&lt;T&gt; in Rust, and I &lt;3 feeds</title><link>https://notes.example/option</link>
    <guid>https://notes.example/option</guid><author>ada@notes.example (Ada Lovelace)</author>
    <pubDate>Mon, 02 Mar 2026 11:40:00 GMT</pubDate>
    <description>Why the type system keeps a missing value honest.</description></item>
  <item><title>Spring release notes</title><link>https://notes.example/spring</link>
    <guid>https://notes.example/spring</guid>
    <pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate>
    <description>Columns, a command palette and a calmer deck.</description></item>
  <item><title>Community call recap</title><link>https://notes.example/call</link>
    <guid>https://notes.example/call</guid>
    <pubDate>Sun, 01 Mar 2026 18:30:00 GMT</pubDate>
    <description>Questions from the call, answered.</description></item>
</channel></rss>`;

let app: BrowserModeApp;
let feedServer: Server;
let feedUrl: string;
test.beforeAll(async () => {
  feedServer = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
  });
  await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/feed.xml`;
});
test.afterAll(async () => {
  await new Promise<void>((resolve) => feedServer.close(() => resolve()));
});
test.beforeEach(async () => {
  // No sandbox is discovered (its address changes every run), and the keychain is the test command's own.
  app = await startBrowserMode({ ROOST_SANDBOX_DISCOVERY: path.join(tmpdir(), 'roost-no-sandbox.json') });
});
test.afterEach(async () => {
  await app.stop();
});

async function freeze(page: Page): Promise<void> {
  await page.clock.setFixedTime(NOW);
}

for (const theme of ['light', 'dark'] as const) {
  test(`welcome, deck and composer look as decided (${theme})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({
      colorScheme: theme,
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: 1,
      locale: 'en-GB',
      timezoneId: 'UTC',
    });
    const page = await context.newPage();
    await freeze(page);
    await page.goto(app.url);
    const welcome = page.getByRole('heading', { name: 'Welcome to Roost' });
    await expect(welcome).toBeVisible();
    await expect(page).toHaveScreenshot(`welcome-${theme}.png`, TIGHT);

    await page.getByLabel('Feed address').fill(feedUrl);
    await page.getByRole('button', { name: 'Add the feed' }).click();
    const cards = page.getByTestId('deck-columns').locator('article.item');
    await expect(cards).toHaveCount(3, { timeout: 30_000 });
    await expect(page.getByRole('region', { name: 'Roost Field Notes' })).toBeVisible();
    // Focus would draw a ring wherever the last click left it.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await expect(page).toHaveScreenshot(`deck-${theme}.png`, TIGHT);

    await openSection(page, 'Compose');
    // The composer focuses its text box once the draft has loaded: the picture is taken after that, with
    // the focus where a person finds it.
    await expect(page.locator('textarea').first()).toBeFocused({ timeout: 10_000 });
    await expect(page).toHaveScreenshot(`composer-${theme}.png`, TIGHT);
    await context.close();
  });
}
