// Test doubles of main implement only the methods a test needs; every other contract method answers
// with a clear error instead of being silently missing.
import type { Handlers } from '../../src-main/rpc/router.ts';
import { REQUEST_METHODS } from '../../src-shared/contract/methods.ts';
import { RoostError } from '../../src-shared/contract/errors.ts';

export function withOtherMethodsRefused(partial: Partial<Handlers>): Handlers {
  const full: Record<string, unknown> = {};
  for (const method of REQUEST_METHODS) {
    full[method] =
      partial[method] ??
      (() => {
        throw new RoostError('not_found', `${method} is not implemented by this test double`);
      });
  }
  return full as Handlers;
}
