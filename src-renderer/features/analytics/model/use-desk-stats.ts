// The inquiry desk's figures for the dashboard's range (desk:stats, answered by main from the desk's own
// records), reloaded with the rest of the dashboard.
import { startTransition, useEffect, useState } from 'react';
import type { DeskStats } from '../../../../src-shared/contract/desk-contract.ts';
import type { TimeRange } from '../../../../src-shared/analytics/time-range.ts';
import { useServices } from '../../../app-context.tsx';
import { keepSame, useReloadTick } from './use-dashboard-data.ts';

export function useDeskStats(
  range: TimeRange,
  reloadKey: number,
): { readonly stats: DeskStats | null; readonly error: string | null } {
  const { client } = useServices();
  const [stats, setStats] = useState<DeskStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tick = useReloadTick();
  useEffect(() => {
    let current = true;
    client.call('desk:stats', { from: range.from, to: range.to, bucketMs: range.bucketMs }).then(
      (result) => {
        if (!current) return;
        if (!result.ok) return setError(result.error.message);
        // Drawn in slices, like the listening charts (use-dashboard-data.ts).
        startTransition(() => {
          setStats((previous) => keepSame(previous ?? undefined, result.value));
          setError(null);
        });
      },
      (e: unknown) => current && setError((e as Error).message),
    );
    return () => {
      current = false;
    };
  }, [client, range, reloadKey, tick]);
  return { stats, error };
}
