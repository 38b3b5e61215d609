// Opens the renderer's database. `upToVersion` opens it at an older schema so migration tests can seed
// version N and then reopen at N+1, exactly as an upgraded app would.
import { Dexie } from 'dexie';
import type { EntityTable, Table } from 'dexie';
import type { ArchiveItemRow, ArchiveMetaRow, ColumnItemRow, IndexSegmentRow } from './archive-rows.ts';
import type {
  AccountSnapshotRow,
  AlertRow,
  CampaignRow,
  ConversionRow,
  ListeningCountRow,
  ListeningDailyRow,
  PostSampleRow,
} from './analytics-rows.ts';
import { LATEST_VERSION, SCHEMA_VERSIONS } from './schema.ts';

export const DEFAULT_DB_NAME = 'roost';

/** A setting row; the value is checked against the key's schema by the settings repository on read. */
export interface SettingRow {
  readonly key: string;
  readonly value: unknown;
}

/** Rows of the feature tables are owned by their features' repositories; only ids are fixed here. */
export interface WorkspaceRow {
  readonly id: string;
}
export interface ColumnRow {
  readonly id: string;
  readonly workspaceId: string;
}
export interface DraftRow {
  readonly id: string;
  readonly accountId: string;
  readonly updatedAt: string;
}

export type RoostDb = Dexie & {
  settings: EntityTable<SettingRow, 'key'>;
  workspaces: EntityTable<WorkspaceRow, 'id'>;
  columns: EntityTable<ColumnRow, 'id'>;
  drafts: EntityTable<DraftRow, 'id'>;
  items: EntityTable<ArchiveItemRow, 'key'>;
  /** Schema v3 only: it exists when a migration test opens the database at v3, never at v4 or later. */
  columnItems: Table<ColumnItemRow, [string, string]>;
  indexSegments: EntityTable<IndexSegmentRow, 'id'>;
  archiveMeta: EntityTable<ArchiveMetaRow, 'key'>;
  listeningCounts: Table<ListeningCountRow, [string, number]>;
  listeningDaily: Table<ListeningDailyRow, [string, number]>;
  accountSnapshots: Table<AccountSnapshotRow, [string, string]>;
  postSamples: Table<PostSampleRow, [string, string]>;
  alerts: EntityTable<AlertRow, 'id'>;
  campaigns: EntityTable<CampaignRow, 'id'>;
  conversions: EntityTable<ConversionRow, 'id'>;
};

export interface OpenOptions {
  readonly name?: string;
  readonly upToVersion?: number;
  /**
   * Chromium's commit durability for this connection's transactions. 'relaxed' reports a commit once the
   * data reached the OS (it survives a crash of the app, not a power cut) instead of waiting for a disk flush.
   */
  readonly durability?: 'default' | 'strict' | 'relaxed';
  /**
   * False for a connection whose writes nobody watches (the archive worker's): Dexie then does not announce
   * them to live queries in other contexts. Every live query holds on to each change it was told about
   * until one concerns it, so a stream of unrelated archive deletions would otherwise pile up in the page.
   */
  readonly observable?: boolean;
}

export async function openRoostDb(options: OpenOptions = {}): Promise<RoostDb> {
  const upTo = options.upToVersion ?? LATEST_VERSION;
  const db = new Dexie(options.name ?? DEFAULT_DB_NAME, {
    chromeTransactionDurability: options.durability ?? 'default',
  }) as RoostDb;
  for (const v of SCHEMA_VERSIONS) {
    if (v.version > upTo) break;
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
  if (options.observable === false) db.unuse({ stack: 'dbcore', name: 'Observability' });
  await db.open();
  return db;
}
