// Campaigns and ROI in real Chromium over real IndexedDB: a campaign added through its form, conversions
// imported from CSV files through the file input (a good file, the same file again, a file with bad lines,
// a file that is not UTF-8), and the results table with value, value per message, cost per conversion
// and ROI per campaign and per network.
import { afterEach, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { HOUR_MS, hourOf } from '../../../src-shared/analytics/listening.ts';
import type { PostSampleRow } from '../../../src-renderer/db/analytics-rows.ts';
import { openHarness, renderAnalytics, type AnalyticsHarness } from './render-analytics.tsx';

const WAIT = { timeout: 10_000 };
let harness: AnalyticsHarness | null = null;
afterEach(() => {
  harness?.close();
  harness = null;
});

const NOW = hourOf(Date.now()) + 10 * 60_000;
const iso = (t: number) => new Date(t).toISOString();

function sample(postKey: string, network: string, clicks: number, utm: string | null): PostSampleRow {
  return {
    postKey,
    sampledAt: iso(NOW - HOUR_MS),
    accountId: 'acct-1',
    network,
    postedAt: iso(NOW - 3 * HOUR_MS),
    text: `post ${postKey}`,
    engagement: 1,
    likes: 1,
    reposts: 0,
    replies: 0,
    quotes: 0,
    clicks,
    utmCampaign: utm,
  };
}

const file = (name: string, content: string | Uint8Array<ArrayBuffer>) =>
  new File([content], name, { type: 'text/csv' });

test('a campaign, its imported conversions and its ROI', async () => {
  harness = await openHarness();
  await harness.db.postSamples.bulkPut([
    sample('p1', 'bluesky', 30, 'spring'),
    sample('p2', 'mastodon', 10, 'spring'),
    sample('p3', 'bluesky', 99, null),
  ]);
  const { screen } = await renderAnalytics(harness, { now: NOW });
  const panel = screen.getByTestId('campaigns-panel');
  await expect.element(panel.getByRole('heading', { name: 'Campaigns and ROI' }), WAIT).toBeVisible();

  await panel.getByLabelText('Name').fill('Spring sale');
  await panel.getByLabelText('UTM campaign').fill('spring');
  await panel.getByLabelText('Cost', { exact: true }).fill('100');
  await panel.getByLabelText('Value per conversion').fill('10');
  await panel.getByLabelText('Value per click').fill('0.5');
  await panel.getByRole('button', { name: 'Add campaign' }).click();
  const results = screen.getByTestId('campaign-results');
  await expect.element(results, WAIT).toBeVisible();

  const input = panel.getByLabelText('Import conversions (CSV)');
  const good = [
    'date,utm_campaign,utm_source,utm_medium,utm_content,conversions,revenue',
    '2026-03-01,spring,bluesky,social,,4,60',
    '2026-03-01,spring,mastodon,social,,1,0',
  ].join('\n');
  await userEvent.upload(input, file('good.csv', good));
  await expect.element(panel.getByText('2 rows imported (0 already imported before).'), WAIT).toBeVisible();
  // value = 60 revenue + 5 × 10 + 40 clicks × 0.5 = 130; 2 messages; ROI (130 − 100) / 100 = 30 %.
  const rows = () =>
    [...results.element().querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''),
    );
  await expect
    .poll(() => rows()[0], WAIT)
    .toEqual(['Spring sale', '2', '40', '5', '130.00', '65.00', '20.00', '30%']);
  // Per network, the cost is shared by messages (50 each): Bluesky 60 + 40 + 15 = 115, Mastodon 10 + 5 = 15.
  expect(
    rows()
      .slice(1)
      .map((r) => [r[0], r[4], r[7]]),
  ).toEqual([
    ['Spring sale · Bluesky', '115.00', '130%'],
    ['Spring sale · Mastodon', '15.00', '-70%'],
  ]);

  // The same file again adds nothing.
  await userEvent.upload(input, file('good.csv', good));
  await expect.element(panel.getByText('0 rows imported (2 already imported before).'), WAIT).toBeVisible();
  expect(await harness.db.conversions.count()).toBe(2);

  // A file with bad lines is refused whole, naming each line.
  const bad = [
    'date,utm_campaign,utm_source,utm_medium,utm_content,conversions,revenue',
    '2026-03-02,spring,bluesky,social,x,1,5',
    '2026-13-01,spring,bluesky,social,y,1,5',
    '2026-03-02,spring,bluesky,social,x,2,5',
  ].join('\n');
  await userEvent.upload(input, file('bad.csv', bad));
  const alert = panel.getByRole('alert');
  await expect
    .element(alert.getByText('Line 3: “2026-13-01” is not a date (use YYYY-MM-DD).'), WAIT)
    .toBeVisible();
  await expect.element(alert.getByText('Line 4: the same date and UTM values as line 2.')).toBeVisible();
  expect(await harness.db.conversions.count()).toBe(2);

  // Latin-1 bytes (é as 0xE9) are not UTF-8.
  const latin1 = new Uint8Array([
    ...new TextEncoder().encode('date,utm_campaign\n2026-03-01,caf'),
    0xe9,
    0x0a,
  ]);
  await userEvent.upload(input, file('latin1.csv', latin1));
  await expect.element(panel.getByRole('alert').getByText(/is not UTF-8 text/), WAIT).toBeVisible();
  expect(await harness.db.conversions.count()).toBe(2);
});
