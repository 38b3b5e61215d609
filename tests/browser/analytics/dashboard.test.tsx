// The Analytics dashboard in real Chromium, fed by the real archive worker: items ingested into a column
// become listening counts, and the charts draw them — points per hour, bars per network, the best-hours
// cells — with the same numbers in each chart's table, a CSV of that table, the previous period beside the
// current one, the items behind a point from the archive, and French number formats.
import { afterEach, expect, test, vi } from 'vitest';
import { HOUR_MS, hourOf } from '../../../src-shared/analytics/listening.ts';
import { columnSourceKey } from '../../../src-shared/domain/column.ts';
import { makeItem } from '../archive/make-item.ts';
import { openHarness, renderAnalytics, type AnalyticsHarness } from './render-analytics.tsx';

const WAIT = { timeout: 10_000 };
let harness: AnalyticsHarness | null = null;
afterEach(() => {
  harness?.close();
  harness = null;
  vi.restoreAllMocks();
});

const NOW = hourOf(Date.now()) + 30 * 60_000;
/** The 24 h range ends at the next whole hour; its first hour starts 23 hours before this one. */
const FIRST = hourOf(NOW) - 23 * HOUR_MS;
const source = { type: 'search' as const, accountId: 'acct-1', param: 'kettle' };
const COLUMN = columnSourceKey(source);
const at = (hourIndex: number, minute: number) =>
  new Date(FIRST + hourIndex * HOUR_MS + minute * 60_000).toISOString();

async function seed(h: AnalyticsHarness): Promise<void> {
  await h.db.columns.put({ id: 'col-1', workspaceId: 'ws', title: 'Kettle watch', source } as never);
  const items = [
    // Hour 2: three items (two Bluesky, one Mastodon), one of them negative.
    makeItem({ id: 'a', text: 'I love my new kettle', createdAt: at(2, 5) }),
    makeItem({ id: 'b', text: 'kettle arrived broken, terrible and awful', createdAt: at(2, 15) }),
    makeItem({ id: 'c', text: 'kettle news', createdAt: at(2, 45), network: 'mastodon' }),
    // Hour 10: one item.
    makeItem({ id: 'd', text: 'another kettle', createdAt: at(10, 1) }),
    // The previous period (24 h earlier than hour 2): two items.
    makeItem({ id: 'p1', text: 'old kettle', createdAt: at(2 - 24, 10) }),
    makeItem({ id: 'p2', text: 'old kettle again', createdAt: at(2 - 24, 20) }),
  ];
  await h.archive.ingest(COLUMN, items);
  await h.archive.whenIdle();
}

async function openDashboard(language: 'en' | 'fr' = 'en') {
  harness = await openHarness();
  await seed(harness);
  const app = await renderAnalytics(harness, { now: NOW, language });
  const { screen } = app;
  await screen.getByRole('button', { name: language === 'en' ? '24 h' : '24 h' }).click();
  await expect.element(screen.getByTestId('chart-volume').getByRole('heading'), WAIT).toBeVisible();
  return app;
}

test('draws one point per hour, the network bars and the busy cells from the ingested items', async () => {
  const { screen } = await openDashboard();
  const volume = screen.getByTestId('chart-volume');
  await vi.waitFor(() => {
    expect(
      volume.element().querySelectorAll('.recharts-line-dots')[0]?.querySelectorAll('circle'),
    ).toHaveLength(24);
  }, WAIT);
  // Two lines: this period and the previous one.
  expect(volume.element().querySelectorAll('.recharts-line-curve')).toHaveLength(2);
  expect(screen.getByTestId('summary-tiles').element().textContent).toContain('4');
  // +100 %: four items against two.
  expect(screen.getByTestId('summary-tiles').element().textContent).toContain('+100%');

  const bars = screen.getByTestId('chart-networks').element().querySelectorAll('.recharts-bar-rectangle');
  expect(bars).toHaveLength(2);
  await expect.element(screen.getByTestId('chart-networks').getByText('Mastodon')).toBeVisible();

  const cells = [...screen.getByTestId('chart-best-hours').element().querySelectorAll('rect[data-value]')];
  expect(cells).toHaveLength(7 * 24);
  const busy = cells
    .filter((c) => Number(c.getAttribute('data-value')) > 0)
    .map((c) => Number(c.getAttribute('data-value')));
  expect(busy.sort()).toEqual([1, 3]);
});

test('the table view shows the same numbers, and the CSV holds them', async () => {
  const { screen } = await openDashboard();
  const volume = screen.getByTestId('chart-volume');
  await volume.getByRole('button', { name: 'Table' }).click();
  const rows = volume.element().querySelectorAll('tbody tr');
  expect(rows).toHaveLength(24);
  const cellsOf = (i: number) => [...(rows[i]?.querySelectorAll('td') ?? [])].map((td) => td.textContent);
  // Items, previous period, then the "Show items" link.
  expect(cellsOf(2).slice(0, 2)).toEqual(['3', '2']);
  expect(cellsOf(10).slice(0, 2)).toEqual(['1', '0']);

  let href = '';
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    href = this.href;
  });
  await volume.getByRole('button', { name: 'Export CSV' }).click();
  const csv = decodeURIComponent(href.slice(href.indexOf(',') + 1));
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('Time,Items,Previous period');
  expect(lines).toHaveLength(25);
  expect(lines[3]?.split(',').slice(-2)).toEqual(['3', '2']);
});

test('a point leads to the items behind it, searched in the archive', async () => {
  const { screen } = await openDashboard();
  const volume = screen.getByTestId('chart-volume');
  await volume.getByRole('button', { name: 'Table' }).click();
  const links = volume.getByRole('button', { name: 'Show items' });
  await links.nth(2).click();
  const panel = screen.getByTestId('items-behind');
  await expect.element(panel.getByText('3 items'), WAIT).toBeVisible();
  await expect.element(panel.getByText('kettle arrived broken, terrible and awful')).toBeVisible();
  expect(panel.element().textContent).not.toContain('another kettle');

  // The sentiment chart's rows lead to the same hour; the network bars to one network.
  await screen.getByTestId('chart-networks').getByRole('button', { name: 'Table' }).click();
  await screen.getByTestId('chart-networks').getByRole('button', { name: 'Show items' }).nth(1).click();
  await expect.element(panel.getByText('1 item'), WAIT).toBeVisible();
  await expect.element(panel.getByText('kettle news')).toBeVisible();
});

test('PNG export draws the chart onto a canvas', async () => {
  const { screen } = await openDashboard();
  let href = '';
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    href = this.href;
  });
  await vi.waitFor(
    () => expect(screen.getByTestId('chart-volume').element().querySelector('svg')).not.toBeNull(),
    WAIT,
  );
  await screen.getByTestId('chart-volume').getByRole('button', { name: 'Export PNG' }).click();
  await vi.waitFor(() => expect(href.startsWith('data:image/png;base64,')).toBe(true), WAIT);
  const image = new Image();
  image.src = href;
  await image.decode();
  expect(image.naturalWidth).toBeGreaterThan(200);
});

test('in French, labels and numbers follow French conventions', async () => {
  const { screen } = await openDashboard('fr');
  await expect.element(screen.getByRole('heading', { name: 'Volume dans le temps' }), WAIT).toBeVisible();
  // French percent formatting puts a narrow no-break space before the sign.
  await vi.waitFor(
    () => expect(screen.getByTestId('summary-tiles').element().textContent).toMatch(/\+100\s%/),
    WAIT,
  );
  await expect
    .element(screen.getByRole('heading', { name: 'Part des sentiments dans le temps' }))
    .toBeVisible();
});
