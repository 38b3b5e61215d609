// Gets a draft's submission to main exactly once. The submission is written into the draft before any
// call, marked `submitting` before outbox:submit, and an interrupted attempt (reload, dropped link) is
// first checked against main's outbox, so a post is neither lost nor created twice. Images still named by
// the draft's own ids (a submission queued offline) are uploaded to main before the post is checked.
import type { RoostClient } from '../../../bridge/client.ts';
import type { OutgoingPost } from '../../../../src-shared/compose/post.ts';
import type { OutboxJob } from '../../../../src-shared/contract/publishing-contract.ts';
import type { DraftsRepository } from '../repositories/drafts-repository.ts';
import { allMedia, type DraftRecord, type PendingSubmission } from './draft.ts';
import { withUploadedMedia } from './upload-media.ts';
import {
  runUnattended,
  submitCleared,
  type GuardedOutcome,
  type GuardedRequest,
} from '../../../publishing/guarded-steps.ts';

export interface SubmitRequest {
  readonly post: OutgoingPost;
  readonly clearanceId: string | null;
  readonly undoSeconds: number;
  readonly campaign: string | null;
}

export type SubmitOutcome =
  | { readonly kind: 'submitted'; readonly jobs: readonly OutboxJob[] }
  | { readonly kind: 'queued' }
  | { readonly kind: 'needs_confirmation' }
  | { readonly kind: 'failed'; readonly message: string };

export interface SubmitterEvents {
  readonly onSubmitted?: (draftId: string, jobs: readonly OutboxJob[]) => void;
  readonly onNeedsConfirmation?: (draftId: string) => void;
}

export interface Submitter {
  submit(draft: DraftRecord, request: SubmitRequest): Promise<SubmitOutcome>;
  /** Sends every kept submission whose link to main is back. */
  flush(): Promise<void>;
  /** Flushes now and whenever the link comes back online; returns a stop function. */
  start(events: SubmitterEvents): () => void;
}

const LOCK_NAME = 'roost-pending-submissions';

