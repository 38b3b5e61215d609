// The Inbox reads the desk through main (the embedded desk, or later the team server's cache) and reloads
// whatever is on screen when main says conversations changed.
import { useCallback, useEffect, useState } from 'react';
import type {
  ConversationDetail,
  ConversationSummary,
  DeskView,
} from '../../../../src-shared/contract/desk-contract.ts';
import { useServices } from '../../../app-context.tsx';

export type Loaded<T> = { readonly value: T | null; readonly error: string | null };

/** Reloads on every `changed` event, at most one request in flight (a burst collapses into one reload). */
export function useReloading<T>(
  load: () => Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
  changed: 'desk:changed' | 'teamDesk:changed' = 'desk:changed',
) {
  const { client } = useServices();
  const [state, setState] = useState<Loaded<T>>({ value: null, error: null });
  const reload = useCallback(() => {
    let cancelled = false;
    void load().then((result) => {
      if (cancelled) return;
      setState(
        result.ok ? { value: result.value, error: null } : { value: null, error: result.error.message },
      );
    });
    return () => {
      cancelled = true;
    };
  }, [load]);
  useEffect(() => {
    let cancel = reload();
    const stop = client.on(changed, () => {
      cancel();
      cancel = reload();
    });
    return () => {
      cancel();
      stop();
    };
  }, [client, reload, changed]);
  return [state, reload] as const;
}

export function useDeskList(view: DeskView) {
  const { client } = useServices();
  const load = useCallback(() => client.call('desk:list', { view }), [client, view]);
  return useReloading<ConversationSummary[]>(load);
}

export function useDeskCounts() {
  const { client } = useServices();
  const load = useCallback(() => client.call('desk:counts', {}), [client]);
  return useReloading<Record<DeskView, number>>(load)[0].value;
}

export function useConversation(id: string | null) {
  const { client } = useServices();
  const load = useCallback(
    () =>
      id === null
        ? Promise.resolve({ ok: true as const, value: null })
        : client.call('desk:conversation', { id }),
    [client, id],
  );
  return useReloading<ConversationDetail | null>(load);
}
