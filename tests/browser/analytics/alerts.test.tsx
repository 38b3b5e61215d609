// Spike alerts in real Chromium over real IndexedDB: four weeks of steady counts and a burst this hour
// raise one volume alert (stored once, however often the check runs), a desktop notification when allowed,
// and an entry in the dashboard's alerts list whose link shows the burst's items from the archive; the
// sensitivity is a saved setting.
import { afterEach, expect, test } from 'vitest';
import { HOUR_MS, hourOf, type ListeningCount } from '../../../src-shared/analytics/listening.ts';
import { WEEK_HOURS } from '../../../src-shared/analytics/spikes.ts';
import { columnSourceKey } from '../../../src-shared/domain/column.ts';
import type { AlertRow } from '../../../src-renderer/db/analytics-rows.ts';
import { createMemorySettingsRepository } from '../../../src-renderer/db/settings-repository.ts';
import { spikeRound } from '../../../src-renderer/features/analytics/model/spike-notify.ts';
import { createI18n } from '../../../src-renderer/i18n/i18n.ts';
import { makeItem } from '../archive/make-item.ts';
import { openHarness, renderAnalytics, type AnalyticsHarness } from './render-analytics.tsx';

const WAIT = { timeout: 10_000 };
let harness: AnalyticsHarness | null = null;
afterEach(() => {
  harness?.close();
  harness = null;
});

const NOW = hourOf(Date.now()) + 40 * 60_000;
const HOUR = hourOf(NOW);
const source = { type: 'mentions' as const, accountId: 'acct-1', param: null };
const COLUMN = columnSourceKey(source);

function steady(hour: number, total: number): ListeningCount {
  return {
    columnKey: COLUMN,
    hour,
    total,
    sentiment: { positive: 0, neutral: total, negative: 0 },
    lang: { en: total },
    network: { bluesky: total },
  };
}

class FakeNotification {
  static permission = 'granted';
  static shown: FakeNotification[] = [];
  onclick: ((this: unknown, ev: Event) => unknown) | null = null;
  readonly title: string;
  readonly options?: { body?: string; tag?: string };
  constructor(title: string, options?: { body?: string; tag?: string }) {
    this.title = title;
    this.options = options;
    FakeNotification.shown.push(this);
  }
  close(): void {}
}

async function seed(h: AnalyticsHarness): Promise<void> {
  await h.db.columns.put({ id: 'col-1', workspaceId: 'ws', title: 'Brand mentions', source } as never);
  const history: ListeningCount[] = [];
  for (let i = 1; i <= 4 * WEEK_HOURS + 2; i++) history.push(steady(HOUR - i * HOUR_MS, 4 + (i % 3)));
  await h.db.listeningCounts.bulkPut(history);
  // The burst arrives through the archive, which counts it: 40 mentions this hour.
  const burst = Array.from({ length: 40 }, (_, i) =>
    makeItem({
      id: `m${i}`,
      text: `@brand.test burst mention ${i}`,
      createdAt: new Date(HOUR + i * 30_000).toISOString(),
    }),
  );
  await h.archive.ingest(COLUMN, burst);
  await h.archive.whenIdle();
}

test('a burst raises one alert and one notification; clicking it opens the alert', async () => {
  harness = await openHarness();
  await seed(harness);
  const t = (await createI18n('en')).t;
  const opened: AlertRow[] = [];
  FakeNotification.shown = [];
  const round = () =>
    spikeRound({
      db: harness!.db,
      now: NOW,
      settings: createMemorySettingsRepository(),
      Notification: FakeNotification,
      t,
      open: (alert) => opened.push(alert),
    });
  const first = await round();
  expect(first.map((a) => [a.kind, a.hour, a.observed])).toEqual([['volume', HOUR, 40]]);
  expect(await round()).toEqual([]);
  expect(await harness.db.alerts.count()).toBe(1);
  expect(FakeNotification.shown.map((n) => n.title)).toEqual(['Spike in Brand mentions']);
  expect(FakeNotification.shown[0]?.options?.body).toMatch(/^40 items in the hour, about [56] usually\.$/);
  FakeNotification.shown[0]?.onclick?.call(null, new Event('click'));
  expect(opened.map((a) => a.id)).toEqual([first[0]?.id]);
});

test('at low sensitivity a smaller burst raises nothing, and nothing is notified without permission', async () => {
  harness = await openHarness();
  await harness.db.listeningCounts.bulkPut([
    ...Array.from({ length: 4 * WEEK_HOURS + 2 }, (_, i) => steady(HOUR - (i + 1) * HOUR_MS, 10)),
    steady(HOUR, 26),
  ]);
  const settings = createMemorySettingsRepository();
  const t = (await createI18n('en')).t;
  FakeNotification.shown = [];
  await settings.set('analytics.sensitivity', 'low');
  const round = (Notification?: typeof FakeNotification) =>
    spikeRound({ db: harness!.db, now: NOW, settings, Notification, t, open: () => undefined });
  expect(await round(FakeNotification)).toEqual([]);
  await settings.set('analytics.sensitivity', 'high');
  FakeNotification.permission = 'denied';
  expect((await round(FakeNotification)).map((a) => a.kind)).toEqual(['volume']);
  FakeNotification.permission = 'granted';
  expect(FakeNotification.shown).toEqual([]);
});

test('the alerts list links to the spike’s items in the archive', async () => {
  harness = await openHarness();
  await seed(harness);
  const t = (await createI18n('en')).t;
  await spikeRound({
    db: harness.db,
    now: NOW,
    settings: createMemorySettingsRepository(),
    t,
    open: () => undefined,
  });
  const { screen } = await renderAnalytics(harness, { now: NOW });
  const panel = screen.getByTestId('alerts-panel');
  await expect.element(panel.getByText('Volume spike in Brand mentions'), WAIT).toBeVisible();
  await panel.getByRole('button', { name: 'Show items' }).click();
  const items = screen.getByTestId('items-behind');
  await expect.element(items.getByText('40 items'), WAIT).toBeVisible();
  await expect.element(items.getByText('@brand.test burst mention 39')).toBeVisible();
});
