// The renderer's half of every guarded publication — a post from the composer, an inline reply or quote, a
// repost, unrepost or delete: ask main's guards (preflight), collect the confirmations they require in the
// confirmation dialog, obtain a single-use clearance, then submit to the outbox. Main checks all of it again.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Result } from '../../src-shared/contract/errors.ts';
import type { GuardDecisionSchema, OutboxJob } from '../../src-shared/contract/publishing-contract.ts';
import type { z } from '../../src-shared/zod.ts';
import type { Preflight } from './confirm-dialog.tsx';

export type GuardDecision = z.infer<typeof GuardDecisionSchema>;

/** What the outbox answered: the jobs it made, or that the submission was kept to be sent once online. */
export type Submitted = { readonly jobs: readonly OutboxJob[] } | { readonly queued: true };

export interface GuardedRequest {
  /** Runs first, while the flow shows "checking"; false means there is nothing to send and ends quietly. */
  prepare?(): Promise<boolean>;
  preflight(): Promise<Result<Preflight>>;
  clear(
    digest: string,
    typedHandles: Record<string, string>,
    acknowledged: string[],
  ): Promise<Result<{ clearanceId: string }>>;
  submit(clearanceId: string | null): Promise<Result<Submitted>>;
  /** Ask main for a clearance even when nothing needs confirming (the composer's posts always carry one). */
  readonly alwaysClear?: boolean;
  /**
   * When preflight or clearance finds the network unreachable, submit without a clearance instead of
   * stopping: the submitter keeps the post and checks it again once the link is back.
   */
  readonly queueWhenUnreachable?: boolean;
}

export type GuardedPhase = 'idle' | 'checking' | 'confirm' | 'sending';

/** How a step ended: submitted to the outbox, waiting for the person's confirmation, or stopped with a reason. */
export type GuardedOutcome =
  | { readonly kind: 'submitted'; readonly jobs: readonly OutboxJob[] }
  | { readonly kind: 'queued' }
  | { readonly kind: 'confirm' }
  /** `prepare` found nothing to send. */
  | { readonly kind: 'nothing' }
  | {
      readonly kind: 'stopped';
      readonly message: string;
      /** The step that stopped: a failed submission may need the draft reopened, a refused check not. */
      readonly at: 'preflight' | 'clear' | 'submit';
      /** Set when main's guards blocked the post: the blocking decisions, one per reason. */
      readonly blocked?: readonly GuardDecision[];
    };

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

/** Whether a refused clearance leaves the dialog open: only when the person had something to type or tick. */
function asksForInput(preflight: Preflight): boolean {
  return preflight.typeHandleFor.length > 0 || preflight.acknowledge.length > 0;
}

export function useGuardedFlow(): GuardedFlow {
  const [phase, setPhase] = useState<GuardedPhase>('idle');
  const [preflight, setPreflight] = useState<Preflight | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<{ request: GuardedRequest; preflight: Preflight } | null>(null);

  const submit = useCallback(
    async (request: GuardedRequest, clearanceId: string | null): Promise<GuardedOutcome> => {
      setPhase('sending');
      const submitted = await request.submit(clearanceId);
      pending.current = null;
      setPreflight(null);
      setPhase('idle');
      if (!submitted.ok) {
        setError(submitted.error.message);
        return { kind: 'stopped', message: submitted.error.message, at: 'submit' };
      }
      return 'jobs' in submitted.value
        ? { kind: 'submitted', jobs: submitted.value.jobs }
        : { kind: 'queued' };
    },
    [],
  );

  const finish = useCallback(
    async (
      request: GuardedRequest,
      checked: Preflight,
      typed: Record<string, string>,
      acknowledged: string[],
    ): Promise<GuardedOutcome> => {
      setPhase('sending');
      let clearanceId: string | null = null;
      if (request.alwaysClear || asksForInput(checked)) {
        const only = Object.fromEntries(checked.typeHandleFor.map((id) => [id, typed[id] ?? '']));
        const cleared = await request.clear(checked.digest, only, acknowledged);
        if (!cleared.ok) {
          if (request.queueWhenUnreachable && cleared.error.code === 'network_unreachable') {
            return submit(request, null);
          }
          setPhase(asksForInput(checked) ? 'confirm' : 'idle');
          setError(cleared.error.message);
          return { kind: 'stopped', message: cleared.error.message, at: 'clear' };
        }
        clearanceId = cleared.value.clearanceId;
      }
      return submit(request, clearanceId);
    },
    [submit],
  );

  const start = useCallback(
    async (request: GuardedRequest): Promise<GuardedOutcome> => {
      setError(null);
      setPhase('checking');
      if (request.prepare && !(await request.prepare())) {
        setPhase('idle');
        return { kind: 'nothing' };
      }
      const checked = await request.preflight();
      if (!checked.ok) {
        if (request.queueWhenUnreachable && checked.error.code === 'network_unreachable') {
          return submit(request, null);
        }
        setPhase('idle');
        setError(checked.error.message);
        return { kind: 'stopped', message: checked.error.message, at: 'preflight' };
      }
      if (checked.value.blocked) {
        const blocked = checked.value.decisions.filter((d) => d.level === 'block');
        const message = blocked.map((d) => d.message).join('; ');
        setPhase('idle');
        setError(message);
        return { kind: 'stopped', message, at: 'preflight', blocked };
      }
      // A post that is always cleared keeps its check at hand while the clearance is asked for.
      if (request.alwaysClear || needsConfirmation(checked.value)) {
        pending.current = { request, preflight: checked.value };
        setPreflight(checked.value);
      }
      if (needsConfirmation(checked.value)) {
        setPhase('confirm');
        return { kind: 'confirm' };
      }
      return finish(request, checked.value, {}, []);
    },
    [finish, submit],
  );

  const confirm = useCallback(
    async (typed: Record<string, string>, acknowledged: string[]): Promise<GuardedOutcome> => {
      const held = pending.current;
      if (!held) return { kind: 'stopped', message: '', at: 'clear' };
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

  /** A thrown failure (storage, a bug) must not leave the flow stuck in "checking" or "sending". */
  const steps = useMemo(() => {
    const settled =
      <A extends unknown[]>(step: (...args: A) => Promise<GuardedOutcome>) =>
      async (...args: A): Promise<GuardedOutcome> => {
        try {
          return await step(...args);
        } catch (thrown) {
          setPhase('idle');
          throw thrown;
        }
      };
    return { start: settled(start), confirm: settled(confirm) };
  }, [start, confirm]);

  return { phase, preflight, error, start: steps.start, confirm: steps.confirm, cancel };
}
