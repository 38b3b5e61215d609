// Renders the whole app as main.tsx boots it — stored settings loaded into the store and followed — over
// a real IndexedDB settings repository and the publishing double. Rendering again with the same database
// name is what restarting the app looks like.
import { render } from 'vitest-browser-react';
import { App } from '../../../../src-renderer/app.tsx';
import { AppProviders, type AppServices } from '../../../../src-renderer/app-context.tsx';
import { createClient } from '../../../../src-renderer/bridge/client.ts';
import { openRoostDb } from '../../../../src-renderer/db/roost-db.ts';
import { createSettingsRepository } from '../../../../src-renderer/db/settings-repository.ts';
import { ComposeServicesProvider } from '../../../../src-renderer/features/compose/compose-services.tsx';
import { createDraftsRepository } from '../../../../src-renderer/features/compose/repositories/drafts-repository.ts';
import { startPublishingSettings } from '../../../../src-renderer/features/settings/publishing-settings.ts';
import { createI18n, type Language } from '../../../../src-renderer/i18n/i18n.ts';
import { startSession } from '../../../../src-renderer/session/start-session.ts';
import { createRoostStore } from '../../../../src-renderer/store/store.ts';
import type { Section } from '../../../../src-renderer/store/ui-slice.ts';
import type { PublishingMain } from '../../compose/support/publishing-main.ts';
import '../../../../src-renderer/styles/app.css';
import '../../../../src-renderer/styles/compose.css';

export interface RenderOptions {
  readonly main: PublishingMain;
  readonly dbName: string;
  readonly section?: Section;
  readonly language?: Language;
}

export async function renderWithSettings({
  main,
  dbName,
  section = 'settings',
  language = 'en',
}: RenderOptions) {
  const client = createClient(main.transport, {
    onContractViolation: (where) => {
      throw new Error(`contract violation in test double: ${where}`);
    },
  });
  const db = await openRoostDb({ name: dbName });
  const settings = createSettingsRepository(db);
  const store = createRoostStore({ locale: language, section });
  const stopSettings = await startPublishingSettings(store, settings);
  const services: AppServices = { client, store, settings, i18n: await createI18n(language) };
  const drafts = createDraftsRepository(db, { userId: 'tester' });
  const stopSession = startSession(client, store);
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
    settings,
    db,
    /** Unmounts the app and closes its database, as closing the window would. */
    async close() {
      await screen.unmount();
      stopSettings();
      stopSession();
      db.close();
    },
  };
}
