// The PostgreSQL engine (`--database postgres://…`): a connection pool, the shared SQL subset with `?`
// rewritten to `$1…`, BIGINT read back as numbers. Several server processes may share one database, so write
// transactions take one transaction-scoped advisory lock first: like SQLite's single writer, a handler's
// check-then-write cannot interleave with another process's, and changes commit in sequence order (the
// `counters` row lock alone would order the numbers but not the reads a handler makes before taking one).
// Claims (`claims.ts`) use a `concurrent` transaction without that lock and rely on row locks instead.
import pg from 'pg';
import type { SqlEngine, SqlExecutor, SqlRow, SqlValue, TransactionOptions } from './sql-engine.ts';

/** Any fixed number: the key of the advisory lock every exclusive write transaction holds until commit. */
const WRITE_LOCK_KEY = 7_420_012;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** node-postgres returns BIGINT and NUMERIC as strings (they can exceed 2^53); Roost's numbers never do. */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * Rewrites `?` placeholders to `$1, $2, …`, leaving quoted strings, quoted names, comments and dollar-quoted
 * bodies (the audit trigger's PL/pgSQL) untouched. Cached per statement text.
 */
export function toPostgresPlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      const stop = end === -1 ? sql.length : end + 1;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === '$' && /^\$[A-Za-z_]*\$/.test(sql.slice(i))) {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))![0];
      const end = sql.indexOf(tag, i + tag.length);
      const stop = end === -1 ? sql.length : end + tag.length;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === '?') {
      n += 1;
      out += `$${n}`;
      i += 1;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

type Queryable = Pick<pg.PoolClient, 'query'>;

function executorFor(target: Queryable, inTransaction: boolean): SqlExecutor {
  const rewritten = new Map<string, string>();
  const text = (sql: string) => {
    let value = rewritten.get(sql);
    if (value === undefined) {
      value = toPostgresPlaceholders(sql);
      rewritten.set(sql, value);
    }
    return value;
  };
  const query = (sql: string, params: readonly SqlValue[] = []) =>
    target.query<SqlRow>(text(sql), params as SqlValue[]);
  return {
    all: async (sql, params) => (await query(sql, params)).rows,
    get: async (sql, params) => (await query(sql, params)).rows[0],
    run: async (sql, params) => (await query(sql, params)).rowCount ?? 0,
    ...(inTransaction
      ? {
          notifyOnCommit: async (channel: string, payload: string) => {
            await target.query('SELECT pg_notify($1, $2)', [channel, payload]);
          },
        }
      : {}),
  };
}

export interface PostgresEngine extends SqlEngine {
  readonly kind: 'postgres';
  /** Sends a notification to every process listening on `channel` (after commit when called outside one). */
  notify(channel: string, payload: string): Promise<void>;
  /**
   * Listens on `channels` with one dedicated connection, reconnecting if it drops; `onReconnect` runs after
   * a reconnection, since notifications sent while it was down are lost.
   */
  listen(
    channels: readonly string[],
    onNotification: (channel: string, payload: string) => void,
    onReconnect: () => void,
  ): Promise<void>;
}

export async function openPostgresEngine(
  connectionString: string,
  options: { maxConnections?: number } = {},
): Promise<PostgresEngine> {
  const pool = new pg.Pool({ connectionString, types, max: options.maxConnections ?? 10 });
  // An idle client whose server connection breaks emits here; the pool replaces it on the next checkout.
  pool.on('error', () => undefined);
  const read = executorFor(pool, false);
  let listener: pg.Client | null = null;
  let closing = false;

  const transaction = async <T>(
    fn: (tx: SqlExecutor) => Promise<T>,
    txOptions: TransactionOptions = {},
  ): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      if (!txOptions.concurrent) await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK_KEY]);
      const result = await fn(executorFor(client, true));
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      // A connection that failed mid-transaction is not returned to the pool as it is.
      await client.query('ROLLBACK').then(
        () => client.release(),
        () => client.release(true),
      );
      throw error;
    }
  };

  async function listen(
    channels: readonly string[],
    onNotification: (channel: string, payload: string) => void,
    onReconnect: () => void,
  ): Promise<void> {
    const connect = async (): Promise<void> => {
      const client = new pg.Client({ connectionString, types });
      client.on('notification', (message) => onNotification(message.channel, message.payload ?? ''));
      client.on('error', () => undefined);
      client.on('end', () => {
        if (closing || listener !== client) return;
        listener = null;
        const retry = (): void => {
          if (closing) return;
          connect().then(onReconnect, () => setTimeout(retry, 500).unref());
        };
        setTimeout(retry, 100).unref();
      });
      await client.connect();
      for (const channel of channels) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      listener = client;
    };
    await connect();
  }

  return {
    kind: 'postgres',
    all: read.all,
    get: read.get,
    run: (sql, params) => transaction((tx) => tx.run(sql, params)),
    transaction,
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    listen,
    async close() {
      if (closing) return;
      closing = true;
      await listener?.end().catch(() => undefined);
      await pool.end();
    },
  };
}
