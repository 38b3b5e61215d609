// Turns the team server's answers and failures into the contract's RoostErrors, so Settings → Team explains
// them like any other error. Messages never carry a token or a key.
import { RoostError } from '../../src-shared/contract/errors.ts';
import type { TeamError, TeamResult } from '../../src-shared/team/team-contract.ts';
import { DeviceKeyUnavailableError } from './device-key-store.ts';

export function teamError(error: TeamError): RoostError {
  switch (error.code) {
    case 'unauthenticated':
      return new RoostError('auth_failed', 'The team server does not accept this desktop any more.');
    case 'forbidden':
      return new RoostError('forbidden', 'Your role in the team does not allow this.');
    case 'not_found':
      return new RoostError('not_found', 'The team server has no such record.');
    case 'invitation_invalid':
      return new RoostError('invalid_input', 'This invitation was already used, revoked or has expired.', [
        { path: 'link', message: 'invitation_invalid' },
      ]);
    // The record moved on since it was shown: the screen reloads it and asks again.
    case 'conflict':
      return new RoostError('invalid_input', 'Someone changed this record since it was shown.', [
        { path: 'version', message: 'conflict' },
      ]);
    case 'invalid_input':
      return new RoostError('invalid_input', error.message, error.issues);
    // The server's guards refused the post or want a confirmation: its message names the guard and decision.
    case 'guard_refused':
      return new RoostError(
        'invalid_input',
        error.message,
        error.issues ?? [{ path: 'guard', message: 'refused' }],
      );
    case 'approval_required':
      return new RoostError('forbidden', error.message, [{ path: 'approval', message: 'approval_required' }]);
    case 'brand_unreachable':
      return new RoostError('network_unreachable', error.message);
    default:
      return new RoostError('server_error', `The team server could not do this (${error.code}).`);
  }
}

export function unwrap<T>(result: TeamResult<T>): T {
  if (!result.ok) throw teamError(result.error);
  return result.value;
}

/** Exceptions from fetch, the keychain or a bad answer, as contract errors; anything else stays a bug. */
export function teamException(error: unknown): unknown {
  if (error instanceof RoostError) return error;
  if (error instanceof DeviceKeyUnavailableError)
    return new RoostError('keychain_unavailable', error.message);
  if (error instanceof TypeError && /fetch failed/i.test(error.message))
    return new RoostError('network_unreachable', 'The team server cannot be reached.');
  if (error instanceof SyntaxError)
    return new RoostError('server_error', 'The team server answered something that is not Roost’s API.');
  return error;
}
