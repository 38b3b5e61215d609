// Maps failures from @atproto/api (XRPCError with an HTTP-like status, or a failed fetch) onto
// Roost's stable error codes, with messages that never echo credentials.
import { RoostError } from '../../../src-shared/contract/errors.ts';

interface StatusError {
  readonly status?: unknown;
  readonly error?: unknown;
  readonly message?: unknown;
}

export function toRoostError(error: unknown, action: string): RoostError {
  if (error instanceof RoostError) return error;
  const { status, error: name } = (typeof error === 'object' && error !== null ? error : {}) as StatusError;
  if (status === 401 || name === 'AuthenticationRequired' || name === 'AuthFactorTokenRequired') {
    return new RoostError('auth_failed', `${action}: the server rejected the handle or app password.`);
  }
  if (status === 429)
    return new RoostError('rate_limited', `${action}: the server is rate limiting; try again later.`);
  if (name === 'AccountTakedown')
    return new RoostError('forbidden', `${action}: this account was taken down.`);
  if (typeof status === 'number' && status >= 500) {
    return new RoostError('server_error', `${action}: the server failed (HTTP ${status}).`);
  }
  if (status === 1 || error instanceof TypeError) {
    return new RoostError('network_unreachable', `${action}: the server could not be reached.`);
  }
  if (status === 400 && typeof name === 'string') {
    return new RoostError('invalid_input', `${action}: the server refused the request (${name}).`);
  }
  return new RoostError('server_error', `${action}: unexpected answer from the server.`);
}
