// What happens on Send, on the shared guarded flow: main's guards are asked first (preflight), confirmations
// are collected when they are needed, a single-use clearance is always obtained, and the submission goes
// through the submitter, which keeps it in the draft until main confirms the jobs. Offline, the submission is
// kept and sent later. Images go to main first, so the post that is checked, cleared and submitted names
// main's media ids.
import { useState } from 'react';
import type { Account } from '../../../../src-shared/domain/account.ts';
import type { OutgoingPost } from '../../../../src-shared/compose/post.ts';
import type { OutboxJob } from '../../../../src-shared/contract/publishing-contract.ts';
import type { RoostClient } from '../../../bridge/client.ts';
import type { DraftsRepository } from '../repositories/drafts-repository.ts';
import type { Preflight } from '../../../publishing/confirm-dialog.tsx';
import {
  useGuardedFlow,
  type GuardDecision,
  type GuardedOutcome,
  type GuardedRequest,
} from '../../../publishing/guarded-flow.ts';
import { buildPost, campaignOf } from './build-post.ts';
import { allMedia, type DraftContent, type DraftRecord } from './draft.ts';
import { submitterFor, type SubmitOutcome } from './submitter.ts';
import { withUploadedMedia } from './upload-media.ts';
import type { DraftHandle } from './use-draft.ts';

export type SendNotice =
  | { readonly kind: 'queued' }
  /** In the outbox: the notice follows these jobs until the network has them (or they fail or are undone). */
  | { readonly kind: 'submitted'; readonly jobs: readonly OutboxJob[] }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'blocked'; readonly decisions: readonly GuardDecision[] };

export interface SendFlow {
  readonly phase: 'idle' | 'checking' | 'confirm' | 'sending';
  readonly preflight: Preflight | null;
  readonly notice: SendNotice | null;
  send(): Promise<void>;
  confirm(typedHandles: Record<string, string>, acknowledged: string[]): Promise<void>;
  cancel(): void;
}

interface Pending {
  readonly record: DraftRecord;
  readonly content: DraftContent;
  /** What is checked and submitted: the draft's post, with main's media ids once the images are uploaded. */
  readonly post: OutgoingPost;
}

/** The draft being sent, and what the submitter last answered (a failure reopens the draft, a refusal not). */
interface Attempt {
  pending: Pending | null;
  submitted: SubmitOutcome | null;
}

export function useSend(options: {
  client: RoostClient;
  drafts: DraftsRepository;
  draft: DraftHandle;
  accounts: readonly Account[];
  undoSeconds: number;
  online: boolean;
}): SendFlow {
  const { client, drafts, draft, accounts, undoSeconds, online } = options;
  const flow = useGuardedFlow();
  const [notice, setNotice] = useState<SendNotice | null>(null);
  // The attempt in progress, so that confirming submits the draft its preflight checked.
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const submitter = submitterFor(client, drafts);

  async function current(): Promise<Pending | null> {
    const saved = (await draft.flush(true)) ?? (draft.id ? await drafts.get(draft.id) : undefined);
    return saved ? { record: saved, content: saved.content, post: buildPost(saved.content, accounts) } : null;
  }

  function requestFor(attempt: Attempt): GuardedRequest {
    const sending = (): Pending => {
      if (!attempt.pending) throw new Error('Nothing to send.');
      return attempt.pending;
    };
    return {
      alwaysClear: true,
      queueWhenUnreachable: true,
      async prepare() {
        attempt.pending = await current();
        return attempt.pending !== null;
      },
      async preflight() {
        const drafted = sending();
        const unreachable = { code: 'network_unreachable', message: 'Offline.' } as const;
        if (!online) return { ok: false, error: unreachable };
        const uploaded = await withUploadedMedia(client, drafted.post, allMedia(drafted.content));
        // Offline now: the submitter uploads the images itself once the link is back.
        if (uploaded.kind === 'offline') return { ok: false, error: unreachable };
        if (uploaded.kind === 'failed') {
          return { ok: false, error: { code: 'invalid_input', message: uploaded.message } };
        }
        attempt.pending = { ...drafted, post: uploaded.post };
        return client.call('publish:preflight', { post: uploaded.post });
      },
      clear: (digest, typedHandles, acknowledged) =>
        client.call('publish:clear', { post: sending().post, digest, typedHandles, acknowledged }),
      async submit(clearanceId) {
        const pending = sending();
        const outcome = await submitter.submit(pending.record, {
          post: pending.post,
          clearanceId,
          undoSeconds,
          campaign: campaignOf(pending.content),
        });
        attempt.submitted = outcome;
        if (outcome.kind === 'submitted') return { ok: true, value: { jobs: outcome.jobs } };
        if (outcome.kind === 'queued') return { ok: true, value: { queued: true } };
        const message = outcome.kind === 'failed' ? outcome.message : '';
        return { ok: false, error: { code: 'internal', message } };
      },
    };
  }

  async function settle(outcome: GuardedOutcome, of: Attempt): Promise<void> {
    const pending = of.pending;
    if (outcome.kind === 'submitted' && pending) {
      setNotice({ kind: 'submitted', jobs: outcome.jobs });
      await draft.startNew({ accountIds: pending.content.accountIds });
    } else if (outcome.kind === 'queued' && pending) {
      setNotice({ kind: 'queued' });
      await draft.startNew({ accountIds: pending.content.accountIds });
    } else if (outcome.kind === 'stopped' && outcome.blocked) {
      setNotice({ kind: 'blocked', decisions: outcome.blocked });
    } else if (outcome.kind === 'stopped' && outcome.at !== 'submit') {
      setNotice({ kind: 'failed', message: outcome.message });
    } else if (outcome.kind === 'stopped' && of.submitted?.kind === 'failed' && pending) {
      setNotice({ kind: 'failed', message: of.submitted.message });
      await draft.open(pending.record.id);
    }
  }

  /** A storage failure ends the attempt with a message; the draft itself stays where it was. */
  const guarded = (work: () => Promise<void>) => async () => {
    try {
      await work();
    } catch (error) {
      setNotice({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return {
    phase: flow.phase,
    preflight: flow.preflight,
    notice,
    send: guarded(async () => {
      if (flow.phase !== 'idle') return;
      setNotice(null);
      const started: Attempt = { pending: null, submitted: null };
      setAttempt(started);
      await settle(await flow.start(requestFor(started)), started);
    }),
    confirm: (typedHandles, acknowledged) =>
      guarded(async () => {
        if (!attempt || !flow.preflight) return;
        await settle(await flow.confirm(typedHandles, acknowledged), attempt);
      })(),
    cancel: flow.cancel,
  };
}
