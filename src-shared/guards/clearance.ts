// What a person must do before a post may go out, checking their answers, and the single-use grant main
// binds to one content digest. Only main issues and consumes grants; the renderer only collects answers.
import { handleMatches } from './account-rules.ts';
import type { GuardDecision, GuardRecord } from './types.ts';

export type ClearanceItem = {
  decisionId: string;
  guard: GuardDecision['guard'];
  /** `type-handle`: the person types the account's handle; `acknowledge`: an explicit click. */
  kind: 'acknowledge' | 'type-handle';
  message: string;
  handle: string | null;
  accountIds: string[];
};

export type Clearance = {
  /** False while any decision blocks: no confirmation can release the post. */
  publishable: boolean;
  blocked: GuardDecision[];
  required: ClearanceItem[];
  warnings: GuardDecision[];
  /** Protected accounts whose handle must be typed. */
  typeHandleFor: string[];
  /** Decisions to acknowledge with an explicit click. */
  acknowledge: string[];
};

export function clearanceFor(decisions: readonly GuardDecision[]): Clearance {
  const blocked = decisions.filter((d) => d.level === 'block');
  const required: ClearanceItem[] = decisions
    .filter((d) => d.level === 'confirm')
    .map((d) => ({
      decisionId: d.id,
      guard: d.guard,
      kind: d.detail.guard === 'protected-account' ? 'type-handle' : 'acknowledge',
      message: d.message,
      handle: d.detail.guard === 'protected-account' ? d.detail.handle : null,
      accountIds: d.accountIds,
    }));
  return {
    publishable: blocked.length === 0,
    blocked,
    required,
    warnings: decisions.filter((d) => d.level === 'warn'),
    typeHandleFor: required.filter((r) => r.kind === 'type-handle').flatMap((r) => r.accountIds),
    acknowledge: required.filter((r) => r.kind === 'acknowledge').map((r) => r.decisionId),
  };
}

/** The person's answers: handles typed per protected account id, and the decision ids acknowledged. */
export type Confirmations = {
  typedHandles: Readonly<Record<string, string>>;
  acknowledged: readonly string[];
};

export type ClearanceCheck =
  | { ok: true; records: GuardRecord[] }
  | { ok: false; reason: 'blocked' | 'unconfirmed' | 'wrong_handle'; decisionIds: string[] };

/**
 * Checks answers against what `decisions` require and returns the records to store with the post.
 * Extra answers (for decisions that no longer apply) are ignored.
 */
export function checkConfirmations(
  decisions: readonly GuardDecision[],
  answers: Confirmations,
  who: { actor: string; at: string; digest: string },
): ClearanceCheck {
  const clearance = clearanceFor(decisions);
  if (!clearance.publishable)
    return { ok: false, reason: 'blocked', decisionIds: clearance.blocked.map((d) => d.id) };
  const acknowledged = new Set(answers.acknowledged);
  const typedFor = (r: ClearanceItem) => r.accountIds.map((id) => answers.typedHandles[id]);
  const missing = clearance.required
    .filter((r) =>
      r.kind === 'acknowledge' ? !acknowledged.has(r.decisionId) : typedFor(r).some((t) => t === undefined),
    )
    .map((r) => r.decisionId);
  if (missing.length > 0) return { ok: false, reason: 'unconfirmed', decisionIds: missing };
  const wrong = clearance.required
    .filter(
      (r) => r.kind === 'type-handle' && !typedFor(r).every((t) => handleMatches(t ?? '', r.handle ?? '')),
    )
    .map((r) => r.decisionId);
  if (wrong.length > 0) return { ok: false, reason: 'wrong_handle', decisionIds: wrong };
  const records: GuardRecord[] = decisions.map((d) => ({
    decisionId: d.id,
    guard: d.guard,
    level: d.level,
    message: d.message,
    accountIds: d.accountIds,
    outcome: d.level === 'warn' ? 'warned' : d.guard === 'protected-account' ? 'typed' : 'acknowledged',
    confirmedBy: d.level === 'warn' ? null : who.actor,
    confirmedAt: who.at,
    digest: who.digest,
  }));
  return { ok: true, records };
}

/** Issued by main once the confirmations check out; spent by the one publish it was issued for. */
export type ClearanceGrant = {
  /** Random, from main. */
  id: string;
  digest: string;
  accountIds: string[];
  issuedAt: string;
  expiresAt: string;
  usedAt: string | null;
  records: GuardRecord[];
};

export type GrantCheck =
  { ok: true } | { ok: false; reason: 'used' | 'expired' | 'digest_mismatch' | 'accounts_mismatch' };

export function checkGrant(
  grant: ClearanceGrant,
  use: { digest: string; accountIds: readonly string[]; now: number },
): GrantCheck {
  if (grant.usedAt !== null) return { ok: false, reason: 'used' };
  if (use.now >= Date.parse(grant.expiresAt)) return { ok: false, reason: 'expired' };
  if (use.digest !== grant.digest) return { ok: false, reason: 'digest_mismatch' };
  const granted = [...new Set(grant.accountIds)].sort().join('\n');
  const wanted = [...new Set(use.accountIds)].sort().join('\n');
  if (granted !== wanted) return { ok: false, reason: 'accounts_mismatch' };
  return { ok: true };
}
