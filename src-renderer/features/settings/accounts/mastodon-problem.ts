// What can go wrong while signing in to Mastodon, and which translated message and field each case maps to.
import { isErrorCode, type ContractError, type ErrorCode } from '../../../../src-shared/contract/errors.ts';

export type SignInProblem =
  | { readonly kind: 'contract'; readonly error: ContractError }
  /** The server answered with an authorize address that is not a web page; it is never opened. */
  | { readonly kind: 'unsafe_url' };

export type MastodonField = 'instance' | 'code';

/** Codes whose generic text speaks of app passwords or list items, which would mislead here. */
const OWN_MESSAGES: readonly ErrorCode[] = ['auth_failed', 'not_found', 'forbidden'];

export function problemCode(problem: SignInProblem): string {
  return problem.kind === 'contract' ? problem.error.code : problem.kind;
}

export function problemMessageKey(problem: SignInProblem): string {
  if (problem.kind === 'unsafe_url') return 'accounts.mastodon.unsafeUrl';
  const { code } = problem.error;
  return OWN_MESSAGES.includes(code) ? `accounts.mastodon.errors.${code}` : `errors.${code}`;
}

export function problemFields(problem: SignInProblem | null): ReadonlySet<MastodonField> {
  const fields = new Set<MastodonField>();
  if (problem?.kind !== 'contract' || problem.error.code !== 'invalid_input') return fields;
  for (const issue of problem.error.issues ?? []) {
    const field = issue.path.split('.')[0];
    if (field === 'instance' || field === 'code') fields.add(field);
  }
  return fields;
}

/** The loopback event carries its code as a plain string; anything unknown is reported as internal. */
export function problemFromEvent(errorCode: string | null): SignInProblem {
  const code: ErrorCode = isErrorCode(errorCode) ? errorCode : 'internal';
  return { kind: 'contract', error: { code, message: 'The sign-in did not finish.' } };
}