export function createSubmitter(
  client: RoostClient,
  drafts: DraftsRepository,
  now: () => number = Date.now,
): Submitter {
  let events: SubmitterEvents = {};
  let chain: Promise<unknown> = Promise.resolve();
  const iso = () => new Date(now()).toISOString();

  /** One attempt at a time in this window, and across windows when the Web Locks API exists. */
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const locked = () =>
      typeof navigator !== 'undefined' && navigator.locks
        ? (navigator.locks.request(LOCK_NAME, work) as Promise<T>)
        : work();
    const next = chain.then(locked, locked);
    chain = next.catch(() => undefined);
    return next;
  }

  async function update(id: string, patch: Partial<PendingSubmission>, status?: DraftRecord['status']) {
    const current = await drafts.get(id);
    if (!current?.pending) return undefined;
    return drafts.setPending(id, { ...current.pending, ...patch }, status);
  }

  async function delivered(draftId: string, jobs: readonly OutboxJob[]): Promise<SubmitOutcome> {
    await drafts.markSent(
      draftId,
      jobs.map((j) => j.id),
    );
    events.onSubmitted?.(draftId, jobs);
    return { kind: 'submitted', jobs };
  }

  /** Jobs main already made from this draft (an earlier attempt whose answer never arrived). */
  async function alreadyCreated(draftId: string): Promise<readonly OutboxJob[] | null> {
    const listed = await client.call('outbox:list', {});
    if (!listed.ok) return null;
    return listed.value.filter((j) => j.draftId === draftId && j.state !== 'cancelled');
  }

  /** Where a send stopped, in the draft's words: kept for later, waiting for the person, or failed. */
  async function settled(draftId: string, outcome: GuardedOutcome): Promise<SubmitOutcome> {
    if (outcome.kind === 'submitted') return delivered(draftId, outcome.jobs);
    if (outcome.kind === 'queued' || outcome.kind === 'nothing') return { kind: 'queued' };
    // The guards blocked the post or want the person to type or tick something: the draft goes back to them.
    if (outcome.kind === 'confirm' || outcome.blocked) {
      await update(draftId, { state: 'needs_confirmation', clearanceId: null }, 'open');
      events.onNeedsConfirmation?.(draftId);
      return { kind: 'needs_confirmation' };
    }
    // A dropped link leaves the outcome unknown: the draft stays as it is and is checked on reconnect.
    if (outcome.code === 'network_unreachable') return { kind: 'queued' };
    const message = outcome.at === 'submit' ? outcome.message : '';
    await update(draftId, { state: 'failed', error: outcome.at === 'submit' ? message : null }, 'open');
    return { kind: 'failed', message };
  }

  /** Main's guards, asked on the shared guarded flow; a clearance already at hand goes straight to submit. */
  function guardedRequest(draftId: string, pending: PendingSubmission, post: OutgoingPost): GuardedRequest {
    return {
      alwaysClear: true,
      preflight: () => client.call('publish:preflight', { post }),
      clear: (digest, typedHandles, acknowledged) =>
        client.call('publish:clear', { post, digest, typedHandles, acknowledged }),
      async submit(clearanceId) {
        // Written before the call: if the page dies now, the next start asks main before trying again.
        await update(draftId, {
          state: 'submitting',
          attemptStartedAt: iso(),
          attempts: pending.attempts + 1,
          clearanceId: null,
        });
        return client.call('outbox:submit', {
          draftId,
          post,
          clearanceId,
          undoSeconds: pending.undoSeconds,
          campaign: pending.campaign,
        });
      },
    };
  }

  async function attempt(draftId: string): Promise<SubmitOutcome> {
    const draft = await drafts.get(draftId);
    const pending = draft?.pending;
    if (!draft || !pending || draft.status === 'sent') return { kind: 'queued' };
    if (pending.state === 'needs_confirmation') return { kind: 'needs_confirmation' };
    if (pending.state === 'failed') return { kind: 'failed', message: pending.error ?? '' };
    if (client.state() !== 'online') return { kind: 'queued' };

    if (pending.state === 'submitting') {
      const existing = await alreadyCreated(draftId);
      if (existing === null) return { kind: 'queued' };
      if (existing.length > 0) return delivered(draftId, existing);
    }

    let post = pending.post;
    const media = await withUploadedMedia(client, post, allMedia(draft.content));
    if (media.kind === 'offline') return { kind: 'queued' };
    if (media.kind === 'failed') {
      await update(draftId, { state: 'failed', error: media.message }, 'open');
      return { kind: 'failed', message: media.message };
    }
    if (media.post !== post) {
      post = media.post;
      await update(draftId, { post });
    }

    const request = guardedRequest(draftId, pending, post);
    // The person's clearance travels with the submission; without it (queued offline) the guards are asked again.
    const outcome =
      pending.clearanceId === null
        ? await runUnattended(request)
        : await submitCleared(request, pending.clearanceId);
    return settled(draftId, outcome);
  }

  async function flush(): Promise<void> {
    if (client.state() !== 'online') return;
    for (const draft of await drafts.withPending()) {
      const state = draft.pending?.state;
      if (state !== 'queued' && state !== 'submitting') continue;
      await exclusive(() => attempt(draft.id));
    }
  }

  return {
    async submit(draft, request) {
      const pending: PendingSubmission = {
        key: `${draft.id}:${draft.version}`,
        state: 'queued',
        queuedAt: iso(),
        attemptStartedAt: null,
        attempts: 0,
        clearanceId: request.clearanceId,
        post: request.post,
        undoSeconds: request.undoSeconds,
        campaign: request.campaign,
        error: null,
      };
      await drafts.setPending(draft.id, pending, 'queued');
      return exclusive(() => attempt(draft.id));
    },
    flush: () => flush().catch(() => undefined),
    start(next) {
      events = next;
      void flush().catch(() => undefined);
      const stop = client.onState((state) => {
        if (state === 'online') void flush().catch(() => undefined);
      });
      return () => {
        stop();
        events = {};
      };
    },
  };
}

const submitters = new WeakMap<RoostClient, WeakMap<DraftsRepository, Submitter>>();

/** One submitter per client and repository, shared by the composer and the background flusher. */
export function submitterFor(client: RoostClient, drafts: DraftsRepository): Submitter {
  let byDrafts = submitters.get(client);
  if (!byDrafts) submitters.set(client, (byDrafts = new WeakMap()));
  let submitter = byDrafts.get(drafts);
  if (!submitter) byDrafts.set(drafts, (submitter = createSubmitter(client, drafts)));
  return submitter;
}
