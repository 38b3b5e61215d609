// Renders the whole renderer app against the in-memory main, with a fresh store, i18n instance and
// settings repository per test.
import { render } from 'vitest-browser-react';
import { App } from '../../../src-renderer/app.tsx';
import { AppProviders, type AppServices } from '../../../src-renderer/app-context.tsx';
import { createClient } from '../../../src-renderer/bridge/client.ts';
import {
  createMemorySettingsRepository,
  type SettingsRepository,
} from '../../../src-renderer/db/settings-repository.ts';
import { createI18n, type Language } from '../../../src-renderer/i18n/i18n.ts';
import { startSession } from '../../../src-renderer/session/start-session.ts';
import { createRoostStore } from '../../../src-renderer/store/store.ts';
import type { UiInitial } from '../../../src-renderer/store/ui-slice.ts';
import { createMemoryMain, type MemoryMain } from './memory-main.ts';
import '../../../src-renderer/styles/app.css';

export interface RenderAppOptions extends UiInitial {
  readonly main?: MemoryMain;
  readonly language?: Language;
  readonly settings?: SettingsRepository;
}

export async function renderApp(options: RenderAppOptions = {}) {
  const main = options.main ?? createMemoryMain();
  const client = createClient(main.transport, {
    onContractViolation: (where) => {
      throw new Error(`contract violation in test double: ${where}`);
    },
  });
  const store = createRoostStore({ locale: 'en', ...options });
  const services: AppServices = {
    client,
    store,
    settings: options.settings ?? createMemorySettingsRepository(),
    i18n: await createI18n(options.language ?? 'en'),
  };
  const stop = startSession(client, store);
  const screen = await render(
    <AppProviders services={services}>
      <App />
    </AppProviders>,
  );
  await sectionLoaded();
  return { screen, main, store, services, stop };
}

/**
 * The first visit to a section makes the dev server compile that section's modules, which on a busy machine
 * can take longer than a test's own waits: tests check behaviour, so they start once the section is drawn.
 */
async function sectionLoaded(): Promise<void> {
  const deadline = Date.now() + 25_000;
  while (document.querySelector('[data-testid="section-loading"]')) {
    if (Date.now() > deadline) throw new Error('the section did not load within 25 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
