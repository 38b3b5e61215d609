// What the poller tells the rest of the app about each source it keeps fresh: its state, new items, and gap
// markers the UI turns into "load missing posts" rows.
import type { ErrorCode } from '../../src-shared/contract/errors.ts';
import type { StreamItem } from '../../src-shared/domain/stream-item.ts';

export type ColumnState =
  /** Subscribed, not fetched yet. */
  | { readonly kind: 'idle' }
  /** Kept fresh by polling. */
  | { readonly kind: 'polling' }
  /** A streaming connection feeds it; polling is only a slow safety net. */
  | { readonly kind: 'live' }
  /** The last attempt failed; the next one is at `retryAt` (epoch ms). */
  | { readonly kind: 'error'; readonly code: ErrorCode; readonly retryAt: number }
  /** Offline or the machine is asleep; nothing is requested until both are over. */
  | { readonly kind: 'paused'; readonly reason: 'offline' | 'asleep' }
  /** The account's credentials were rejected; nothing is fetched until the user signs in again. */
  | { readonly kind: 'needs_sign_in' };

/** Items between `since` (exclusive, the newest held before) and `before` (exclusive) were not fetched. */
export interface GapMarker {
  readonly kind: 'gap';
  readonly columnKey: string;
  readonly before: string;
  readonly since: string;
}

export interface ItemsBatch {
  readonly kind: 'items';
  readonly columnKey: string;
  /** Newest first. */
  readonly items: readonly StreamItem[];
  /** Where they belong: above everything, inside a gap, or below the oldest item held. */
  readonly placement: 'newest' | 'gap' | 'older';
  /** For placement 'gap': the marker these items (partly) fill; the UI replaces it. */
  readonly filled?: GapMarker;
}

export type StreamEvent = ItemsBatch | GapMarker;

export function sameState(a: ColumnState, b: ColumnState): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'error' && b.kind === 'error') return a.code === b.code && a.retryAt === b.retryAt;
  if (a.kind === 'paused' && b.kind === 'paused') return a.reason === b.reason;
  return true;
}
