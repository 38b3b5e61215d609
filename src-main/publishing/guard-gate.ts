// Guards enforced in main: every check evaluates the post afresh against main's own facts (account registry,
// the outbox's recent posts, block list, settings), so a renderer that skips or fakes the dialog gains nothing.
import { RoostError } from '../../src-shared/contract/errors.ts';
import type { ContentAction } from '../../src-shared/compose/content-action.ts';
import type { OutgoingPost } from '../../src-shared/compose/post.ts';
import { evaluateActionGuards } from '../../src-shared/guards/action-guards.ts';
import type { Account } from '../../src-shared/domain/account.ts';
import type { BlockList } from '../../src-shared/guards/block-list.ts';
import { checkConfirmations, clearanceFor } from '../../src-shared/guards/clearance.ts';
import { computeActionDigest, computeContentDigest } from '../../src-shared/guards/digest.ts';
import { DEFAULT_DUPLICATE_WINDOW_MS } from '../../src-shared/guards/duplicate-rule.ts';
import { evaluateGuards } from '../../src-shared/guards/evaluate.ts';
import type { GuardContext, GuardDecision, GuardRecord, RecentPost } from '../../src-shared/guards/types.ts';
import type { ClearanceBook } from './clearances.ts';
import { quietHoursFor, type PublishingSettings } from './publishing-settings.ts';

export interface GuardGateDeps {
  readonly accounts: () => readonly Account[];
  readonly recentPosts: (accountIds: readonly string[], sinceMs: number) => readonly RecentPost[];
  readonly settings: () => PublishingSettings;
  readonly blockList: () => BlockList;
  readonly clearances: ClearanceBook;
  readonly now: () => number;
  /** Who confirms, recorded with the post. */
  readonly actor: string;
}

export interface Preflight {
  readonly digest: string;
  readonly decisions: GuardDecision[];
  readonly typeHandleFor: string[];
  readonly acknowledge: string[];
  readonly blocked: boolean;
}

export interface ClearInput {
  readonly post: OutgoingPost;
  readonly digest: string;
  readonly typedHandles: Readonly<Record<string, string>>;
  readonly acknowledged: readonly string[];
}

export interface ActionClearInput {
  readonly action: ContentAction;
  readonly digest: string;
  readonly typedHandles: Readonly<Record<string, string>>;
  readonly acknowledged: readonly string[];
}

export interface GuardGate {
  preflight(post: OutgoingPost): Preflight;
  clear(input: ClearInput): { clearanceId: string; expiresAt: string };
  /** Refuses with 'forbidden' unless the post may go out now; returns the records to keep with its jobs. */
  authorise(post: OutgoingPost, clearanceId: string | null): { digest: string; records: GuardRecord[] };
  /** The same three steps for a repost, unrepost or delete. */
  preflightAction(action: ContentAction): Preflight;
  clearAction(input: ActionClearInput): { clearanceId: string; expiresAt: string };
  authoriseAction(
    action: ContentAction,
    clearanceId: string | null,
  ): { digest: string; records: GuardRecord[] };
}

/** What a clearance is about: a post or an action, reduced to what the gate needs. */
interface Subject {
  readonly digest: string;
  readonly accountIds: readonly string[];
  readonly noun: string;
  decide(now: number): GuardDecision[];
}

