// The Compose section: one text for one or several accounts, checked live per network, saved locally
// as it is typed, and sent through main's guards.
import { useCallback, useDeferredValue, useEffect, useMemo, useRef } from 'react';
import type { LengthResult } from './model/limits.ts';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../src-shared/domain/account.ts';
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import { useRoost, useServices } from '../../app-context.tsx';
import { SectionHeading } from '../shell/ui/section-heading.tsx';
import { AccountPicker } from './components/account-picker.tsx';
import { FollowUps, PostOptions, SendingPreferences } from './components/compose-options.tsx';
import { ConfirmDialog } from '../../publishing/confirm-dialog.tsx';
import { summariseJobs, useJobProgress } from '../../publishing/job-progress.ts';
import { ProgressLine } from '../../publishing/progress-line.tsx';
import type { OutboxJob } from '../../../src-shared/contract/publishing-contract.ts';
import { CountRing } from './components/count-ring.tsx';
import { DraftList, VersionPicker } from './components/draft-list.tsx';
import { MediaEditor } from './components/media-editor.tsx';
import { PostPreviews } from './components/post-preview.tsx';
import { SchedulePicker } from './components/schedule-picker.tsx';
import { ShortenLinks } from './components/shorten-links.tsx';
import { TextEditor } from './components/text-editor.tsx';
import { useComposeServices } from './compose-services.tsx';
import {
  findProblems,
  finalFollowUps,
  finalText,
  isPostNetwork,
  selectedAccounts,
  type Problem,
} from './model/build-post.ts';
import type { DraftContent, DraftRef, PostNetwork } from './model/draft.ts';
import { measure } from './model/limits.ts';
import { useLimits } from './model/use-capabilities.ts';
import { useDraft } from './model/use-draft.ts';
import { useSend, type SendNotice } from './model/use-send.ts';
import { mentionProblems, useRichText } from './model/use-rich-text.ts';
import { MentionWarnings } from './components/mention-warnings.tsx';
import { TeamBrandPicker } from './team/team-brand-picker.tsx';
import { teamPostText } from './team/team-post.ts';
import { TeamPostProblems, TeamSendReport } from './team/team-send-report.tsx';
import { useTeamCompose } from './team/use-team-compose.ts';

const NO_ACCOUNTS: readonly Account[] = [];

function refOf(item: StreamItem, fromAccountId: string | null): DraftRef | null {
  if (!isPostNetwork(item.network)) return null;
  return {
    ref: {
      network: item.network,
      // Mastodon answers by the status id local to the account's instance, not by the status URI.
      remoteId: item.network === 'mastodon' && item.actionRef ? item.actionRef : item.remoteId,
      cid: item.network === 'bluesky' ? item.actionRef : null,
      sourceAccountId: fromAccountId,
    },
    authorHandle: item.author.handle,
    excerpt: item.text.slice(0, 200),
  };
}

