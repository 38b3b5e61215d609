// Main-side entry for every contract request, whatever the transport: checks the method exists,
// validates input with the contract's zod schema, runs the handler and answers a Result, never throws.
import { requests, type RequestInput, type RequestOutput } from '../../src-shared/contract/contract.ts';
import { REQUEST_METHODS, type RequestMethod } from '../../src-shared/contract/methods.ts';
import { RoostError, type ContractError, type Result } from '../../src-shared/contract/errors.ts';
import type { z } from '../../src-shared/zod.ts';
import type { CallContext } from './call-context.ts';

export type Handler<M extends RequestMethod> = (
  input: z.output<(typeof requests)[M]['input']>,
  ctx: CallContext,
) => Promise<RequestOutput<M>> | RequestOutput<M>;

export type Handlers = { readonly [M in RequestMethod]: Handler<M> };

export interface Router {
  dispatch(method: unknown, input: unknown, ctx: CallContext): Promise<Result<unknown>>;
}

export interface RouterOptions {
  /** Receives unexpected failures (not RoostErrors); must not log inputs, which may hold secrets. */
  readonly onInternalError?: (method: string, error: unknown) => void;
}

const knownMethods: ReadonlySet<string> = new Set(REQUEST_METHODS);

export function isRequestMethod(value: unknown): value is RequestMethod {
  return typeof value === 'string' && knownMethods.has(value);
}

export function createRouter(handlers: Handlers, options: RouterOptions = {}): Router {
  return {
    async dispatch(method, input, ctx) {
      if (!isRequestMethod(method)) {
        return failure({ code: 'unknown_method', message: 'Unknown method' });
      }
      const schema = requests[method];
      const parsed = schema.input.safeParse(input);
      if (!parsed.success) {
        return failure({
          code: 'invalid_input',
          message: `Invalid input for ${method}`,
          issues: parsed.error.issues.slice(0, 20).map((issue) => ({
            path: issue.path.map(String).join('.'),
            message: issue.message,
          })),
        });
      }
      try {
        const handler = handlers[method] as Handler<typeof method>;
        const value = await handler(parsed.data as never, ctx);
        return { ok: true, value };
      } catch (error) {
        if (error instanceof RoostError) {
          const { code, message, issues } = error;
          return failure(issues ? { code, message, issues } : { code, message });
        }
        options.onInternalError?.(method, error);
        return failure({ code: 'internal', message: 'Unexpected error in Roost; see the log.' });
      }
    },
  };
}

function failure(error: ContractError): Result<never> {
  return { ok: false, error };
}

export type { RequestInput, RequestOutput, CallContext };
