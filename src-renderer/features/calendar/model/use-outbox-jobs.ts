// The outbox jobs of a period, loaded with outbox:list and kept live by outbox:changed; reloaded when
// the link to main comes back, as events sent while it was down are lost.
import { useCallback, useEffect, useState } from 'react';
import type { OutboxJob } from '../../../../src-shared/contract/publishing-contract.ts';
import type { RoostClient } from '../../../bridge/client.ts';

export interface OutboxJobs {
  readonly jobs: readonly OutboxJob[];
  readonly loading: boolean;
  readonly error: string | null;
  upsert(jobs: readonly OutboxJob[]): void;
}

export function mergeJobs(current: readonly OutboxJob[], changed: readonly OutboxJob[]): OutboxJob[] {
  const byId = new Map(current.map((j) => [j.id, j]));
  for (const job of changed) byId.set(job.id, job);
  return [...byId.values()];
}

export function useOutboxJobs(client: RoostClient, from: string, to: string): OutboxJobs {
  const [jobs, setJobs] = useState<readonly OutboxJob[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const upsert = useCallback(
    (changed: readonly OutboxJob[]) => setJobs((current) => mergeJobs(current, changed)),
    [],
  );

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      const result = await client.call('outbox:list', { from, to });
      if (cancelled) return;
      setLoading(false);
      if (result.ok) {
        setJobs(result.value);
        setError(null);
      } else setError(result.error.message);
    };
    void load();
    const stopEvents = client.on('outbox:changed', ({ jobs: changed }) => upsert(changed));
    const stopState = client.onState((state) => {
      if (state === 'online') void load();
    });
    return () => {
      cancelled = true;
      stopEvents();
      stopState();
    };
  }, [client, from, to, upsert]);

  return { jobs, loading, error, upsert };
}
