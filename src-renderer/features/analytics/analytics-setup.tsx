// What the Analytics section needs besides the contract client: the database, the archive (for the items
// behind a point and the rebuild action), the clock and desktop notifications. Tests inject their own.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { appArchive } from '../../archive/app-archive.ts';
import type { RangePreset } from '../../../src-shared/analytics/time-range.ts';
import type { AnalyticsArchive } from '../../archive/archive-port.ts';
import { openRoostDb, type RoostDb } from '../../db/roost-db.ts';
import type { ListeningSeriesSource } from './model/listening-loader.ts';
import { createAnalyticsWorker } from './worker/create-analytics-worker.ts';

export interface NotificationLike {
  onclick: ((this: unknown, ev: Event) => unknown) | null;
  close(): void;
}
export interface NotificationFactory {
  new (title: string, options?: { body?: string; tag?: string }): NotificationLike;
  readonly permission: string;
  requestPermission?(): Promise<string>;
}

export interface AnalyticsSetup {
  readonly db: RoostDb;
  readonly archive: AnalyticsArchive;
  /** Reads and sums the listening series off the UI thread; without one they are read in place. */
  readonly series?: ListeningSeriesSource;
  readonly now?: () => number;
  readonly Notification?: NotificationFactory;
  /** Minutes east of UTC for the best-hours grid; the machine's own by default. */
  readonly offsetMinutes?: number;
  /** The range the dashboard opens on; the last 7 days by default. */
  readonly initialPreset?: RangePreset;
}

const Context = createContext<AnalyticsSetup | null>(null);

export function AnalyticsSetupProvider({ setup, children }: { setup: AnalyticsSetup; children: ReactNode }) {
  return <Context.Provider value={setup}>{children}</Context.Provider>;
}

let opened: Promise<AnalyticsSetup> | null = null;
let seriesWorker: ListeningSeriesSource | null = null;

async function openDefault(): Promise<AnalyticsSetup> {
  const db = await openRoostDb();
  // The archive worker starts on first use (the background spike check only needs the database).
  const archive: AnalyticsArchive = {
    search: (query) => appArchive().search(query),
    rebuildListening: () => appArchive().rebuildListening(),
  };
  return {
    db,
    archive,
    // Started on the dashboard's first read: the background spike check never needs it.
    series: { load: (request) => (seriesWorker ??= createAnalyticsWorker()).load(request) },
    Notification:
      typeof Notification === 'undefined' ? undefined : (Notification as unknown as NotificationFactory),
  };
}

/** The injected setup, or the app's own (opened once); `failed` when the local database cannot open. */
export function useAnalyticsSetup(): { readonly setup: AnalyticsSetup | null; readonly failed: boolean } {
  const injected = useContext(Context);
  const [setup, setSetup] = useState<AnalyticsSetup | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (injected) return;
    let current = true;
    opened ??= openDefault();
    opened.then(
      (s) => current && setSetup(s),
      (error: unknown) => {
        console.error('Analytics could not open the local database.', error);
        opened = null;
        if (current) setFailed(true);
      },
    );
    return () => {
      current = false;
    };
  }, [injected]);
  return { setup: injected ?? setup, failed: !injected && failed };
}
