// Messages between createArchive() on the UI thread and the archive's two workers. Requests go to the
// archive worker, which answers each exactly once (a value or an error message). For an ingest it sends
// only the items' texts to the text worker over a MessageChannel and gets their language and sentiment
// back, so the items themselves cross threads once.
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import type {
  ArchiveHit,
  ArchiveQuery,
  ArchiveStats,
  DeletedPost,
  ListeningRebuild,
  RetentionPolicy,
} from '../archive-port.ts';
import type { TextAnalysis } from '../ingest/item-doc.ts';

export type ArchiveRequestBody =
  | { readonly op: 'open'; readonly dbName: string }
  | {
      readonly op: 'ingest';
      readonly columnKey: string;
      readonly items: readonly StreamItem[];
    }
  | { readonly op: 'loadColumn'; readonly columnKey: string; readonly limit: number }
  | { readonly op: 'search'; readonly query: ArchiveQuery }
  | { readonly op: 'setRetention'; readonly policy: RetentionPolicy }
  | { readonly op: 'clearColumn'; readonly columnKey: string }
  | { readonly op: 'removeDeleted'; readonly posts: readonly DeletedPost[] }
  | { readonly op: 'rebuildListening' }
  | { readonly op: 'whenIdle' }
  | { readonly op: 'stats' };

export type ArchiveRequest = ArchiveRequestBody & { readonly id: number };

/** What the archive worker asks the text worker: each item's text and declared language. */
export interface TextRequest {
  readonly id: number;
  readonly texts: readonly (readonly [text: string, lang: string | null])[];
}

export type TextResponse =
  | { readonly id: number; readonly ok: true; readonly analysis: readonly TextAnalysis[] }
  | { readonly id: number; readonly ok: false; readonly error: string };

/** Sent once to each worker before any request: the two ends of the channel between them. */
export interface ArchiveConnect {
  readonly op: 'connect';
  readonly port: MessagePort;
}

/** What each operation resolves to. */
export interface ArchiveResults {
  open: null;
  ingest: null;
  loadColumn: StreamItem[];
  search: ArchiveHit[];
  setRetention: null;
  clearColumn: null;
  removeDeleted: null;
  rebuildListening: ListeningRebuild;
  whenIdle: null;
  stats: ArchiveStats;
}

export type ArchiveResponse =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string };
