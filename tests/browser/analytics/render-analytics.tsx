// Renders the Analytics section alone, in real Chromium, against a real database and a real archive worker
// (both under a test-only name), the real analytics worker summing the listening series, a fixed clock and
// the in-memory main.
import { render } from 'vitest-browser-react';
import { AppProviders, type AppServices } from '../../../src-renderer/app-context.tsx';
import { createArchive } from '../../../src-renderer/archive/create-archive.ts';
import { createClient } from '../../../src-renderer/bridge/client.ts';
import { createMemorySettingsRepository } from '../../../src-renderer/db/settings-repository.ts';
import { openRoostDb, type RoostDb } from '../../../src-renderer/db/roost-db.ts';
import { AnalyticsScreen } from '../../../src-renderer/features/analytics/analytics-screen.tsx';
import {
  AnalyticsSetupProvider,
  type AnalyticsSetup,
} from '../../../src-renderer/features/analytics/analytics-setup.tsx';
import { createAnalyticsWorker } from '../../../src-renderer/features/analytics/worker/create-analytics-worker.ts';
import type { Handlers } from '../../../src-main/rpc/router.ts';
import { createI18n, type Language } from '../../../src-renderer/i18n/i18n.ts';
import { createRoostStore } from '../../../src-renderer/store/store.ts';
import { createMemoryMain } from '../support/memory-main.ts';
import { HOUR_MS, hourOf } from '../../../src-shared/analytics/listening.ts';
import { columnSourceKey } from '../../../src-shared/domain/column.ts';
import '../../../src-renderer/styles/app.css';

/** Half past the current hour, so the 24 h range ends at the next whole hour. */
export const TEST_NOW = hourOf(Date.now()) + 30 * 60_000;
/** The first hour of the 24 h range ending after TEST_NOW. */
export const FIRST_HOUR = hourOf(TEST_NOW) - 23 * HOUR_MS;
/** A listening column of the test deck and its archive key. */
export const KETTLE = { type: 'search' as const, accountId: 'acct-1', param: 'kettle' };
export const KETTLE_COLUMN = columnSourceKey(KETTLE);

export interface AnalyticsHarness {
  readonly db: RoostDb;
  readonly archive: ReturnType<typeof createArchive>;
  readonly dbName: string;
  readonly series: ReturnType<typeof createAnalyticsWorker>;
  close(): void;
}

export async function openHarness(): Promise<AnalyticsHarness> {
  const dbName = `analytics-${crypto.randomUUID()}`;
  const db = await openRoostDb({ name: dbName });
  const archive = createArchive({ dbName, textWorker: false });
  const series = createAnalyticsWorker(dbName);
  return {
    db,
    archive,
    dbName,
    series,
    close() {
      series.close();
      archive.close();
      db.close();
    },
  };
}

export async function renderAnalytics(
  harness: AnalyticsHarness,
  options: {
    now: number;
    language?: Language;
    setup?: Partial<AnalyticsSetup>;
    /** Main's answers besides the in-memory defaults (desk:stats for the inquiry charts). */
    handlers?: Partial<Handlers>;
  },
) {
  const main = createMemoryMain([], undefined, options.handlers);
  const client = createClient(main.transport, {
    onContractViolation: (where) => {
      throw new Error(`contract violation in test double: ${where}`);
    },
  });
  const services: AppServices = {
    client,
    store: createRoostStore({ locale: options.language ?? 'en' }),
    settings: createMemorySettingsRepository(),
    i18n: await createI18n(options.language ?? 'en'),
  };
  const setup: AnalyticsSetup = {
    db: harness.db,
    archive: harness.archive,
    series: harness.series,
    now: () => options.now,
    offsetMinutes: 0,
    ...options.setup,
  };
  const screen = await render(
    <AppProviders services={services}>
      <AnalyticsSetupProvider setup={setup}>
        <AnalyticsScreen />
      </AnalyticsSetupProvider>
    </AppProviders>,
  );
  return { screen, services, main };
}
