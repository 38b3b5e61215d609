// Messages between the dashboard and the analytics worker: one answer per request, matched by id.
import type { SeriesAnswer, SeriesRequest } from '../model/listening-loader.ts';

export type AnalyticsRequest =
  | { readonly id: number; readonly op: 'open'; readonly dbName: string }
  | { readonly id: number; readonly op: 'series'; readonly request: SeriesRequest };

export type AnalyticsResponse =
  | { readonly id: number; readonly ok: true; readonly value: SeriesAnswer | null }
  | { readonly id: number; readonly ok: false; readonly error: string };
