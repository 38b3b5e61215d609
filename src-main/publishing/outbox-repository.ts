// The only code that reads or writes `outbox_jobs`. Every write is one synchronous statement or transaction, so
// a state is on disk (synchronous=FULL) before the engine makes the network call that state announces.
import type { SQLOutputValue } from 'node:sqlite';
import { GuardRecordSchema } from '../../src-shared/contract/publishing-contract.ts';
import { z } from '../../src-shared/zod.ts';
import type { MainStore } from '../store/main-store.ts';
import type { JobPayload, OutboxState, StoredJob } from './outbox-job.ts';

export interface JobFilter {
  readonly fromMs?: number;
  readonly toMs?: number;
  readonly accountIds?: readonly string[];
  readonly campaign?: string;
}

export interface OutboxRepository {
  insert(jobs: readonly StoredJob[]): void;
  get(id: string): StoredJob | null;
  /** Writes every mutable field of `job`. */
  save(job: StoredJob): void;
  list(filter?: JobFilter): StoredJob[];
  inState(state: OutboxState): StoredJob[];
  /** Held or queued jobs whose wake time has come, earliest first. */
  wakeable(nowMs: number, limit: number): StoredJob[];
  /** The earliest pending wake time, or null. */
  nextWakeMs(): number | null;
  /** The jobs of a thread after `index`, in order. */
  laterInThread(threadId: string, index: number): StoredJob[];
  /** The job at `index` of a thread, or null. */
  threadJob(threadId: string, index: number): StoredJob | null;
  /** Posts sent or on their way since `sinceMs`, for the duplicate guard. */
  recentForAccounts(accountIds: readonly string[], sinceMs: number): StoredJob[];
  transaction<T>(fn: () => T): T;
}

const COLUMNS = [
  'id',
  'batch_id',
  'draft_id',
  'account_id',
  'network',
  'state',
  'text',
  'payload',
  'digest',
  'scheduled_at',
  'hold_until',
  'scheduled_by',
  'due_ms',
  'wake_ms',
  'attempts',
  'last_error_code',
  'last_error_message',
  'rkey',
  'idempotency_key',
  'server_schedule_id',
  'remote_id',
  'url',
  'campaign',
  'guard_records',
  'created_at',
  'updated_at',
  'sent_at',
  'thread_id',
  'thread_index',
  'remote_cid',
] as const;

const GuardRecords = z.array(GuardRecordSchema);

