// Renders the Streams section (as app.tsx places it) against the streams double, with a fresh IndexedDB
// database, store and i18n per test, and the deck's archive and notifications injected.
import type { ReactNode } from 'react';
import { render } from 'vitest-browser-react';
import { AppProviders, useRoost, type AppServices } from '../../../../src-renderer/app-context.tsx';
import { createClient } from '../../../../src-renderer/bridge/client.ts';
import { openRoostDb } from '../../../../src-renderer/db/roost-db.ts';
import { createMemorySettingsRepository } from '../../../../src-renderer/db/settings-repository.ts';
import { DeckSetupProvider, type DeckSetup } from '../../../../src-renderer/features/streams/deck-setup.tsx';
import { StreamsBackground } from '../../../../src-renderer/features/streams/streams-background.tsx';
import { StreamsSection } from '../../../../src-renderer/features/streams/streams-section.tsx';
import {
  createLayoutRepository,
  type LayoutRepository,
} from '../../../../src-renderer/features/streams/repositories/layout-repository.ts';
import { createI18n } from '../../../../src-renderer/i18n/i18n.ts';
import { startSession } from '../../../../src-renderer/session/start-session.ts';
import { createRoostStore } from '../../../../src-renderer/store/store.ts';
import { createMemoryArchive, type MemoryArchive } from './memory-archive.ts';
import { createStreamsMain, type StreamsMain } from './streams-main.ts';
import '../../../../src-renderer/styles/app.css';
import '../../../../src-renderer/styles/streams.css';
import '../../../../src-renderer/styles/deck-look.css';

export interface RenderDeckOptions extends Partial<Omit<DeckSetup, 'layout' | 'archive'>> {
  readonly main?: StreamsMain;
  readonly archive?: MemoryArchive;
  readonly dbName?: string;
  /** Runs against the layout before the first render, to start with workspaces and columns. */
  readonly prepare?: (layout: LayoutRepository) => Promise<void>;
  /**
   * Renders the app frame's arrangement instead: StreamsBackground always mounted, and the section only
   * while the store's section is 'streams', so tests can leave and come back.
   */
  readonly frame?: boolean;
  /** Wraps the rendered section, e.g. in the command registry with a palette. */
  readonly wrap?: (children: ReactNode) => ReactNode;
}

function Frame() {
  const section = useRoost((s) => s.section);
  return (
    <>
      <StreamsBackground />
      <main className="app-main" data-section={section} style={{ height: '720px' }}>
        {section === 'streams' ? <StreamsSection /> : <p>Another section</p>}
      </main>
    </>
  );
}

export async function renderDeck(options: RenderDeckOptions = {}) {
  const main = options.main ?? createStreamsMain();
  const archive = options.archive ?? createMemoryArchive();
  const db = await openRoostDb({ name: options.dbName ?? `deck-test-${crypto.randomUUID()}` });
  const layout = createLayoutRepository(db);
  await options.prepare?.(layout);
  const client = createClient(main.transport, {
    onContractViolation: (where) => {
      throw new Error(`contract violation in test double: ${where}`);
    },
  });
  const store = createRoostStore({ locale: 'en', section: 'streams' });
  const services: AppServices = {
    client,
    store,
    settings: createMemorySettingsRepository(),
    i18n: await createI18n('en'),
  };
  const { main: _m, archive: _a, dbName: _d, prepare: _p, frame, wrap = (c) => c, ...rest } = options;
  const setup: DeckSetup = { layout, archive, ...rest };
  const stop = startSession(client, store);
  const screen = await render(
    <AppProviders services={services}>
      <DeckSetupProvider setup={setup}>
        {wrap(
          frame ? (
            <Frame />
          ) : (
            <main className="app-main" data-section="streams" style={{ height: '720px' }}>
              <StreamsSection />
            </main>
          ),
        )}
      </DeckSetupProvider>
    </AppProviders>,
  );
  return { screen, main, archive, layout, store, db, stop };
}
