// The desktop's copy of team state, in its own SQLite file beside main's store: the last change number
// applied and the latest version of each record. Applying a change is one transaction (record and cursor
// together), so a crash never leaves the cursor ahead of the data; applying a change twice does nothing.
import type { DatabaseSync } from 'node:sqlite';
import type { TeamChange } from '../../src-shared/team/team-feed.ts';
import { openMainStore, type MainStore } from '../store/main-store.ts';
import type { Migration } from '../store/migrate.ts';

export const TEAM_CACHE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'team-cache',
    up(db: DatabaseSync) {
      db.exec(`
        CREATE TABLE team_cursor (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL) STRICT;
        INSERT INTO team_cursor (id, seq) VALUES (1, 0);
        CREATE TABLE team_records (
          entity  TEXT NOT NULL,
          id      TEXT NOT NULL,
          version INTEGER NOT NULL,
          seq     INTEGER NOT NULL,
          data    TEXT NOT NULL,
          PRIMARY KEY (entity, id)
        ) STRICT;
      `);
    },
  },
];

export interface CachedRecord {
  readonly id: string;
  readonly version: number;
  readonly data: Record<string, unknown>;
}

export interface TeamCache {
  /** The last change number applied: where the feed resumes. */
  cursor(): number;
  apply(change: TeamChange): void;
  records(entity: TeamChange['entity']): CachedRecord[];
  record(entity: TeamChange['entity'], id: string): CachedRecord | null;
  /** Forgets everything (the member or this device was revoked, or the desktop left the team). */
  erase(): void;
  close(): void;
}

export function openTeamCache(path: string): TeamCache {
  const store: MainStore = openMainStore({ path, migrations: TEAM_CACHE_MIGRATIONS });
  const readCursor = store.db.prepare('SELECT seq FROM team_cursor WHERE id = 1');
  const writeCursor = store.db.prepare('UPDATE team_cursor SET seq = ? WHERE id = 1');
  // A record only moves forward: an older version (possible when a server's sequence was restored) never
  // overwrites a newer one.
  const upsert = store.db.prepare(`
    INSERT INTO team_records (entity, id, version, seq, data) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (entity, id) DO UPDATE SET version = excluded.version, seq = excluded.seq, data = excluded.data
      WHERE excluded.version >= team_records.version`);
  const list = store.db.prepare('SELECT id, version, data FROM team_records WHERE entity = ? ORDER BY id');
  const one = store.db.prepare('SELECT id, version, data FROM team_records WHERE entity = ? AND id = ?');
  const cursor = () => Number(readCursor.get()?.['seq'] ?? 0);
  return {
    cursor,
    apply(change) {
      store.transaction(() => {
        if (change.seq <= cursor()) return;
        upsert.run(change.entity, change.entityId, change.version, change.seq, JSON.stringify(change.data));
        writeCursor.run(change.seq);
      });
    },
    records: (entity) => list.all(entity).map(recordOf),
    record(entity, id) {
      const row = one.get(entity, id);
      return row ? recordOf(row) : null;
    },
    erase() {
      store.transaction(() => {
        store.db.exec('DELETE FROM team_records');
        writeCursor.run(0);
      });
    },
    close: () => store.close(),
  };
}

function recordOf(row: Record<string, unknown>): CachedRecord {
  return {
    id: String(row['id']),
    version: Number(row['version']),
    data: JSON.parse(String(row['data'])) as Record<string, unknown>,
  };
}
