// What happens on Send: main's guards are asked first (preflight), confirmations are collected when
// they are needed, a single-use clearance is obtained, and the submission goes through the submitter,
// which keeps it in the draft until main confirms the jobs. Offline, the submission is kept and sent later.
// Images go to main first, so the post that is checked, cleared and submitted names main's media ids.
import { useState } from 'react';
import type { Account } from '../../../../src-shared/domain/account.ts';
import type { OutgoingPost } from '../../../../src-shared/compose/post.ts';
import type { GuardDecisionSchema, OutboxJob } from '../../../../src-shared/contract/publishing-contract.ts';
import type { z } from '../../../../src-shared/zod.ts';
import type { RoostClient } from '../../../bridge/client.ts';
import type { DraftsRepository } from '../repositories/drafts-repository.ts';
import type { Preflight } from '../../../publishing/confirm-dialog.tsx';
import { buildPost, campaignOf } from './build-post.ts';
import { allMedia, type DraftContent, type DraftRecord } from './draft.ts';
import { submitterFor, type SubmitOutcome } from './submitter.ts';
import { withUploadedMedia } from './upload-media.ts';
import type { DraftHandle } from './use-draft.ts';

type Decision = z.infer<typeof GuardDecisionSchema>;

export type SendNotice =
  | { readonly kind: 'queued' }
  /** In the outbox: the notice follows these jobs until the network has them (or they fail or are undone). */
  | { readonly kind: 'submitted'; readonly jobs: readonly OutboxJob[] }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'blocked'; readonly decisions: readonly Decision[] };

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

export function useSend(options: {
  client: RoostClient;
  drafts: DraftsRepository;
  draft: DraftHandle;
  accounts: readonly Account[];
  undoSeconds: number;
  online: boolean;
}): SendFlow {
  const { client, drafts, draft, accounts, undoSeconds, online } = options;
  const [phase, setPhase] = useState<SendFlow['phase']>('idle');
  const [preflight, setPreflight] = useState<Preflight | null>(null);
  const [notice, setNotice] = useState<SendNotice | null>(null);
  const [held, setHeld] = useState<Pending | null>(null);
  const submitter = submitterFor(client, drafts);

  async function finish(pending: Pending, clearanceId: string | null): Promise<void> {
    setPhase('sending');
    const outcome: SubmitOutcome = await submitter.submit(pending.record, {
      post: pending.post,
      clearanceId,
      undoSeconds,
      campaign: campaignOf(pending.content),
    });
    setPhase('idle');
    setPreflight(null);
    setHeld(null);
    if (outcome.kind === 'submitted') {
      setNotice({ kind: 'submitted', jobs: outcome.jobs });
      await draft.startNew({ accountIds: pending.content.accountIds });
    } else if (outcome.kind === 'queued') {
      setNotice({ kind: 'queued' });
      await draft.startNew({ accountIds: pending.content.accountIds });
    } else if (outcome.kind === 'failed') {
      setNotice({ kind: 'failed', message: outcome.message });
      await draft.open(pending.record.id);
    }
  }

  async function current(): Promise<Pending | null> {
    const saved = (await draft.flush(true)) ?? (draft.id ? await drafts.get(draft.id) : undefined);
    return saved ? { record: saved, content: saved.content, post: buildPost(saved.content, accounts) } : null;
  }

  /** A storage failure ends the attempt with a message; the draft itself stays where it was. */
  const guarded = (work: () => Promise<void>) => async () => {
    try {
      await work();
    } catch (error) {
      setPhase('idle');
      setNotice({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return {
    phase,
    preflight,
    notice,
    send: guarded(async () => {
      if (phase !== 'idle') return;
      setNotice(null);
      setPhase('checking');
      const drafted = await current();
      if (!drafted) {
        setPhase('idle');
        return;
      }
      if (!online) return finish(drafted, null);
      const uploaded = await withUploadedMedia(client, drafted.post, allMedia(drafted.content));
      // Offline now: the submitter uploads the images itself once the link is back.
      if (uploaded.kind === 'offline') return finish(drafted, null);
      if (uploaded.kind === 'failed') {
        setPhase('idle');
        setNotice({ kind: 'failed', message: uploaded.message });
        return;
      }
      const pending: Pending = { ...drafted, post: uploaded.post };
      const result = await client.call('publish:preflight', { post: pending.post });
      if (!result.ok) {
        if (result.error.code === 'network_unreachable') return finish(pending, null);
        setPhase('idle');
        setNotice({ kind: 'failed', message: result.error.message });
        return;
      }
      const checked = result.value;
      if (checked.blocked) {
        setPhase('idle');
        setNotice({ kind: 'blocked', decisions: checked.decisions.filter((d) => d.level === 'block') });
        return;
      }
      setHeld(pending);
      setPreflight(checked);
      if (
        checked.decisions.length > 0 ||
        checked.typeHandleFor.length > 0 ||
        checked.acknowledge.length > 0
      ) {
        setPhase('confirm');
        return;
      }
      await clearAndFinish(pending, checked, {}, []);
    }),
    confirm: (typedHandles, acknowledged) =>
      guarded(async () => {
        if (!held || !preflight) return;
        await clearAndFinish(held, preflight, typedHandles, acknowledged);
      })(),
    cancel() {
      setPhase('idle');
      setPreflight(null);
      setHeld(null);
    },
  };

  async function clearAndFinish(
    pending: Pending,
    checked: Preflight,
    typedHandles: Record<string, string>,
    acknowledged: string[],
  ): Promise<void> {
    setPhase('sending');
    const typed = Object.fromEntries(checked.typeHandleFor.map((id) => [id, typedHandles[id] ?? '']));
    const cleared = await client.call('publish:clear', {
      post: pending.post,
      digest: checked.digest,
      typedHandles: typed,
      acknowledged,
    });
    if (!cleared.ok) {
      if (cleared.error.code === 'network_unreachable') return finish(pending, null);
      setPhase(checked.typeHandleFor.length > 0 || checked.acknowledge.length > 0 ? 'confirm' : 'idle');
      setNotice({ kind: 'failed', message: cleared.error.message });
      return;
    }
    await finish(pending, cleared.value.clearanceId);
  }
}
