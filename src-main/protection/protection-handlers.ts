// The protection:* methods: list and acknowledge hijack alerts, and check every account now.
import { RoostError } from '../../src-shared/contract/errors.ts';
import type { Handlers } from '../rpc/router.ts';
import type { Clock } from '../runtime/timing.ts';
import type { HijackWatch } from './hijack-watch.ts';
import type { ProtectionRepository } from './protection-repository.ts';

export function protectionHandlers(deps: {
  readonly repo: ProtectionRepository;
  readonly watch: HijackWatch;
  readonly clock: Clock;
}): Pick<Handlers, Extract<keyof Handlers, `protection:${string}`>> {
  return {
    'protection:alerts': (input) => deps.repo.list(input.includeAcknowledged),
    'protection:acknowledge': (input) => {
      const alert = deps.repo.acknowledge(input.id, deps.clock.now());
      if (!alert) throw new RoostError('not_found', 'No such alert.');
      return alert;
    },
    'protection:check': () => deps.watch.checkAll(),
  };
}
