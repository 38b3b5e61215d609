// Every version of the renderer's IndexedDB schema, oldest first. A version is never edited once
// shipped: add a new one with a comment saying why it exists, and a migration test.
import type { Transaction } from 'dexie';
import { rollUpDaily } from '../../src-shared/analytics/daily-rollup.ts';
import type { ListeningCount } from '../../src-shared/analytics/listening.ts';
import type { IndexSegmentRow } from './archive-rows.ts';
import { membershipSegment } from './membership-upgrade.ts';

export interface SchemaVersion {
  readonly version: number;
  readonly why: string;
  readonly stores: Record<string, string | null>;
  readonly upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    why: 'First schema: settings by key, plus the tables columns, workspaces and drafts that the stream and compose features fill.',
    stores: {
      settings: '&key',
      workspaces: '&id',
      columns: '&id, workspaceId',
      drafts: '&id, accountId',
    },
  },
  {
    version: 2,
    why: 'The drafts list sorts by most recently edited, and a crash-recovery pass scans recent drafts: index drafts.updatedAt. v1 drafts written without updatedAt get their createdAt (or the epoch) so none drop out of the index.',
    stores: { drafts: '&id, accountId, updatedAt' },
    upgrade: async (tx) => {
      await tx
        .table('drafts')
        .toCollection()
        .modify((draft: Record<string, unknown>) => {
          if (typeof draft.updatedAt !== 'string') {
            draft.updatedAt =
              typeof draft.createdAt === 'string' ? draft.createdAt : new Date(0).toISOString();
          }
        });
    },
  },
  {
    version: 3,
    why: 'The stream item archive: items stored once by key (indexed for the filters analytics and search use), column membership ordered newest first, the persisted search index segments, and archive settings such as the retention policy. New tables only: v2 data is untouched.',
    stores: {
      items: '&key, network, accountId, authorId, createdAt, lang, sentiment',
      columnItems: '&[columnKey+sortKey], itemKey',
      indexSegments: '++id',
      archiveMeta: '&key',
    },
  },
  {
    version: 4,
    why: 'Ingest wrote a columnItems row and six index entries per item, about as much IndexedDB work as the item itself; the archive worker already answers every filter from its in-memory index. Column membership moves into the index segments (one segment row per batch), and items keep only their primary key. The upgrade carries v3 memberships over as one segment.',
    stores: {
      items: '&key',
      columnItems: null,
    },
    upgrade: async (tx) => {
      const memberKeys = (await tx.table('columnItems').toCollection().primaryKeys()) as [string, string][];
      const segments = tx.table('indexSegments');
      const last = (await segments.orderBy(':id').last()) as IndexSegmentRow | undefined;
      const segment = membershipSegment(memberKeys, last);
      if (segment) await segments.add(segment);
    },
  },
  {
    version: 5,
    why: 'Analytics: listening counts per column and hour (written by the archive worker at ingest), daily account snapshots, post performance samples, spike alerts, campaigns and imported conversions. New tables only: v4 data is untouched.',
    stores: {
      listeningCounts: '&[columnKey+hour], hour',
      accountSnapshots: '&[accountId+day], day',
      postSamples: '&[postKey+sampledAt], sampledAt, accountId',
      alerts: '&id, hour, columnKey',
      campaigns: '&id, &utmCampaign',
      conversions: '&id, date, utmCampaign',
    },
  },
  {
    version: 6,
    why: "Analytics rollups: listening counts per column and UTC day (with the day's 24 hourly totals for best hours), so long dashboard ranges read a day row instead of 24 hour rows. Built from the v5 hourly rows on upgrade; hourly rows are untouched.",
    stores: { listeningDaily: '&[columnKey+hour], hour' },
    upgrade: async (tx) => {
      const daily = tx.table('listeningDaily');
      // A column's hours at a time keeps memory bounded on a large history.
      const hourly = tx.table('listeningCounts');
      let next = (await hourly.toCollection().limit(1).primaryKeys())[0] as [string, number] | undefined;
      while (next !== undefined) {
        const column = next[0];
        const rows = (await hourly
          .where(':id')
          .between([column, -Infinity], [column, Infinity])
          .toArray()) as ListeningCount[];
        await daily.bulkPut(rollUpDaily(rows));
        next = (await hourly.where(':id').above([column, Infinity]).limit(1).primaryKeys())[0] as
          [string, number] | undefined;
      }
    },
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 1;
