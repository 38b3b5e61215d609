// The charts added beside the listening ones, drawn from known data in real Chromium: language share from
// items ingested through the real archive worker (summed by the real analytics worker), and the inquiry
// charts from the desk's figures (desk:stats) — bars, their labels, the per-desk switch, the table, the
// CSV and the items behind a bar.
import { afterEach, expect, test, vi } from 'vitest';
import type { DeskStats } from '../../../src-shared/contract/desk-contract.ts';
import { HOUR_MS } from '../../../src-shared/analytics/listening.ts';
import { columnSourceKey } from '../../../src-shared/domain/column.ts';
import { makeItem } from '../archive/make-item.ts';
import {
  FIRST_HOUR as FIRST,
  KETTLE as source,
  KETTLE_COLUMN as COLUMN,
  openHarness,
  renderAnalytics,
  TEST_NOW as NOW,
  type AnalyticsHarness,
} from './render-analytics.tsx';

let harness: AnalyticsHarness | null = null;
afterEach(() => {
  vi.restoreAllMocks();
  harness?.close();
  harness = null;
});
const WAIT = { timeout: 10_000 };

const MENTIONS = columnSourceKey({ type: 'mentions', accountId: 'acct-1', param: null });
const at = (hourIndex: number) => new Date(FIRST + hourIndex * HOUR_MS + 60_000).toISOString();

/** The desk's answer for the 24 h range: conversations in hours 3 and 10, one expert and one desk. */
function deskStats(input: { from: number; to: number; bucketMs: number }): DeskStats {
  const volume = Array.from({ length: (input.to - input.from) / input.bucketMs }, (_, i) => ({
    start: input.from + i * input.bucketMs,
    conversations: i === 3 ? 2 : i === 10 ? 1 : 0,
  }));
  return {
    volume,
    experts: [
      {
        key: 'me',
        conversations: 2,
        responded: 2,
        medianFirstResponseMs: 30 * 60_000,
        slaMet: 2,
        slaMissed: 0,
      },
      { key: '', conversations: 1, responded: 0, medianFirstResponseMs: null, slaMet: 0, slaMissed: 0 },
    ],
    desks: [
      {
        key: 'acct-1',
        conversations: 3,
        responded: 2,
        medianFirstResponseMs: 45 * 60_000,
        slaMet: 1,
        slaMissed: 1,
      },
    ],
  };
}

async function openDashboard() {
  harness = await openHarness();
  await harness.db.columns.put({ id: 'col-1', workspaceId: 'ws', title: 'Kettle watch', source } as never);
  await harness.archive.ingest(COLUMN, [
    makeItem({ id: 'e1', text: 'my kettle is great', createdAt: at(2), lang: 'en' }),
    makeItem({ id: 'e2', text: 'kettle boiled', createdAt: at(2), lang: 'en' }),
    makeItem({ id: 'e3', text: 'kettle again', createdAt: at(5), lang: 'en' }),
    makeItem({ id: 'f1', text: 'ma bouilloire est cassée', createdAt: at(7), lang: 'fr' }),
  ]);
  await harness.archive.ingest(MENTIONS, [
    makeItem({ id: 'm1', text: '@brand where is my order?', createdAt: at(3) }),
  ]);
  await harness.archive.whenIdle();
  const app = await renderAnalytics(harness, { now: NOW, handlers: { 'desk:stats': deskStats } });
  await app.screen.getByRole('button', { name: '24 h' }).click();
  return app;
}

const barsOf = (card: Element) =>
  [...card.querySelectorAll('.recharts-bar-rectangle path')].filter(
    (p) => Number(p.getAttribute('height') ?? 0) > 0,
  );
const labelsOf = (card: Element) =>
  [...card.querySelectorAll('.recharts-label-list text')].map((t) => t.textContent);

test('language share draws a bar per language with its share, and a bar leads to its items', async () => {
  const { screen } = await openDashboard();
  const card = screen.getByTestId('chart-languages');
  // Four English items (three in the search column, one mention) and one French.
  await expect.poll(() => labelsOf(card.element()), WAIT).toEqual(['80%', '20%']);
  expect(barsOf(card.element())).toHaveLength(2);
  await expect.element(card.getByText('English')).toBeVisible();
  await expect.element(card.getByText('French')).toBeVisible();

  await card.getByRole('button', { name: 'Table' }).click();
  const cells = [...card.element().querySelectorAll('tbody tr')].map((tr) =>
    [...tr.querySelectorAll('th, td')].slice(0, 3).map((c) => c.textContent),
  );
  expect(cells).toEqual([
    ['English', '4', '80'],
    ['French', '1', '20'],
  ]);
  await card.getByRole('button', { name: 'Show items' }).nth(1).click();
  const panel = screen.getByTestId('items-behind');
  await expect.element(panel.getByText('1 item'), WAIT).toBeVisible();
  await expect.element(panel.getByText('ma bouilloire est cassée')).toBeVisible();
});

test('inquiry charts draw the desk’s volume, first-response times and SLA hit rate, per expert then desk', async () => {
  const { screen } = await openDashboard();
  const volume = screen.getByTestId('chart-inquiry-volume');
  await expect.poll(() => barsOf(volume.element()).length, WAIT).toBe(2);
  // The taller bar is hour 3 (two conversations), drawn left of hour 10's.
  const [three, ten] = barsOf(volume.element()).map((p) => p.getBoundingClientRect());
  expect(three!.left).toBeLessThan(ten!.left);
  expect(three!.height).toBeCloseTo(ten!.height * 2, 0);

  const first = screen.getByTestId('chart-first-response');
  const sla = screen.getByTestId('chart-sla-hit-rate');
  // Nobody answered the unassigned conversation: no bar and no label, rather than a 0.
  expect(labelsOf(first.element())).toEqual(['30']);
  expect(barsOf(first.element())).toHaveLength(1);
  await expect.element(first.getByText('You')).toBeVisible();
  await expect.element(first.getByText('Unassigned')).toBeVisible();
  expect(labelsOf(sla.element())[0]).toBe('100%');

  await screen.getByRole('radio', { name: 'Desk' }).click();
  await expect.poll(() => labelsOf(first.element()), WAIT).toEqual(['45']);
  expect(labelsOf(sla.element())).toEqual(['50%']);

  await sla.getByRole('button', { name: 'Table' }).click();
  const row = [...sla.element().querySelectorAll('tbody tr th, tbody tr td')].map((c) => c.textContent);
  expect(row.slice(1, 4)).toEqual(['50', '1', '1']);

  let href = '';
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    href = this.href;
  });
  await volume.getByRole('button', { name: 'Export CSV' }).click();
  const lines = decodeURIComponent(href.slice(href.indexOf(',') + 1))
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('Time,Conversations');
  expect(lines).toHaveLength(25);
  expect(lines[4]?.split(',').at(-1)).toBe('2');

  // The hour-3 bucket's items: the desk's mentions source, searched in the archive.
  await volume.getByRole('button', { name: 'Table' }).click();
  await volume.getByRole('button', { name: 'Show items' }).nth(3).click();
  const panel = screen.getByTestId('items-behind');
  await expect.element(panel.getByText('@brand where is my order?'), WAIT).toBeVisible();
});

test('an empty desk says so instead of drawing empty charts', async () => {
  harness = await openHarness();
  const { screen } = await renderAnalytics(harness, { now: NOW });
  const volume = screen.getByTestId('chart-inquiry-volume');
  await expect.element(volume.getByText('No inquiries in this period.'), WAIT).toBeVisible();
  expect(volume.element().querySelector('svg.recharts-surface')).toBeNull();
});