export function ComposeScreen() {
  const { t } = useTranslation();
  const { client } = useServices();
  const { drafts, now } = useComposeServices();
  const allAccounts = useRoost((s) => s.accounts) ?? NO_ACCOUNTS;
  const online = useRoost((s) => s.transport === 'online');
  const undoSeconds = useRoost((s) => s.undoSeconds);
  const requireAltText = useRoost((s) => s.requireAltText);
  const request = useRoost((s) => s.composerRequest);
  const consumeRequest = useRoost((s) => s.consumeComposerRequest);
  const draftRequest = useRoost((s) => s.draftRequest);
  const accounts = useMemo(() => allAccounts.filter((a) => isPostNetwork(a.network)), [allAccounts]);

  const draft = useDraft(drafts);
  const { content, change } = draft;
  const chosen = useMemo(() => selectedAccounts(content, accounts), [content, accounts]);
  const limitsFor = useLimits(client, chosen);
  const send = useSend({ client, drafts, draft, accounts, undoSeconds, online });
  const team = useTeamCompose(client, content);

  // The deck asks for a reply or a quote: it gets a fresh draft, so the current one is kept as it is.
  useEffect(() => {
    if (!request || draft.id === null) return;
    consumeRequest(request.nonce);
    const item = request.replyTo ?? request.quote;
    if (!item) return;
    const ref = refOf(item, request.fromAccountId);
    const accountIds = request.fromAccountId ? [request.fromAccountId] : content.accountIds;
    void draft.startNew({
      accountIds,
      replyTo: request.replyTo ? ref : null,
      quote: request.quote ? ref : null,
    });
  }, [request, draft, consumeRequest, content.accountIds]);

  // Each request is applied once, when it arrives.
  const appliedDraftRequest = useRef(0);
  useEffect(() => {
    if (!draftRequest || draft.id === null || appliedDraftRequest.current === draftRequest.nonce) return;
    appliedDraftRequest.current = draftRequest.nonce;
    if (draftRequest.id !== draft.id) void draft.open(draftRequest.id);
  }, [draftRequest, draft]);

  // Counting, previews and checks follow the text a moment later, so typing never waits for them.
  const deferred = useDeferredValue(content);
  const deferredChosen = useMemo(() => selectedAccounts(deferred, accounts), [deferred, accounts]);
  const lengths = useMemo(() => {
    const map = new Map<string, LengthResult>();
    for (const account of deferredChosen) {
      const text = finalText(deferred, account.network as PostNetwork);
      map.set(account.id, measure(text, limitsFor(account), deferred.contentWarning));
    }
    return map;
  }, [deferred, deferredChosen, limitsFor]);
  const problems = useMemo(
    () =>
      findProblems(
        deferred,
        accounts,
        limitsFor,
        (a) => lengths.get(a.id) ?? measure('', limitsFor(a), null),
        {
          requireAltText,
          now: now(),
        },
      ),
    [deferred, accounts, limitsFor, lengths, requireAltText, now],
  );
  // Bluesky's reading of the post (links, mentions, tags, cashtags), resolved through a chosen Bluesky account.
  const blueskyAccountId = deferredChosen.find((a) => a.network === 'bluesky')?.id ?? null;
  const blueskyTexts = useMemo(
    () =>
      blueskyAccountId === null
        ? []
        : [finalText(deferred, 'bluesky'), ...finalFollowUps(deferred, 'bluesky').map((f) => f.text)],
    [deferred, blueskyAccountId],
  );
  const richText = useRichText(client, blueskyAccountId, blueskyTexts);
  const mentions = useMemo(() => mentionProblems(richText), [richText]);
  const postOptions = useMemo(
    () => ({
      contentWarning: content.contentWarning,
      visibility: content.visibility,
      language: content.language,
      utm: content.utm,
    }),
    [content.contentWarning, content.visibility, content.language, content.utm],
  );
  const { open: openDraft, restore: restoreDraft, flush: flushDraft } = draft;
  const onOpenDraft = useCallback((id: string) => void openDraft(id), [openDraft]);
  const onRestore = useCallback((v: number) => void restoreDraft(v), [restoreDraft]);
  const onBlur = useCallback(() => void flushDraft(true), [flushDraft]);
  const onMedia = useCallback(
    (update: (media: DraftContent['media']) => DraftContent['media']) =>
      change((c) => ({ ...c, media: update(c.media) })),
    [change],
  );
  const onSchedule = useCallback(
    (scheduledAt: string | null) => change((c) => ({ ...c, scheduledAt })),
    [change],
  );
  const networks = useMemo(() => [...new Set(chosen.map((a) => a.network as PostNetwork))], [chosen]);

  const toggleAccount = useCallback(
    (id: string) =>
      change((c) => ({
        ...c,
        accountIds: c.accountIds.includes(id) ? c.accountIds.filter((a) => a !== id) : [...c.accountIds, id],
      })),
    [change],
  );

  // With team brand accounts chosen, the draft needs no account of the member's own.
  const blocking = team.chosen.length > 0 ? problems.filter((p) => p.kind !== 'no-account') : problems;
  const canSend =
    blocking.length === 0 && team.problems.length === 0 && send.phase === 'idle' && !team.send.state.busy;
  // The team server's accounts go first: a guard question there stops everything before any post leaves.
  const afterTeam = async (accepted: boolean) => {
    if (!accepted) return;
    team.clearSelection();
    if (content.accountIds.length > 0) await send.send();
    else await draft.startNew({ accountIds: [] });
  };
  const trySend = () => {
    if (!canSend) return;
    if (team.chosen.length === 0) return void send.send();
    const sent = content;
    void draft
      .flush(true)
      .then(() => team.send.start(team.chosen, (brand) => teamPostText(sent, brand)))
      .then(afterTeam);
  };
  const pendingState = draft.record?.pending?.state;

  return (
    <section className="compose" aria-labelledby="section-heading" data-testid="compose">
      <SectionHeading>{t('compose.title')}</SectionHeading>
      {!online && (
        <p className="compose__offline" role="status" data-testid="compose-offline">
          {t('compose.offline')}
        </p>
      )}
      <p className="hint" data-testid="save-state" data-state={draft.saveState}>
        {draft.saveState === 'error'
          ? t('compose.saveFailed')
          : draft.saveState === 'saved'
            ? t('compose.saved')
            : t('compose.saving')}
      </p>
      <div className="compose__layout">
        <form
          className="compose__editor panel"
          onSubmit={(e) => {
            e.preventDefault();
            trySend();
          }}
        >
          <AccountPicker accounts={accounts} selected={content.accountIds} onToggle={toggleAccount} />
          <TeamBrandPicker
            brands={team.brands}
            selected={team.selected}
            disabledReason={content.replyTo || content.quote ? t('compose.team.referenceHint') : null}
            onToggle={team.toggle}
          />
          {(content.replyTo ?? content.quote) && (
            <div className="compose__ref" data-testid="compose-ref">
              <strong>
                {content.replyTo
                  ? t('compose.replyingTo', { handle: content.replyTo.authorHandle })
                  : t('compose.quoting', { handle: content.quote?.authorHandle })}
              </strong>
              <p className="hint">{(content.replyTo ?? content.quote)?.excerpt}</p>
              <button
                type="button"
                className="link-button"
                onClick={() => change((c) => ({ ...c, replyTo: null, quote: null }))}
              >
                {t('compose.removeRef')}
              </button>
            </div>
          )}
          <TextEditor
            content={content}
            revision={draft.revision}
            networks={networks}
            onChange={change}
            onBlur={onBlur}
            onSubmit={trySend}
          />
          <div className="compose__counts" aria-live="polite">
            {deferredChosen.map((account) => (
              <CountRing
                key={account.id}
                accountId={account.id}
                label={`@${account.handle}`}
                result={lengths.get(account.id) ?? measure('', limitsFor(account), null)}
              />
            ))}
          </div>
          <FollowUps
            followUps={content.followUps}
            media={content.followUpMedia}
            requireAlt={requireAltText}
            onChange={change}
          />
          <PostOptions options={postOptions} onChange={change} hasMastodon={networks.includes('mastodon')} />
          <ShortenLinks content={content} networks={networks} onChange={change} />
          <MediaEditor media={content.media} requireAlt={requireAltText} onChange={onMedia} />
          <SchedulePicker
            client={client}
            accountId={content.accountIds[0] ?? null}
            scheduledAt={content.scheduledAt}
            now={now}
            onChange={onSchedule}
          />
          <SendingPreferences />
          <Problems problems={problems} accounts={accounts} />
          <MentionWarnings noAccount={mentions.noAccount} unchecked={mentions.unchecked} />
          {pendingState === 'needs_confirmation' && (
            <p className="notice-warn">{t('compose.needsConfirmation')}</p>
          )}
          <TeamPostProblems problems={team.problems} />
          <Notice notice={send.notice} />
          <TeamSendReport
            state={team.send.state}
            onConfirm={() => void team.send.confirm().then(afterTeam)}
            onCancel={team.send.cancel}
          />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={!canSend}>
              {send.phase === 'checking'
                ? t('compose.checking')
                : content.scheduledAt
                  ? t('compose.scheduleSend')
                  : t('compose.send')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => void draft.startNew({ accountIds: content.accountIds })}
            >
              {t('compose.newDraft')}
            </button>
          </div>
        </form>
        <aside className="compose__side">
          <PostPreviews content={deferred} accounts={deferredChosen} lengths={lengths} richText={richText} />
          <VersionPicker record={draft.record} onRestore={onRestore} />
          <DraftList drafts={drafts} currentId={draft.id} onOpen={onOpenDraft} />
        </aside>
      </div>
      {send.phase !== 'idle' && send.phase !== 'checking' && send.preflight && (
        <ConfirmDialog
          preflight={send.preflight}
          accounts={accounts}
          busy={send.phase === 'sending'}
          onConfirm={(typed, ack) => void send.confirm(typed, ack)}
          onCancel={send.cancel}
        />
      )}
    </section>
  );
}

