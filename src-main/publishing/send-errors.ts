// Which publish failures are worth retrying. Transient ones back off (honouring the server's retry-after);
// permanent ones stop and wait for the person, with the server's message, because retrying cannot help.
import { RoostError } from '../../src-shared/contract/errors.ts';
import { backoffDelay, retryAfterOf } from '../runtime/backoff.ts';
import type { Random } from '../runtime/timing.ts';

export type FailureKind = 'transient' | 'permanent';

const PERMANENT = new Set([
  'auth_failed',
  'invalid_input',
  'forbidden',
  'not_found',
  'already_exists',
  'unknown_method',
]);

export interface SendFailure {
  readonly kind: FailureKind;
  readonly code: string;
  readonly message: string;
  readonly retryAfterMs: number | null;
}

export function classifyFailure(error: unknown): SendFailure {
  if (error instanceof RoostError) {
    return {
      kind: PERMANENT.has(error.code) ? 'permanent' : 'transient',
      code: error.code,
      message: error.message.slice(0, 2_000),
      retryAfterMs: retryAfterOf(error),
    };
  }
  // Anything unforeseen (a bug, a broken answer) is retried a bounded number of times, then reported.
  const message = error instanceof Error ? error.message : 'Unknown error while publishing.';
  return { kind: 'transient', code: 'internal', message: message.slice(0, 2_000), retryAfterMs: null };
}

export interface RetryPolicy {
  readonly baseMs: number;
  readonly capMs: number;
  /** Attempts before a job that keeps failing transiently is marked failed. */
  readonly maxAttempts: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 2_000, capMs: 5 * 60 * 1000, maxAttempts: 8 };

/** Delay before the next attempt: the server's retry-after when it gave one, else capped exponential backoff. */
export function retryDelay(
  failure: SendFailure,
  attempts: number,
  policy: RetryPolicy,
  random: Random,
): number {
  const backoff = backoffDelay(attempts, policy.baseMs, policy.capMs, random);
  return failure.retryAfterMs !== null ? Math.max(failure.retryAfterMs, policy.baseMs / 2) : backoff;
}
