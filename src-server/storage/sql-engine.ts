// The storage port of the team server. Repositories write SQL in the subset SQLite and PostgreSQL share
// (see migrations.ts for the rules) with `?` placeholders; an engine runs it. Every method is async so a
// PostgreSQL engine (a connection pool, `?` rewritten to `$1…`) can implement the same interface.
export type SqlValue = string | number | null;
export type SqlRow = Record<string, SqlValue>;

export interface SqlExecutor {
  all(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]>;
  get(sql: string, params?: readonly SqlValue[]): Promise<SqlRow | undefined>;
  /** Returns how many rows the statement changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /**
   * Inside a transaction: tells every server process listening on `channel` once the transaction commits
   * (PostgreSQL NOTIFY, dropped on rollback). Absent where one process owns the database (SQLite).
   */
  notifyOnCommit?(channel: string, payload: string): Promise<void>;
}

export interface TransactionOptions {
  /**
   * False (the default): the transaction is serialised with every other write transaction, in every
   * process. True: it runs beside others and must protect itself with row locks (claims use
   * `FOR UPDATE SKIP LOCKED`). SQLite has one writer and serialises both alike.
   */
  readonly concurrent?: boolean;
}

export interface SqlEngine extends SqlExecutor {
  readonly kind: 'sqlite' | 'postgres';
  /**
   * Runs `fn` in one write transaction: committed when it resolves, rolled back when it throws. Transactions
   * are serialised (SQLite: one writer at a time in this process; PostgreSQL: an advisory lock every process
   * takes),
   * so the change sequence commits in number order and a feed reader never sees seq N+1 before N.
   */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}
