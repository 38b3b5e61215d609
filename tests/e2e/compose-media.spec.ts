// Images from the composer, end to end: a PNG picked through the file input, described, sent from Roost in
// browser mode to the real local Bluesky network, which is then read with @atproto/api as the judge; and
// main's media folder pruned when main starts.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AtpAgent } from '@atproto/api';
import { expect, test, type Page } from '@playwright/test';
import { startBrowserMode, type BrowserModeApp } from './support/browser-mode.ts';
import { postsContaining } from './support/network.ts';
import { sandboxClient } from './support/sandbox.ts';
import { addBlueskyAccount, openSection } from './support/ui.ts';

const PNG = readFileSync(path.join(import.meta.dirname, '../../resources/tray.png'));
const FILE_NAME = 'harbour-at-dawn.png';

let app: BrowserModeApp;
test.beforeEach(async () => {
  app = await startBrowserMode();
});
test.afterEach(async () => {
  await app.stop();
});

const unique = (label: string): string =>
  `${label}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;

interface ImageRecord {
  readonly text: string;
  readonly embed?: {
    readonly $type: string;
    readonly images?: readonly {
      readonly alt: string;
      readonly image: { readonly mimeType: string; readonly size: number; readonly ref: unknown };
    }[];
  };
}

/** The blob's CID, whether the record came back as a decoded BlobRef (a CID object) or as plain JSON. */
const cidOf = (ref: unknown): string =>
  typeof ref === 'object' && ref !== null && '$link' in ref ? String(ref.$link) : String(ref);

/** Opens the composer for one account, types the text and attaches the PNG through the file input. */
async function composeWithImage(page: Page, handle: string, text: string): Promise<void> {
  await openSection(page, 'Compose');
  const pick = page.getByTestId(`pick-${handle}`);
  if ((await pick.getAttribute('aria-pressed')) !== 'true') await pick.click();
  await page.getByLabel('Post text').first().fill(text);
  await page
    .getByTestId('compose')
    .locator('input[type="file"]')
    .setInputFiles({ name: FILE_NAME, mimeType: 'image/png', buffer: PNG });
  await expect(page.getByRole('img', { name: `Preview of ${FILE_NAME}` })).toBeVisible();
}

test('an image attached in the composer reaches Bluesky once, with its alt text', async ({ page }) => {
  test.setTimeout(120_000);
  const sandbox = sandboxClient();
  const me = await sandbox.createAccount({ handlePrefix: 'picture' });
  await page.goto(app.url);
  await addBlueskyAccount(page, sandbox.info.pdsUrl, me.handle, me.appPassword);

  const text = unique('with a picture');
  const alt = `Fishing boats moored in a calm harbour at dawn ${unique('alt')}`;
  await composeWithImage(page, me.handle, text);
  // No description yet: the composer asks for one.
  await expect(page.getByText('Describe this image for people who cannot see it.')).toBeVisible();
  await page.getByLabel(`Description (alt text) of ${FILE_NAME}`).fill(alt);
  await expect(page.getByText('Describe this image for people who cannot see it.')).toHaveCount(0);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByTestId('compose-notice')).toBeVisible();

  await expect
    .poll(async () => (await postsContaining(sandbox.info.pdsUrl, me.did, text)).length, { timeout: 40_000 })
    .toBe(1);

  // The record on the PDS, read through @atproto/api: one image embed, this PNG, this alt text.
  const agent = new AtpAgent({ service: sandbox.info.pdsUrl });
  const listed = await agent.com.atproto.repo.listRecords({
    repo: me.did,
    collection: 'app.bsky.feed.post',
    limit: 100,
  });
  const matching = listed.data.records.filter((r) => (r.value as unknown as ImageRecord).text === text);
  expect(matching).toHaveLength(1);
  const record = matching[0]!.value as unknown as ImageRecord;
  expect(record.embed?.$type).toBe('app.bsky.embed.images');
  const images = record.embed?.images ?? [];
  expect(images.map((i) => ({ alt: i.alt, mimeType: i.image.mimeType, size: i.image.size }))).toEqual([
    { alt, mimeType: 'image/png', size: PNG.length },
  ]);
  const blob = await agent.com.atproto.sync.getBlob({ did: me.did, cid: cidOf(images[0]!.image.ref) });
  expect(Buffer.from(blob.data).equals(PNG)).toBe(true);

  // What people see: the AppView shows the post with the image and the same description.
  await sandbox.processAll();
  const appview = new AtpAgent({ service: sandbox.info.appviewUrl });
  const views = await appview.app.bsky.feed.getPosts({ uris: [matching[0]!.uri] });
  const embed = views.data.posts[0]?.embed as { $type?: string; images?: { alt: string }[] } | undefined;
  expect(embed?.$type).toBe('app.bsky.embed.images#view');
  expect(embed?.images?.map((i) => i.alt)).toEqual([alt]);

  // And it stays one: nothing sends it again behind the person's back.
  await page.waitForTimeout(3_000);
  expect(await postsContaining(sandbox.info.pdsUrl, me.did, text)).toHaveLength(1);
});

test('with descriptions required, an image without alt text cannot be sent', async ({ page }) => {
  test.setTimeout(120_000);
  const sandbox = sandboxClient();
  const me = await sandbox.createAccount({ handlePrefix: 'noalt' });
  await page.goto(app.url);
  await addBlueskyAccount(page, sandbox.info.pdsUrl, me.handle, me.appPassword);

  const text = unique('undescribed picture');
  await composeWithImage(page, me.handle, text);
  const send = page.getByRole('button', { name: 'Send', exact: true });
  // Without the setting, the prompt only asks: sending stays possible.
  await expect(page.getByText('Describe this image for people who cannot see it.')).toBeVisible();
  await expect(send).toBeEnabled();

  await page.getByText('Sending options').click();
  await page.getByLabel('Require a description for every image').check();
  const altField = page.getByLabel(`Description (alt text) of ${FILE_NAME}`);
  await expect(altField).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('compose-problems')).toContainText('1 image has no description.');
  await expect(send).toBeDisabled();
  // The keyboard shortcut is refused as well.
  await page.getByLabel('Post text').first().press('Control+Enter');
  await page.waitForTimeout(3_000);
  expect(await postsContaining(sandbox.info.pdsUrl, me.did, text)).toHaveLength(0);

  // Described, it may go.
  await altField.fill('A sketch of a roost');
  await expect(page.getByTestId('compose-problems')).toHaveCount(0);
  await expect(send).toBeEnabled();
});

test('main prunes old images and crashed writes from its media folder when it starts', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'roost-e2e-media-'));
  const media = path.join(dataDir, 'media');
  mkdirSync(media);
  const id = (label: string): string => createHash('sha256').update(label).digest('hex');
  const old = `${id('old')}.png`;
  const recent = `${id('recent')}.png`;
  const temp = `.${id('crashed')}.6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b.tmp`;
  const foreign = 'keep-me.txt';
  for (const name of [old, recent, temp, foreign]) writeFileSync(path.join(media, name), PNG);
  const daysAgo = (days: number): number => (Date.now() - days * 24 * 3_600_000) / 1000;
  utimesSync(path.join(media, old), daysAgo(31), daysAgo(31));
  utimesSync(path.join(media, recent), daysAgo(29), daysAgo(29));
  utimesSync(path.join(media, temp), daysAgo(1), daysAgo(1));
  utimesSync(path.join(media, foreign), daysAgo(400), daysAgo(400));

  const seeded = await startBrowserMode({}, { dataDir });
  try {
    // One pass removes both, so once they are gone the pass is over.
    await expect.poll(() => readdirSync(media).filter((n) => n === old || n === temp)).toEqual([]);
    expect(readdirSync(media).sort()).toEqual([foreign, recent].sort());
  } finally {
    await seeded.stop();
  }
});