export function createGuardGate(deps: GuardGateDeps): GuardGate {
  const context = (accountIds: readonly string[], now: number): GuardContext => {
    const settings = deps.settings();
    return {
      now,
      accounts: deps.accounts().map((a) => ({
        id: a.id,
        network: a.network,
        handle: a.handle,
        protected: a.protected,
        quietHours: quietHoursFor(settings, a.id),
      })),
      orgDomains: settings.orgDomains,
      blockList: deps.blockList(),
      blockedTerms: settings.blockedTerms,
      recentPosts: deps.recentPosts(accountIds, now - 2 * DEFAULT_DUPLICATE_WINDOW_MS),
      levels: settings.levels,
    };
  };

  const postSubject = (post: OutgoingPost): Subject => {
    const accountIds = post.targets.map((t) => t.accountId);
    return {
      digest: computeContentDigest(post),
      accountIds,
      noun: 'post',
      decide: (now) => evaluateGuards(post, context(accountIds, now)),
    };
  };

  const actionSubject = (action: ContentAction): Subject => ({
    digest: computeActionDigest(action),
    accountIds: [action.accountId],
    noun: action.kind === 'delete' ? 'deletion' : action.kind,
    decide: (now) => evaluateActionGuards(action, context([action.accountId], now)),
  });

  const refuseBlocked = (subject: Subject, decisions: readonly GuardDecision[]): void => {
    const blocked = decisions.filter((d) => d.level === 'block');
    if (blocked.length > 0) {
      throw new RoostError(
        'forbidden',
        `This ${subject.noun} cannot be published: ${blocked.map((d) => d.message).join('; ')}`,
      );
    }
  };

  const preflight = (subject: Subject): Preflight => {
    const decisions = subject.decide(deps.now());
    const clearance = clearanceFor(decisions);
    return {
      digest: subject.digest,
      decisions,
      typeHandleFor: clearance.required.filter((r) => r.kind === 'type-handle').flatMap((r) => r.accountIds),
      acknowledge: clearance.required.filter((r) => r.kind === 'acknowledge').map((r) => r.decisionId),
      blocked: !clearance.publishable,
    };
  };

  const clear = (
    subject: Subject,
    input: {
      digest: string;
      typedHandles: Readonly<Record<string, string>>;
      acknowledged: readonly string[];
    },
  ) => {
    const now = deps.now();
    if (input.digest !== subject.digest) {
      throw new RoostError(
        'forbidden',
        `The ${subject.noun} changed after it was checked; check it again before confirming.`,
      );
    }
    const decisions = subject.decide(now);
    refuseBlocked(subject, decisions);
    const check = checkConfirmations(
      decisions,
      { typedHandles: input.typedHandles, acknowledged: input.acknowledged },
      { actor: deps.actor, at: new Date(now).toISOString(), digest: subject.digest },
    );
    if (!check.ok) {
      const why =
        check.reason === 'wrong_handle'
          ? 'the typed handle does not match the account'
          : check.reason === 'unconfirmed'
            ? 'not every confirmation was given'
            : `a guard blocks this ${subject.noun}`;
      throw new RoostError('forbidden', `Not cleared: ${why} (${check.decisionIds.join(', ')}).`);
    }
    const grant = deps.clearances.issue({
      digest: subject.digest,
      accountIds: subject.accountIds,
      records: check.records,
      nowMs: now,
      ttlMs: deps.settings().clearanceMinutes * 60 * 1000,
    });
    return { clearanceId: grant.id, expiresAt: grant.expiresAt };
  };

  const authorise = (subject: Subject, clearanceId: string | null) => {
    const now = deps.now();
    const { digest } = subject;
    const decisions = subject.decide(now);
    refuseBlocked(subject, decisions);
    const required = clearanceFor(decisions).required;
    const warned = (d: GuardDecision): GuardRecord => ({
      decisionId: d.id,
      guard: d.guard,
      level: d.level,
      message: d.message,
      accountIds: d.accountIds,
      outcome: 'warned',
      confirmedBy: null,
      confirmedAt: new Date(now).toISOString(),
      digest,
    });
    if (required.length === 0) return { digest, records: decisions.map(warned) };
    if (!clearanceId) {
      throw new RoostError(
        'forbidden',
        `This ${subject.noun} needs confirmation before it can be published.`,
      );
    }
    const spent = deps.clearances.spend(clearanceId, { digest, accountIds: subject.accountIds, nowMs: now });
    if (!spent.ok || !spent.grant) {
      const reason = spent.ok ? 'unknown' : spent.reason;
      throw new RoostError(
        'forbidden',
        `The confirmation is not valid for this ${subject.noun} (${reason}); confirm again.`,
      );
    }
    // Something may need confirming that did not when the grant was issued (e.g. quiet hours began).
    const confirmed = new Set(
      spent.grant.records.filter((r) => r.outcome !== 'warned').map((r) => r.decisionId),
    );
    const missing = required.filter((r) => !confirmed.has(r.decisionId));
    if (missing.length > 0) {
      throw new RoostError(
        'forbidden',
        `New confirmations are needed: ${missing.map((m) => m.message).join('; ')}`,
      );
    }
    const known = new Set(spent.grant.records.map((r) => r.decisionId));
    return {
      digest,
      records: [...spent.grant.records, ...decisions.filter((d) => !known.has(d.id)).map(warned)],
    };
  };

  return {
    preflight: (post) => preflight(postSubject(post)),
    clear: (input) => clear(postSubject(input.post), input),
    authorise: (post, clearanceId) => authorise(postSubject(post), clearanceId),
    preflightAction: (action) => preflight(actionSubject(action)),
    clearAction: (input) => clear(actionSubject(input.action), input),
    authoriseAction: (action, clearanceId) => authorise(actionSubject(action), clearanceId),
  };
}
