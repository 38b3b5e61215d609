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
}

export interface SqlEngine extends SqlExecutor {
  readonly kind: 'sqlite' | 'postgres';
  /**
   * Runs `fn` in one write transaction: committed when it resolves, rolled back when it throws. Transactions
   * are serialised (SQLite: one writer at a time in this process; PostgreSQL: the change counter's row lock),
   * so the change sequence commits in number order and a feed reader never sees seq N+1 before N.
   */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
