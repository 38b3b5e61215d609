// The composer's UI state: a request to open it on a reply or quote (the deck calls openComposer), the
// undo toast of the last submission, and the publishing preferences that apply to every draft.
import type { StateCreator } from 'zustand/vanilla';
import type { StreamItem } from '../../src-shared/domain/stream-item.ts';
import type { RoostState } from './store.ts';

export interface ComposerRequest {
  readonly replyTo: StreamItem | null;
  readonly quote: StreamItem | null;
  readonly fromAccountId: string | null;
  /** Distinguishes two requests for the same item, so the composer applies each once. */
  readonly nonce: number;
}

export type OpenComposerInput =
  | { readonly replyTo: StreamItem; readonly quote?: undefined; readonly fromAccountId?: string | null }
  | { readonly quote: StreamItem; readonly replyTo?: undefined; readonly fromAccountId?: string | null };

export interface UndoOffer {
  readonly draftId: string;
  readonly jobIds: readonly string[];
  /** Accounts posted to (a thread makes several jobs per account). */
  readonly accountCount: number;
  /** Epoch ms when the undo window closes. */
  readonly until: number;
}

export const DEFAULT_UNDO_SECONDS = 10;

/** Asks the composer to show a given draft (from the draft list, or after an undo). */
export interface DraftRequest {
  readonly id: string;
  readonly nonce: number;
}

export interface ComposeSlice {
  readonly composerRequest: ComposerRequest | null;
  readonly undoOffer: UndoOffer | null;
  readonly draftRequest: DraftRequest | null;
  /** 0–60 seconds during which a sent post can still be cancelled. */
  readonly undoSeconds: number;
  /** When on, an image without a description cannot be sent. */
  readonly requireAltText: boolean;
  openComposer(input: OpenComposerInput): void;
  consumeComposerRequest(nonce: number): void;
  offerUndo(offer: UndoOffer | null): void;
  requestDraft(id: string): void;
  setUndoSeconds(seconds: number): void;
  setRequireAltText(required: boolean): void;
}

export const createComposeSlice: StateCreator<RoostState, [], [], ComposeSlice> = (set) => ({
  composerRequest: null,
  undoOffer: null,
  draftRequest: null,
  undoSeconds: DEFAULT_UNDO_SECONDS,
  requireAltText: false,
  openComposer: (input) =>
    set((s) => ({
      composerRequest: {
        replyTo: input.replyTo ?? null,
        quote: input.quote ?? null,
        fromAccountId: input.fromAccountId ?? null,
        nonce: (s.composerRequest?.nonce ?? 0) + 1,
      },
      section: 'compose',
      navigations: s.navigations + 1,
    })),
  consumeComposerRequest: (nonce) =>
    set((s) => (s.composerRequest?.nonce === nonce ? { composerRequest: null } : {})),
  offerUndo: (undoOffer) => set({ undoOffer }),
  requestDraft: (id) => set((s) => ({ draftRequest: { id, nonce: (s.draftRequest?.nonce ?? 0) + 1 } })),
  setUndoSeconds: (seconds) => set({ undoSeconds: Math.max(0, Math.min(60, Math.round(seconds))) }),
  setRequireAltText: (requireAltText) => set({ requireAltText }),
});