export function createOutboxRepository(store: MainStore): OutboxRepository {
  const { db } = store;
  const select = `SELECT ${COLUMNS.join(', ')} FROM outbox_jobs`;
  const insertStmt = db.prepare(
    `INSERT INTO outbox_jobs (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
  );
  const mutable = COLUMNS.filter((c) => c !== 'id');
  const saveStmt = db.prepare(
    `UPDATE outbox_jobs SET ${mutable.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
  );
  const getStmt = db.prepare(`${select} WHERE id = ?`);
  const stateStmt = db.prepare(`${select} WHERE state = ? ORDER BY due_ms, id`);
  const wakeStmt = db.prepare(
    `${select} WHERE wake_ms IS NOT NULL AND wake_ms <= ? AND state IN ('held', 'queued') ORDER BY wake_ms, id LIMIT ?`,
  );
  const nextStmt = db.prepare(
    "SELECT min(wake_ms) AS next FROM outbox_jobs WHERE wake_ms IS NOT NULL AND state IN ('held', 'queued')",
  );
  const laterStmt = db.prepare(`${select} WHERE thread_id = ? AND thread_index > ? ORDER BY thread_index`);
  const atStmt = db.prepare(`${select} WHERE thread_id = ? AND thread_index = ?`);
  const values = (job: StoredJob): (string | number | null)[] => [
    job.id,
    job.batchId,
    job.draftId,
    job.accountId,
    job.network,
    job.state,
    job.text,
    JSON.stringify(job.payload),
    job.digest,
    job.scheduledAt,
    job.holdUntil,
    job.scheduledBy,
    job.dueMs,
    job.wakeMs,
    job.attempts,
    job.lastError?.code ?? null,
    job.lastError?.message ?? null,
    job.rkey,
    job.idempotencyKey,
    job.serverScheduleId,
    job.remoteId,
    job.url,
    job.campaign,
    JSON.stringify(job.guardRecords),
    job.createdAt,
    job.updatedAt,
    job.sentAt,
    job.threadId,
    job.threadIndex,
    job.remoteCid,
  ];

  return {
    insert(jobs) {
      store.transaction(() => {
        for (const job of jobs) insertStmt.run(...values(job));
      });
    },
    get(id) {
      const row = getStmt.get(id);
      return row ? toJob(row) : null;
    },
    save(job) {
      const [id, ...rest] = values(job);
      saveStmt.run(...rest, id ?? '');
    },
    list(filter = {}) {
      const where: string[] = [];
      const params: (string | number)[] = [];
      if (filter.fromMs !== undefined) {
        where.push('due_ms >= ?');
        params.push(filter.fromMs);
      }
      if (filter.toMs !== undefined) {
        where.push('due_ms <= ?');
        params.push(filter.toMs);
      }
      if (filter.accountIds) {
        where.push(`account_id IN (${filter.accountIds.map(() => '?').join(', ') || 'NULL'})`);
        params.push(...filter.accountIds);
      }
      if (filter.campaign !== undefined) {
        where.push('campaign = ?');
        params.push(filter.campaign);
      }
      const sql = `${select}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY due_ms, id LIMIT 500`;
      return db
        .prepare(sql)
        .all(...params)
        .map(toJob);
    },
    inState: (state) => stateStmt.all(state).map(toJob),
    wakeable: (nowMs, limit) => wakeStmt.all(nowMs, limit).map(toJob),
    nextWakeMs() {
      const next = nextStmt.get()?.['next'];
      return typeof next === 'number' ? next : null;
    },
    laterInThread: (threadId, index) => laterStmt.all(threadId, index).map(toJob),
    threadJob(threadId, index) {
      const row = atStmt.get(threadId, index);
      return row ? toJob(row) : null;
    },
    recentForAccounts(accountIds, sinceMs) {
      if (accountIds.length === 0) return [];
      return db
        .prepare(
          `${select} WHERE account_id IN (${accountIds.map(() => '?').join(', ')}) AND due_ms >= ?
             AND state IN ('held', 'queued', 'overdue', 'sending', 'sent')`,
        )
        .all(...accountIds, sinceMs)
        .map(toJob);
    },
    transaction: (fn) => store.transaction(fn),
  };
}

type Row = Record<string, SQLOutputValue>;

const str = (row: Row, column: string): string => String(row[column]);
const strOrNull = (row: Row, column: string): string | null => {
  const value = row[column];
  return value === null || value === undefined ? null : String(value);
};

function toJob(row: Row): StoredJob {
  const errorCode = strOrNull(row, 'last_error_code');
  return {
    id: str(row, 'id'),
    batchId: str(row, 'batch_id'),
    draftId: strOrNull(row, 'draft_id'),
    accountId: str(row, 'account_id'),
    network: str(row, 'network') as StoredJob['network'],
    state: str(row, 'state') as OutboxState,
    text: str(row, 'text'),
    payload: JSON.parse(str(row, 'payload')) as JobPayload,
    digest: str(row, 'digest'),
    scheduledAt: strOrNull(row, 'scheduled_at'),
    holdUntil: strOrNull(row, 'hold_until'),
    scheduledBy: str(row, 'scheduled_by') as StoredJob['scheduledBy'],
    dueMs: Number(row['due_ms']),
    wakeMs: row['wake_ms'] === null ? null : Number(row['wake_ms']),
    attempts: Number(row['attempts']),
    lastError: errorCode ? { code: errorCode, message: strOrNull(row, 'last_error_message') ?? '' } : null,
    rkey: strOrNull(row, 'rkey'),
    idempotencyKey: str(row, 'idempotency_key'),
    serverScheduleId: strOrNull(row, 'server_schedule_id'),
    remoteId: strOrNull(row, 'remote_id'),
    url: strOrNull(row, 'url'),
    campaign: strOrNull(row, 'campaign'),
    guardRecords: GuardRecords.parse(JSON.parse(str(row, 'guard_records'))),
    createdAt: str(row, 'created_at'),
    updatedAt: str(row, 'updated_at'),
    sentAt: strOrNull(row, 'sent_at'),
    threadId: strOrNull(row, 'thread_id'),
    threadIndex: Number(row['thread_index'] ?? 0),
    remoteCid: strOrNull(row, 'remote_cid'),
  };
}
