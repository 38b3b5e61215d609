// What the deck needs besides the contract client: the layout repository, the archive, and the platform's
// notifications and frame clock. Tests and benchmarks inject their own; the app opens the defaults.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { ArchivePort } from '../../archive/archive-port.ts';
import { openRoostDb } from '../../db/roost-db.ts';
import { appArchive } from '../../archive/app-archive.ts';
import { createSettingsRepository } from '../../db/settings-repository.ts';
import { followRetentionSettings } from '../../archive/retention-settings.ts';
import type { FrameScheduler } from './model/stream-hub.ts';
import type { NotificationConstructor, NotifierTimers } from './notifications/alert-notifier.ts';
import { createLayoutRepository, type LayoutRepository } from './repositories/layout-repository.ts';

export interface DeckSetup {
  readonly layout: LayoutRepository;
  readonly archive: ArchivePort;
  readonly Notification?: NotificationConstructor;
  readonly frames?: FrameScheduler;
  readonly timers?: NotifierTimers;
  /** Items kept in memory per column. */
  readonly capacity?: number;
  /** Least time between two applications of arriving items (default 250 ms). */
  readonly minIntervalMs?: number;
  /** Columns told of new items per animation frame (default 1). */
  readonly columnsPerFrame?: number;
}

const DeckSetupContext = createContext<DeckSetup | null>(null);

export function DeckSetupProvider({ setup, children }: { setup: DeckSetup; children: ReactNode }) {
  return <DeckSetupContext.Provider value={setup}>{children}</DeckSetupContext.Provider>;
}

export function useInjectedDeckSetup(): DeckSetup | null {
  return useContext(DeckSetupContext);
}

let defaultSetup: Promise<DeckSetup> | null = null;

/** The injected setup, or the app's own, opened once and shared by the app frame and the deck view. */
export function useDeckSetup(): { readonly setup: DeckSetup | null; readonly failed: boolean } {
  const injected = useInjectedDeckSetup();
  const [opened, setOpened] = useState<DeckSetup | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (injected) return;
    let current = true;
    defaultSetup ??= openDefaultDeckSetup();
    defaultSetup.then(
      (setup) => current && setOpened(setup),
      (error: unknown) => {
        console.error('The deck could not open the local database.', error);
        defaultSetup = null;
        if (current) setFailed(true);
      },
    );
    return () => {
      current = false;
    };
  }, [injected]);
  return { setup: injected ?? opened, failed: !injected && failed };
}

/** The app's own setup: the shared IndexedDB and the archive worker (ingest and search off the UI thread). */
async function openDefaultDeckSetup(): Promise<DeckSetup> {
  const db = await openRoostDb();
  const archive = appArchive();
  // The user's retention settings now, and every change saved later (Settings → General).
  followRetentionSettings(archive, createSettingsRepository(db));
  return {
    layout: createLayoutRepository(db),
    archive,
    Notification: typeof Notification === 'undefined' ? undefined : Notification,
  };
}