function Problems({ problems, accounts }: { problems: readonly Problem[]; accounts: readonly Account[] }) {
  const { t } = useTranslation();
  const visible = problems.filter((p) => p.kind !== 'empty' && p.kind !== 'no-account');
  if (visible.length === 0) return null;
  const handle = (id: string) => `@${accounts.find((a) => a.id === id)?.handle ?? id}`;
  return (
    <ul className="compose__problems" data-testid="compose-problems">
      {visible.map((p, i) => (
        <li key={i}>
          {p.kind === 'too-long'
            ? t('compose.problems.too-long', { account: handle(p.accountId), over: p.over })
            : p.kind === 'too-many-media'
              ? t('compose.problems.too-many-media', { account: handle(p.accountId), max: p.max })
              : p.kind === 'account-unusable'
                ? t('compose.problems.account-unusable', { account: handle(p.accountId) })
                : p.kind === 'missing-alt'
                  ? t('compose.problems.missing-alt', { count: p.count })
                  : t(`compose.problems.${p.kind}`)}
        </li>
      ))}
    </ul>
  );
}

function Notice({ notice }: { notice: SendNotice | null }) {
  const { t } = useTranslation();
  if (!notice) return null;
  if (notice.kind === 'queued')
    return (
      <p className="notice" role="status" data-testid="compose-notice">
        {t('compose.queued')}
      </p>
    );
  if (notice.kind === 'submitted') return <SubmittedNotice jobs={notice.jobs} />;
  if (notice.kind === 'failed')
    return (
      <p className="alert" role="alert">
        {t('compose.failed', { message: notice.message })}
      </p>
    );
  return (
    <div className="alert" role="alert" data-testid="compose-blocked">
      <p>{t('compose.blocked')}</p>
      <ul>
        {notice.decisions.map((d) => (
          <li key={d.id}>{d.message}</li>
        ))}
      </ul>
    </div>
  );
}

/** Follows the submitted jobs: sending in N s, sending, sent to N accounts, failed (with Retry), cancelled. */
function SubmittedNotice({ jobs }: { jobs: readonly OutboxJob[] }) {
  const { client } = useServices();
  const tracker = useJobProgress(client);
  const { track } = tracker;
  useEffect(() => track(jobs), [track, jobs]);
  // The toast offers undo (and brings the text back); here the line only reports.
  return (
    <div className="notice" data-testid="compose-notice">
      <ProgressLine
        progress={{ ...tracker, progress: tracker.progress ?? summariseJobs(jobs) }}
        undoable={false}
      />
    </div>
  );
}
