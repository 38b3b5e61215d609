// The contract handlers for sandbox:*, spread into main's router.
import type { Handlers } from '../rpc/router.ts';
import type { SandboxService } from './sandbox-service.ts';

type SandboxMethod = Extract<keyof Handlers, `sandbox:${string}`>;

export function sandboxHandlers(service: SandboxService): Pick<Handlers, SandboxMethod> {
  return {
    'sandbox:status': () => service.status(),
    'sandbox:addAccount': () => service.addAccount(),
  };
}
