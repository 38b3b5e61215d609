// The renderer's half of every guarded publication — a post from the composer, an inline reply or quote, a
// repost, unrepost or delete: ask main's guards (preflight), collect the confirmations they require in the
// confirmation dialog, obtain a single-use clearance, then submit to the outbox. Main checks all of it again.
// The steps themselves live in guarded-steps.ts, shared with the submitter's unattended sends.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Preflight } from './confirm-dialog.tsx';
import {
  asksForInput,
  checkGuards,
  needsConfirmation,
  obtainClearance,
  submitCleared,
  type GuardedOutcome,
  type GuardedRequest,
} from './guarded-steps.ts';

export {
  needsConfirmation,
  type GuardDecision,
  type GuardedOutcome,
  type GuardedRequest,
  type Submitted,
} from './guarded-steps.ts';

export type GuardedPhase = 'idle' | 'checking' | 'confirm' | 'sending';

export interface GuardedFlow {
  readonly phase: GuardedPhase;
  readonly preflight: Preflight | null;
  /** The last refusal or failure, in the words main used. */
  readonly error: string | null;
  start(request: GuardedRequest): Promise<GuardedOutcome>;
  confirm(typedHandles: Record<string, string>, acknowledged: string[]): Promise<GuardedOutcome>;
  cancel(): void;
}

export function useGuardedFlow(): GuardedFlow {
  const [phase, setPhase] = useState<GuardedPhase>('idle');
  const [preflight, setPreflight] = useState<Preflight | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<{ request: GuardedRequest; preflight: Preflight } | null>(null);

  const submit = useCallback(
    async (request: GuardedRequest, clearanceId: string | null): Promise<GuardedOutcome> => {
      setPhase('sending');
      const outcome = await submitCleared(request, clearanceId);
      pending.current = null;
      setPreflight(null);
      setPhase('idle');
      if (outcome.kind === 'stopped') setError(outcome.message);
      return outcome;
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
      const cleared = await obtainClearance(request, checked, typed, acknowledged);
      if (cleared.kind === 'stopped') {
        // A refused clearance leaves the dialog open only when the person had something to type or tick.
        setPhase(asksForInput(checked) ? 'confirm' : 'idle');
        setError(cleared.message);
        return cleared;
      }
      return submit(request, cleared.clearanceId);
    },
    [submit],
  );

  const start = useCallback(
    async (request: GuardedRequest): Promise<GuardedOutcome> => {
      setError(null);
      setPhase('checking');
      const checked = await checkGuards(request);
      if (checked.kind === 'unchecked') return submit(request, null);
      if (checked.kind !== 'checked') {
        setPhase('idle');
        if (checked.kind === 'stopped') setError(checked.message);
        return checked;
      }
      // A post that is always cleared keeps its check at hand while the clearance is asked for.
      if (request.alwaysClear || needsConfirmation(checked.preflight)) {
        pending.current = { request, preflight: checked.preflight };
        setPreflight(checked.preflight);
      }
      if (needsConfirmation(checked.preflight)) {
        setPhase('confirm');
        return { kind: 'confirm' };
      }
      return finish(request, checked.preflight, {}, []);
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
