// The state of the link to main (transport) and main's own view of the internet (app:connectivity).
import type { StateCreator } from 'zustand/vanilla';
import type { TransportState } from '../bridge/transport.ts';
import type { RoostState } from './store.ts';

export interface ConnectionSlice {
  readonly transport: TransportState;
  /** null until main has reported; main knows better than navigator.onLine behind proxies. */
  readonly internet: boolean | null;
  setTransport(state: TransportState): void;
  setInternet(online: boolean): void;
}

export const createConnectionSlice: StateCreator<RoostState, [], [], ConnectionSlice> = (set) => ({
  transport: 'connecting',
  internet: null,
  setTransport: (transport) => set({ transport }),
  setInternet: (internet) => set({ internet }),
});
