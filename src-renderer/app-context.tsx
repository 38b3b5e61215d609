// Hands the contract client, the settings repository and the store to components. Tests build the same
// tree with an in-memory transport, so components never reach for globals.
import { createContext, useContext, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n } from 'i18next';
import { useStore } from 'zustand';
import type { RoostClient } from './bridge/client.ts';
import type { SettingsRepository } from './db/settings-repository.ts';
import type { RoostState, RoostStore } from './store/store.ts';

export interface AppServices {
  readonly client: RoostClient;
  readonly settings: SettingsRepository;
  readonly store: RoostStore;
  readonly i18n: i18n;
}

const ServicesContext = createContext<AppServices | null>(null);

export function AppProviders({ services, children }: { services: AppServices; children: ReactNode }) {
  return (
    <ServicesContext.Provider value={services}>
      <I18nextProvider i18n={services.i18n}>{children}</I18nextProvider>
    </ServicesContext.Provider>
  );
}

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices must be used inside <AppProviders>');
  return services;
}

/** Select from the store; return primitives or stable references, as zustand compares by identity. */
export function useRoost<T>(selector: (state: RoostState) => T): T {
  return useStore(useServices().store, selector);
}
