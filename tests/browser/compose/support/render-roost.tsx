// Renders the whole app against the publishing double with a real IndexedDB for drafts. Rendering
// twice with the same database name is what a restart of the app looks like to the composer.
import { render } from 'vitest-browser-react';
import { App } from '../../../../src-renderer/app.tsx';
import { AppProviders, type AppServices } from '../../../../src-renderer/app-context.tsx';
import { createClient } from '../../../../src-renderer/bridge/client.ts';
import { openRoostDb } from '../../../../src-renderer/db/roost-db.ts';
import { createMemorySettingsRepository } from '../../../../src-renderer/db/settings-repository.ts';
import { ComposeServicesProvider } from '../../../../src-renderer/features/compose/compose-services.tsx';
import { createDraftsRepository } from '../../../../src-renderer/features/compose/repositories/drafts-repository.ts';
import { createI18n } from '../../../../src-renderer/i18n/i18n.ts';
import { startSession } from '../../../../src-renderer/session/start-session.ts';
import { createRoostStore } from '../../../../src-renderer/store/store.ts';
import type { Section } from '../../../../src-renderer/store/ui-slice.ts';
import type { PublishingMain } from './publishing-main.ts';
import '../../../../src-renderer/styles/app.css';
import '../../../../src-renderer/styles/compose.css';

export interface RenderRoostOptions {
  readonly main: PublishingMain;
  readonly dbName: string;
  readonly section?: Section;
}

export async function renderRoost({ main, dbName, section = 'compose' }: RenderRoostOptions) {
  const client = createClient(main.transport, {
    onContractViolation: (where) => {
      throw new Error(`contract violation in test double: ${where}`);
    },
  });
  const store = createRoostStore({ locale: 'en', section });
  const db = await openRoostDb({ name: dbName });
  const drafts = createDraftsRepository(db, { userId: 'tester' });
  const services: AppServices = {
    client,
    store,
    settings: createMemorySettingsRepository(),
    i18n: await createI18n('en'),
  };
  const stop = startSession(client, store);
  const screen = await render(
    <AppProviders services={services}>
      <ComposeServicesProvider value={{ drafts, userId: 'tester', now: Date.now }}>
        <App />
      </ComposeServicesProvider>
    </AppProviders>,
  );
  return {
    screen,
    store,
    drafts,
    db,
    /** Unmounts the app and closes its database, as closing the window would. */
    async close() {
      await screen.unmount();
      stop();
      db.close();
    },
  };
}
