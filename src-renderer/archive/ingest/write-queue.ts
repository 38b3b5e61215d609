// Serialises the archive's writes. Ingest batches are prepared (tokenised, indexed in memory) while the
// previous batch's transaction commits, so CPU work overlaps IndexedDB's; any other write waits its turn.
// A batch can be queued before it is ready to prepare (its texts still being analysed elsewhere): it keeps
// its place in line, and waits for `ready` only when its turn comes.

/** `B` is one ingest batch as queued, `P` the same batch prepared for its transaction. */
export interface WriteQueueHooks<B, P> {
  prepare(batch: B): P;
  commit(prepared: P): Promise<void>;
  /** Brings memory back in line with the database after a failed write. */
  recover(): Promise<void>;
  onIdle(): void;
}

interface Deferred {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Task<B, P> =
  | {
      kind: 'ingest';
      /** Let go once the batch's transaction is under way (nothing prepares it again after that). */
      batch: B | null;
      ready: Promise<void>;
      prepared: P | null;
      done: Deferred;
    }
  | { kind: 'op'; run: () => Promise<unknown>; done: Deferred };

export class WriteQueue<B, P> {
  private readonly hooks: WriteQueueHooks<B, P>;
  private readonly tasks: Task<B, P>[] = [];
  private running = false;

  constructor(hooks: WriteQueueHooks<B, P>) {
    this.hooks = hooks;
  }

  get idle(): boolean {
    return !this.running && this.tasks.length === 0;
  }

  /** `ready` settles when the batch can be prepared; a rejection only means "prepare it anyway". */
  ingest(batch: B, ready: Promise<unknown> = Promise.resolve()): Promise<void> {
    return new Promise((resolve, reject) => {
      this.tasks.push({
        kind: 'ingest',
        batch,
        ready: ready.then(
          () => undefined,
          () => undefined,
        ),
        prepared: null,
        done: { resolve: () => resolve(), reject },
      });
      void this.pump();
    });
  }

  run<T>(op: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.tasks.push({ kind: 'op', run: op, done: { resolve: (v) => resolve(v as T), reject } });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let task = this.tasks.shift(); task; task = this.tasks.shift()) {
        try {
          task.done.resolve(task.kind === 'ingest' ? await this.runIngest(task) : await task.run());
        } catch (error) {
          await this.recoverAfter(error);
          task.done.reject(error);
        }
      }
    } finally {
      this.running = false;
      this.hooks.onIdle();
    }
  }

  private async runIngest(task: Task<B, P> & { kind: 'ingest' }): Promise<void> {
    await task.ready;
    if (task.batch === null) throw new Error('write queue: an ingest batch ran twice');
    const commit = this.hooks.commit(task.prepared ?? this.hooks.prepare(task.batch));
    task.batch = null;
    task.prepared = null;
    // Handled below; this only keeps a failure during the pause from counting as unhandled.
    commit.catch(() => undefined);
    // Let this transaction's requests go out, and batches already posted to the worker arrive, before
    // tokenising the next batch while this one commits.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const next = this.tasks[0];
    // Waits for the next batch to be ready, unless this commit finishes first (then its own turn prepares it).
    const nextReady =
      next?.kind === 'ingest' && next.prepared === null
        ? await Promise.race([
            next.ready.then(() => true),
            commit.then(
              () => false,
              () => false,
            ),
          ])
        : false;
    if (nextReady && next?.kind === 'ingest' && next.prepared === null && next.batch !== null) {
      try {
        next.prepared = this.hooks.prepare(next.batch);
      } catch {
        // Its own turn will prepare it again and report the error to its caller.
      }
    }
    await commit;
  }

  private async recoverAfter(error: unknown): Promise<void> {
    // Batches prepared ahead refer to index state that is being thrown away.
    for (const t of this.tasks) if (t.kind === 'ingest') t.prepared = null;
    try {
      await this.hooks.recover();
    } catch (again) {
      console.error('archive: could not reload the search index after a failed write', error, again);
    }
  }
}
