// The guarded send every reply box shares — a deck column's inline reply or quote and the Inbox's reply:
// main's guards first, the confirmation dialog when they ask for one, then the outbox with its undo window,
// and the job followed until the network has it. Callers build the post and say what a submission means to
// them (record a desk reply, close the box); the steps in between live here once.
import { useCallback, useRef } from 'react';
import type { OutgoingPost } from '../../src-shared/compose/post.ts';
import type { OutboxJob } from '../../src-shared/contract/publishing-contract.ts';
import { useRoost, useServices } from '../app-context.tsx';
import { useGuardedFlow, type GuardedFlow, type GuardedOutcome } from './guarded-flow.ts';
import { useJobProgress, type JobProgress } from './job-progress.ts';

export interface ReplySend {
  readonly flow: GuardedFlow;
  readonly tracker: JobProgress;
  /** Checking, confirming, holding in the undo window or sending: the box must not send again. */
  readonly busy: boolean;
  send(post: OutgoingPost): Promise<GuardedOutcome>;
  /** The confirmation dialog's answer; goes on to the outbox when main accepts it. */
  confirm(typedHandles: Record<string, string>, acknowledged: string[]): Promise<GuardedOutcome>;
}

export function useReplySend(options: {
  /** Called once the outbox took the reply, whichever step submitted it. */
  onSubmitted?: (jobs: readonly OutboxJob[]) => void | Promise<void>;
  /** Every change of the followed jobs (held, sent, failed). */
  onJobs?: (jobs: readonly OutboxJob[]) => void;
}): ReplySend {
  const { client } = useServices();
  const undoSeconds = useRoost((s) => s.undoSeconds);
  const flow = useGuardedFlow();
  const tracker = useJobProgress(client, options.onJobs);
  const submitted = useRef(options.onSubmitted);
  submitted.current = options.onSubmitted;
  const progress = tracker.progress?.kind;
  const busy = flow.phase !== 'idle' || progress === 'holding' || progress === 'sending';

  const settle = useCallback(
    async (outcome: GuardedOutcome) => {
      if (outcome.kind === 'submitted') {
        tracker.track(outcome.jobs);
        await submitted.current?.(outcome.jobs);
      }
      return outcome;
    },
    [tracker],
  );

  const send = useCallback(
    async (post: OutgoingPost) =>
      settle(
        await flow.start({
          preflight: () => client.call('publish:preflight', { post }),
          clear: (digest, typedHandles, acknowledged) =>
            client.call('publish:clear', { post, digest, typedHandles, acknowledged }),
          submit: (clearanceId) =>
            client.call('outbox:submit', { draftId: null, post, clearanceId, undoSeconds, campaign: null }),
        }),
      ),
    [client, flow, settle, undoSeconds],
  );

  const confirm = useCallback(
    async (typedHandles: Record<string, string>, acknowledged: string[]) =>
      settle(await flow.confirm(typedHandles, acknowledged)),
    [flow, settle],
  );

  return { flow, tracker, busy, send, confirm };
}
