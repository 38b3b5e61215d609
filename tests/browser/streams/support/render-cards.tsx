// Renders item cards alone (no deck) with the app's providers, a fresh store and i18n, and optionally the
// item actions a column would give them.
import { render } from 'vitest-browser-react';
import { AppProviders, type AppServices } from '../../../../src-renderer/app-context.tsx';
import { createClient } from '../../../../src-renderer/bridge/client.ts';
import { createMemorySettingsRepository } from '../../../../src-renderer/db/settings-repository.ts';
import { ItemCard } from '../../../../src-renderer/features/streams/components/item-card.tsx';
import {
  ItemActionsContext,
  type ItemActions,
} from '../../../../src-renderer/features/streams/components/item-actions-context.ts';
import { createI18n } from '../../../../src-renderer/i18n/i18n.ts';
import { createRoostStore } from '../../../../src-renderer/store/store.ts';
import type { StreamItem } from '../../../../src-shared/domain/stream-item.ts';
import { createStreamsMain } from './streams-main.ts';

export async function renderCards(
  items: readonly StreamItem[],
  options: { locale?: 'en' | 'fr'; actions?: ItemActions | null } = {},
) {
  const locale = options.locale ?? 'en';
  const main = createStreamsMain();
  const services: AppServices = {
    client: createClient(main.transport),
    store: createRoostStore({ locale }),
    settings: createMemorySettingsRepository(),
    i18n: await createI18n(locale),
  };
  return render(
    <AppProviders services={services}>
      <ItemActionsContext.Provider value={options.actions ?? null}>
        {items.map((item) => (
          <ItemCard key={item.key} item={item} now={Date.now()} />
        ))}
      </ItemActionsContext.Provider>
    </AppProviders>,
  );
}
