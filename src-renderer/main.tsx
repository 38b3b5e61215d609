// Renderer bootstrap: pick the transport, open the local database, load preferences, start the session
// with main, and render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { AppProviders } from './app-context.tsx';
import { createClient } from './bridge/client.ts';
import { selectTransport } from './bridge/select-transport.ts';
import { openRoostDb } from './db/roost-db.ts';
import {
  createMemorySettingsRepository,
  createSettingsRepository,
  type SettingsRepository,
} from './db/settings-repository.ts';
import { startPublishingSettings } from './features/settings/publishing-settings.ts';
import { createI18n, resolveLanguage } from './i18n/i18n.ts';
import { startSession } from './session/start-session.ts';
import { createRoostStore } from './store/store.ts';
import './styles/app.css';
import './styles/compose.css';
import './styles/streams.css';
import './styles/deck-look.css';
import './styles/team.css';
import './styles/inbox.css';

async function boot(): Promise<void> {
  const client = createClient(selectTransport(window), {
    onContractViolation: (where) => console.error(`Answer from main did not match the contract: ${where}`),
  });
  const settings = await openSettings();
  const [theme, locale, density] = await Promise.all([
    settings.get('theme'),
    settings.get('locale'),
    settings.get('deck.density'),
  ]);
  const store = createRoostStore({
    theme: theme ?? 'system',
    locale: locale ?? 'system',
    density: density ?? 'comfortable',
  });
  // Follows the stored publishing settings for the whole session.
  await startPublishingSettings(store, settings);
  const i18n = await createI18n(resolveLanguage(store.getState().locale, navigator.languages));
  startSession(client, store);

  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root');
  createRoot(container).render(
    <StrictMode>
      <AppProviders services={{ client, settings, store, i18n }}>
        <App />
      </AppProviders>
    </StrictMode>,
  );
}

async function openSettings(): Promise<SettingsRepository> {
  try {
    return createSettingsRepository(await openRoostDb());
  } catch (error) {
    // The app stays usable; only local preferences are not kept.
    console.error('Local database unavailable; preferences will not be saved.', error);
    return createMemorySettingsRepository();
  }
}

void boot();
