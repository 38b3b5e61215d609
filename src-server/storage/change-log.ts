// The ordered change sequence. A change gets its number from the `changes` counter inside the writing
// transaction, so numbers are dense and commit in order (the counter row stays locked until commit).
import type { TeamChange } from '../../src-shared/team/team-feed.ts';
import type { SqlExecutor } from './sql-engine.ts';

export type NewChange = Omit<TeamChange, 'seq'>;

/**
 * PostgreSQL channel that wakes every server process's feed after a commit that appended changes. The payload
 * is empty: a woken feed reads the new changes from the database, in order, never from the notification.
 */
export const CHANGES_CHANNEL = 'roost_changes';

export async function nextCounter(tx: SqlExecutor, name: 'changes' | 'audit'): Promise<number> {
  const row = await tx.get('UPDATE counters SET value = value + 1 WHERE name = ? RETURNING value', [name]);
  if (!row) throw new Error(`counter ${name} is missing`);
  return Number(row['value']);
}

export async function appendChange(tx: SqlExecutor, change: NewChange): Promise<TeamChange> {
  const seq = await nextCounter(tx, 'changes');
  await tx.run(
    'INSERT INTO changes (seq, at, actor_id, entity, entity_id, version, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [
      seq,
      change.at,
      change.actorId,
      change.entity,
      change.entityId,
      change.version,
      JSON.stringify(change.data),
    ],
  );
  // Same text every time, so PostgreSQL folds a transaction's notifications into one.
  await tx.notifyOnCommit?.(CHANGES_CHANNEL, '');
  return { seq, ...change };
}

export async function readChangesAfter(db: SqlExecutor, after: number, limit: number): Promise<TeamChange[]> {
  const rows = await db.all(
    'SELECT seq, at, actor_id, entity, entity_id, version, data FROM changes WHERE seq > ? ORDER BY seq LIMIT ?',
    [after, limit],
  );
  return rows.map((row) => ({
    seq: Number(row['seq']),
    at: Number(row['at']),
    actorId: row['actor_id'] === null ? null : String(row['actor_id']),
    entity: row['entity'] as TeamChange['entity'],
    entityId: String(row['entity_id']),
    version: Number(row['version']),
    data: JSON.parse(String(row['data'])) as Record<string, unknown>,
  }));
}

export async function lastChangeSeq(db: SqlExecutor): Promise<number> {
  const row = await db.get("SELECT value FROM counters WHERE name = 'changes'");
  return Number(row?.['value'] ?? 0);
}
