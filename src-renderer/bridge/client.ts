// The typed client of the contract. Its type is derived from src-shared/contract, and every answer is
// parsed with the contract's output schema here, so components only ever see checked values.
import { events, requests } from '../../src-shared/contract/contract.ts';
import type {
  EventName,
  EventPayload,
  RequestInput,
  RequestMethod,
  RequestOutput,
} from '../../src-shared/contract/contract.ts';
import { ERROR_CODES } from '../../src-shared/contract/errors.ts';
import type { ContractError, Result } from '../../src-shared/contract/errors.ts';
import { z } from '../../src-shared/zod.ts';
import type { Transport, TransportState } from './transport.ts';

export interface RoostClient {
  call<M extends RequestMethod>(method: M, input: RequestInput<M>): Promise<Result<RequestOutput<M>>>;
  on<E extends EventName>(name: E, cb: (payload: EventPayload<E>) => void): () => void;
  state(): TransportState;
  onState(cb: (state: TransportState) => void): () => void;
  close(): void;
}

export interface ClientOptions {
  /** Told when main sends something the contract does not allow; never given payloads (they may be large). */
  readonly onContractViolation?: (where: string) => void;
}

const ContractErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string().max(4096),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

const ResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.unknown() }),
]);

export function createClient(transport: Transport, options: ClientOptions = {}): RoostClient {
  const violation = (where: string): Result<never> => {
    options.onContractViolation?.(where);
    return {
      ok: false,
      error: { code: 'internal', message: `Roost received an unexpected answer for ${where}.` },
    };
  };

  return {
    async call<M extends RequestMethod>(
      method: M,
      input: RequestInput<M>,
    ): Promise<Result<RequestOutput<M>>> {
      const raw = await transport.request(method, input);
      const result = ResultSchema.safeParse(raw);
      if (!result.success) return violation(method);
      if (!result.data.ok) {
        const error = ContractErrorSchema.safeParse(result.data.error);
        return error.success ? { ok: false, error: error.data as ContractError } : violation(method);
      }
      const output = (requests[method].output as z.ZodType).safeParse(result.data.value);
      if (!output.success) return violation(method);
      return { ok: true, value: output.data as RequestOutput<M> };
    },
    on<E extends EventName>(name: E, cb: (payload: EventPayload<E>) => void): () => void {
      return transport.onEvent((eventName, payload) => {
        if (eventName !== name) return;
        const parsed = (events[name] as z.ZodType).safeParse(payload);
        if (parsed.success) cb(parsed.data as EventPayload<E>);
        else options.onContractViolation?.(name);
      });
    },
    state: () => transport.state(),
    onState: (cb) => transport.onState(cb),
    close: () => transport.close(),
  };
}
