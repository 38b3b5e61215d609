// The calendar's UI state: which view and period are shown, the filters, and the post picked up for a
// keyboard move. The jobs themselves come from main's outbox.
import type { StateCreator } from 'zustand/vanilla';
import type { RoostState } from './store.ts';

export type CalendarView = 'week' | 'month';

export interface CalendarSlice {
  readonly calendarView: CalendarView;
  /** Local date (YYYY-MM-DD) inside the shown period; null means today. */
  readonly calendarAnchor: string | null;
  /** Empty: every account. */
  readonly calendarAccounts: readonly string[];
  /** Empty: every campaign. */
  readonly calendarCampaign: string;
  /** A post picked up with the keyboard; Alt+arrows move it. */
  readonly calendarSelectedJob: string | null;
  setCalendarView(view: CalendarView): void;
  setCalendarAnchor(anchor: string | null): void;
  setCalendarAccounts(ids: readonly string[]): void;
  setCalendarCampaign(campaign: string): void;
  selectCalendarJob(id: string | null): void;
}

export const createCalendarSlice: StateCreator<RoostState, [], [], CalendarSlice> = (set) => ({
  calendarView: 'week',
  calendarAnchor: null,
  calendarAccounts: [],
  calendarCampaign: '',
  calendarSelectedJob: null,
  setCalendarView: (calendarView) => set({ calendarView }),
  setCalendarAnchor: (calendarAnchor) => set({ calendarAnchor }),
  setCalendarAccounts: (calendarAccounts) => set({ calendarAccounts }),
  setCalendarCampaign: (calendarCampaign) => set({ calendarCampaign }),
  selectCalendarJob: (calendarSelectedJob) => set({ calendarSelectedJob }),
});
