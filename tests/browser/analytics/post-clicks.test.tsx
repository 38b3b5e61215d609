// Short-link clicks per sent post on the dashboard, in real Chromium over real IndexedDB: the engagement-by-
// post chart draws a clicks bar beside each post's engagement, its table and the top posts list carry the
// same numbers, and posts nobody clicked draw no clicks bar at all.
import { afterEach, expect, test, vi } from 'vitest';
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

function sample(postKey: string, engagement: number, clicks: number): PostSampleRow {
  return {
    postKey,
    sampledAt: iso(NOW - HOUR_MS),
    accountId: 'acct-1',
    network: 'bluesky',
    postedAt: iso(NOW - 3 * HOUR_MS),
    text: `post ${postKey}`,
    engagement,
    likes: null,
    reposts: null,
    replies: null,
    quotes: null,
    clicks,
    utmCampaign: null,
  };
}

async function open(samples: PostSampleRow[]) {
  harness = await openHarness();
  await harness.db.postSamples.bulkPut(samples);
  const { screen } = await renderAnalytics(harness, { now: NOW });
  const chart = screen.getByTestId('chart-engagement-posts');
  await expect.element(chart.getByRole('heading'), WAIT).toBeVisible();
  return { screen, chart };
}

test('each post draws its engagement and its link clicks, with the same numbers in the table', async () => {
  const { screen, chart } = await open([sample('p1', 12, 40), sample('p2', 30, 0), sample('p3', 5, 7)]);
  // Two series: three engagement bars, and clicks bars for the two posts that were clicked (0 draws none).
  await vi.waitFor(() => {
    expect(chart.element().querySelectorAll('.recharts-bar-rectangle')).toHaveLength(5);
  }, WAIT);
  const series = [...chart.element().querySelectorAll('.recharts-bar')];
  expect(series.map((g) => g.querySelectorAll('.recharts-bar-rectangle').length)).toEqual([3, 2]);
  await expect.element(chart.getByText('Clicks')).toBeVisible();

  await chart.getByRole('button', { name: 'Table' }).click();
  const rows = [...chart.element().querySelectorAll('tbody tr')].map((tr) =>
    [...tr.children].map((cell) => cell.textContent),
  );
  // Sorted by engagement, clicks last.
  expect(rows).toEqual([
    ['post p2', '30', '0'],
    ['post p1', '12', '40'],
    ['post p3', '5', '7'],
  ]);
  const top = screen.getByTestId('chart-top-posts');
  await expect.element(top.getByText(/40 link clicks/)).toBeVisible();
  await expect.element(top.getByText(/7 link clicks/)).toBeVisible();
});

test('posts nobody clicked draw engagement only', async () => {
  const { chart } = await open([sample('p1', 12, 0), sample('p2', 3, 0)]);
  await vi.waitFor(() => {
    expect(chart.element().querySelectorAll('.recharts-bar-rectangle')).toHaveLength(2);
  }, WAIT);
  expect(chart.element().querySelectorAll('.recharts-bar')).toHaveLength(1);
});
