// The steps of a guarded publication without React: check main's guards (preflight), obtain a clearance,
// submit. The composer's dialog (guarded-flow.ts) drives them with a person at hand; the submitter runs them
// unattended for posts sent later from the queue, stopping wherever a person has to confirm.
import type { ContractError, ErrorCode, Result } from '../../src-shared/contract/errors.ts';
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

export interface GuardedStop {
  readonly kind: 'stopped';
  readonly message: string;
  /** The step that stopped: a failed submission may need the draft reopened, a refused check not. */
  readonly at: 'preflight' | 'clear' | 'submit';
  /** The contract's code when main refused or could not be reached; absent when the guards blocked. */
  readonly code?: ErrorCode;
  /** Set when main's guards blocked the post: the blocking decisions, one per reason. */
  readonly blocked?: readonly GuardDecision[];
}

/** How a step ended: submitted to the outbox, waiting for the person's confirmation, or stopped with a reason. */
export type GuardedOutcome =
  | { readonly kind: 'submitted'; readonly jobs: readonly OutboxJob[] }
  | { readonly kind: 'queued' }
  | { readonly kind: 'confirm' }
  /** `prepare` found nothing to send. */
  | { readonly kind: 'nothing' }
  | GuardedStop;

export type GuardCheck =
  | { readonly kind: 'nothing' }
  /** Main was unreachable and the request queues: submit without a clearance. */
  | { readonly kind: 'unchecked' }
  | { readonly kind: 'checked'; readonly preflight: Preflight }
  | GuardedStop;

export type Clearance = { readonly kind: 'cleared'; readonly clearanceId: string | null } | GuardedStop;

export function needsConfirmation(preflight: Preflight): boolean {
  return (
    preflight.decisions.length > 0 || preflight.typeHandleFor.length > 0 || preflight.acknowledge.length > 0
  );
}

/** Whether the person has something to type or tick: a clearance cannot be had without them. */
export function asksForInput(preflight: Preflight): boolean {
  return preflight.typeHandleFor.length > 0 || preflight.acknowledge.length > 0;
}

const stop = (at: GuardedStop['at'], error: ContractError): GuardedStop => ({
  kind: 'stopped',
  message: error.message,
  at,
  code: error.code,
});

const unreachable = (request: GuardedRequest, result: Result<unknown>): boolean =>
  !result.ok && request.queueWhenUnreachable === true && result.error.code === 'network_unreachable';

export async function checkGuards(request: GuardedRequest): Promise<GuardCheck> {
  if (request.prepare && !(await request.prepare())) return { kind: 'nothing' };
  const checked = await request.preflight();
  if (unreachable(request, checked)) return { kind: 'unchecked' };
  if (!checked.ok) return stop('preflight', checked.error);
  if (checked.value.blocked) {
    const blocked = checked.value.decisions.filter((d) => d.level === 'block');
    return { kind: 'stopped', message: blocked.map((d) => d.message).join('; '), at: 'preflight', blocked };
  }
  return { kind: 'checked', preflight: checked.value };
}

/** Only the handles main asked for are sent; a clearance is asked for only when it is needed or wanted. */
export async function obtainClearance(
  request: GuardedRequest,
  checked: Preflight,
  typed: Record<string, string>,
  acknowledged: string[],
): Promise<Clearance> {
  if (!request.alwaysClear && !asksForInput(checked)) return { kind: 'cleared', clearanceId: null };
  const only = Object.fromEntries(checked.typeHandleFor.map((id) => [id, typed[id] ?? '']));
  const cleared = await request.clear(checked.digest, only, acknowledged);
  if (unreachable(request, cleared)) return { kind: 'cleared', clearanceId: null };
  if (!cleared.ok) return stop('clear', cleared.error);
  return { kind: 'cleared', clearanceId: cleared.value.clearanceId };
}

export async function submitCleared(
  request: GuardedRequest,
  clearanceId: string | null,
): Promise<GuardedOutcome> {
  const submitted = await request.submit(clearanceId);
  if (!submitted.ok) return stop('submit', submitted.error);
  return 'jobs' in submitted.value ? { kind: 'submitted', jobs: submitted.value.jobs } : { kind: 'queued' };
}

/**
 * The whole flow with nobody at hand: it stops at `confirm` when the person would have something to type or
 * tick. A warning alone does not stop it: there is nothing to type or tick, and no one to show it to.
 */
export async function runUnattended(request: GuardedRequest): Promise<GuardedOutcome> {
  const checked = await checkGuards(request);
  if (checked.kind === 'nothing' || checked.kind === 'stopped') return checked;
  if (checked.kind === 'unchecked') return submitCleared(request, null);
  if (asksForInput(checked.preflight)) return { kind: 'confirm' };
  const cleared = await obtainClearance(request, checked.preflight, {}, []);
  if (cleared.kind === 'stopped') return cleared;
  return submitCleared(request, cleared.clearanceId);
}
