// The dashboard on ranges over a week draws from the daily rollups alone: after ingest the hourly rows are
// deleted, and the 30-day charts still show every item — one point per day, the period total, the networks
// and the best-hours cells placed from each day's hourly profile.
import { afterEach, expect, test } from 'vitest';
import { HOUR_MS, hourOf } from '../../../src-shared/analytics/listening.ts';
import { columnSourceKey } from '../../../src-shared/domain/column.ts';
import { makeItem } from '../archive/make-item.ts';
import { openHarness, renderAnalytics, type AnalyticsHarness } from './render-analytics.tsx';

const WAIT = { timeout: 10_000 };
let harness: AnalyticsHarness | null = null;
afterEach(() => {
  harness?.close();
  harness = null;
});

const NOW = hourOf(Date.now()) + 30 * 60_000;
const source = { type: 'search' as const, accountId: 'acct-1', param: 'kettle' };
const COLUMN = columnSourceKey(source);
const ago = (hours: number) => new Date(hourOf(NOW) - hours * HOUR_MS + 60_000).toISOString();

test('a 30-day range draws from the day rows alone', async () => {
  harness = await openHarness();
  await harness.db.columns.put({ id: 'col-1', workspaceId: 'ws', title: 'Kettle watch', source } as never);
  await harness.archive.ingest(COLUMN, [
    makeItem({ id: 'a', text: 'kettle', createdAt: ago(2) }),
    makeItem({ id: 'b', text: 'kettle', createdAt: ago(2) }),
    makeItem({ id: 'c', text: 'kettle', createdAt: ago(50), network: 'mastodon' }),
    makeItem({ id: 'd', text: 'kettle', createdAt: ago(24 * 10 + 5) }),
    makeItem({ id: 'e', text: 'kettle', createdAt: ago(24 * 29) }),
  ]);
  await harness.archive.whenIdle();
  // Only the rollups remain: what the charts draw can only come from them.
  await harness.db.listeningCounts.clear();
  expect(await harness.db.listeningDaily.count()).toBeGreaterThan(0);

  const { screen } = await renderAnalytics(harness, { now: NOW });
  await screen.getByRole('button', { name: '30 days' }).click();
  const volume = screen.getByTestId('chart-volume');
  await expect.element(volume.getByRole('heading'), WAIT).toBeVisible();
  await expect
    .poll(
      () => volume.element().querySelectorAll('.recharts-line-dots')[0]?.querySelectorAll('circle').length,
      WAIT,
    )
    .toBe(30);
  expect(screen.getByTestId('summary-tiles').element().textContent).toContain('5');

  const bars = screen.getByTestId('chart-networks').element().querySelectorAll('.recharts-bar-rectangle');
  expect(bars).toHaveLength(2);
  await expect.element(screen.getByTestId('chart-networks').getByText('Mastodon')).toBeVisible();

  // Four distinct hours of the week held items (two at the same hour): four busy cells.
  const cells = [...screen.getByTestId('chart-best-hours').element().querySelectorAll('rect[data-value]')];
  expect(cells).toHaveLength(7 * 24);
  expect(cells.filter((c) => Number(c.getAttribute('data-value')) > 0)).toHaveLength(4);
});
