// The renderer's one zustand store, assembled from slices. It holds UI state only: durable data lives
// in Dexie (renderer) or in main.
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { createAccountsSlice, type AccountsSlice } from './accounts-slice.ts';
import { createCalendarSlice, type CalendarSlice } from './calendar-slice.ts';
import { createComposeSlice, type ComposeSlice } from './compose-slice.ts';
import { createConnectionSlice, type ConnectionSlice } from './connection-slice.ts';
import { createStreamsSlice, type StreamsSlice } from './streams-slice.ts';
import { createUiSlice, type UiInitial, type UiSlice } from './ui-slice.ts';

export type RoostState = UiSlice &
  ConnectionSlice &
  AccountsSlice &
  StreamsSlice &
  ComposeSlice &
  CalendarSlice;
export type RoostStore = StoreApi<RoostState>;

export function createRoostStore(initial: UiInitial = {}): RoostStore {
  return createStore<RoostState>()((...args) => ({
    ...createUiSlice(initial)(...args),
    ...createConnectionSlice(...args),
    ...createAccountsSlice(...args),
    ...createStreamsSlice(...args),
    ...createComposeSlice(...args),
    ...createCalendarSlice(...args),
  }));
}
