// The renderer's half of every guarded publication — a post from the composer, an inline reply or quote, a
// repost, unrepost or delete: ask main's guards (preflight), collect the confirmations they require in the
// confirmation dialog, obtain a single-use clearance, then submit to the outbox. Main checks all of it again.
import { useCallback, useRef, useState } from 'react';
import type { Result } from '../../src-shared/contract/errors.ts';
import type { OutboxJob } from '../../src-shared/contract/publishing-contract.ts';
import type { Preflight } from './confirm-dialog.tsx';

export interface GuardedRequest {
  preflight(): Promise<Result<Preflight>>;
  clear(
    digest: string,
    typedHandles: Record<string, string>,
    acknowledged: string[],
  ): Promise<Result<{ clearanceId: string }>>;
  submit(clearanceId: string | null): Promise<Result<{ jobs: OutboxJob[] }>>;
}

export type GuardedPhase = 'idle' | 'checking' | 'confirm' | 'sending';

/** How a step ended: submitted to the outbox, waiting for the person's confirmation, or stopped with a reason. */
export type GuardedOutcome =
  | { readonly kind: 'submitted'; readonly jobs: OutboxJob[] }
  | { readonly kind: 'confirm' }
  | { readonly kind: 'stopped'; readonly message: string };

export interface GuardedFlow {
  readonly phase: GuardedPhase;
  readonly preflight: Preflight | null;
  /** The last refusal or failure, in the words main used. */
  readonly error: string | null;
  start(request: GuardedRequest): Promise<GuardedOutcome>;
  confirm(typedHandles: Record<string, string>, acknowledged: string[]): Promise<GuardedOutcome>;
  cancel(): void;
}

export function needsConfirmation(preflight: Preflight): boolean {
  return (
    preflight.decisions.length > 0 || preflight.typeHandleFor.length > 0 || preflight.acknowledge.length > 0
  );
}

export function useGuardedFlow(): GuardedFlow {
  const [phase, setPhase] = useState<GuardedPhase>('idle');
  const [preflight, setPreflight] = useState<Preflight | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<{ request: GuardedRequest; preflight: Preflight } | null>(null);

  const finish = useCallback(
    async (
      request: GuardedRequest,
      checked: Preflight,
      typed: Record<string, string>,
      acknowledged: string[],
    ): Promise<GuardedOutcome> => {
      setPhase('sending');
      let clearanceId: string | null = null;
      if (checked.typeHandleFor.length > 0 || checked.acknowledge.length > 0) {
        const only = Object.fromEntries(checked.typeHandleFor.map((id) => [id, typed[id] ?? '']));
        const cleared = await request.clear(checked.digest, only, acknowledged);
        if (!cleared.ok) {
          setPhase('confirm');
          setError(cleared.error.message);
          return { kind: 'stopped', message: cleared.error.message };
        }
        clearanceId = cleared.value.clearanceId;
      }
      const submitted = await request.submit(clearanceId);
      pending.current = null;
      setPreflight(null);
      setPhase('idle');
      if (!submitted.ok) {
        setError(submitted.error.message);
        return { kind: 'stopped', message: submitted.error.message };
      }
      return { kind: 'submitted', jobs: submitted.value.jobs };
    },
    [],
  );

  const start = useCallback(
    async (request: GuardedRequest): Promise<GuardedOutcome> => {
      setError(null);
      setPhase('checking');
      const checked = await request.preflight();
      if (!checked.ok) {
        setPhase('idle');
        setError(checked.error.message);
        return { kind: 'stopped', message: checked.error.message };
      }
      if (checked.value.blocked) {
        const message = checked.value.decisions
          .filter((d) => d.level === 'block')
          .map((d) => d.message)
          .join('; ');
        setPhase('idle');
        setError(message);
        return { kind: 'stopped', message };
      }
      if (needsConfirmation(checked.value)) {
        pending.current = { request, preflight: checked.value };
        setPreflight(checked.value);
        setPhase('confirm');
        return { kind: 'confirm' };
      }
      return finish(request, checked.value, {}, []);
    },
    [finish],
  );

  const confirm = useCallback(
    async (typed: Record<string, string>, acknowledged: string[]) => {
      const held = pending.current;
      if (!held) return { kind: 'stopped', message: '' } as const;
      setError(null);
      return finish(held.request, held.preflight, typed, acknowledged);
    },
    [finish],
  );

  const cancel = useCallback(() => {
    pending.current = null;
    setPreflight(null);
    setPhase('idle');
  }, []);

  return { phase, preflight, error, start, confirm, cancel };
}
