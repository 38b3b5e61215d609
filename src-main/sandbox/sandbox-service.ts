// Offers the running local sandbox on the welcome screen: says whether one answers, and adds its brand
// account with the app password from the discovery file, which never leaves main.
import type { SandboxStatus } from '../../src-shared/contract/sandbox-contract.ts';
import { RoostError } from '../../src-shared/contract/errors.ts';
import type { Account } from '../../src-shared/domain/account.ts';
import type { AccountsService } from '../accounts/accounts-service.ts';
import { readSandboxDiscovery } from './sandbox-discovery.ts';

/** A sandbox that does not answer this fast is treated as not running; the welcome screen must not wait. */
const PROBE_TIMEOUT_MS = 1_500;

export interface SandboxService {
  status(): Promise<SandboxStatus>;
  addAccount(): Promise<Account>;
}

export function createSandboxService(deps: {
  readonly discoveryFile: string;
  readonly fetch: typeof globalThis.fetch;
  readonly accounts: Pick<AccountsService, 'addBluesky'>;
}): SandboxService {
  async function answers(pdsUrl: string): Promise<boolean> {
    try {
      const response = await deps.fetch(new URL('/xrpc/com.atproto.server.describeServer', pdsUrl), {
        signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
      });
      await response.body?.cancel();
      return response.ok;
    } catch {
      return false;
    }
  }

  return {
    async status() {
      const discovery = readSandboxDiscovery(deps.discoveryFile);
      if (!discovery || !(await answers(discovery.pdsUrl))) return { available: false };
      return {
        available: true,
        service: new URL(discovery.pdsUrl).origin,
        handle: discovery.brand.handle,
        displayName: discovery.brand.displayName,
      };
    },
    async addAccount() {
      const discovery = readSandboxDiscovery(deps.discoveryFile);
      if (!discovery) throw new RoostError('not_found', 'No local sandbox is running.');
      return deps.accounts.addBluesky({
        service: discovery.pdsUrl,
        identifier: discovery.brand.handle,
        appPassword: discovery.brand.appPassword,
      });
    },
  };
}
