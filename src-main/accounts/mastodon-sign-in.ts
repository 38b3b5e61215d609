// Mastodon sign-in as two contract calls: `begin` registers Roost with the instance and returns the
// authorize URL for the renderer to open; the code then arrives on a loopback redirect (finishing on its
// own and announcing the result as an event) or is pasted by the user (`complete`, the oob fallback).
import { randomUUID } from 'node:crypto';
import { RoostError } from '../../src-shared/contract/errors.ts';
import type { Account } from '../../src-shared/domain/account.ts';
import { beginOobSignIn, signInWithLoopback, type SignedIn } from '../connectors/mastodon/sign-in.ts';
import type { AccountsService } from './accounts-service.ts';
import type { EventBus } from '../rpc/event-bus.ts';

const FLOW_TIMEOUT_MS = 10 * 60_000;

export interface MastodonSignIn {
  begin(instance: string, method: 'loopback' | 'oob'): Promise<{ flowId: string; authorizeUrl: string }>;
  complete(flowId: string, code: string): Promise<Account>;
}

export function createMastodonSignIn(deps: {
  readonly accounts: AccountsService;
  readonly events: EventBus;
  readonly fetch: typeof globalThis.fetch;
}): MastodonSignIn {
  const oobFlows = new Map<string, { complete(code: string): Promise<SignedIn>; expiresAt: number }>();

  const register = (signedIn: SignedIn): Promise<Account> =>
    deps.accounts.register(
      {
        network: 'mastodon',
        service: signedIn.origin,
        remoteId: signedIn.identity.remoteId,
        handle: signedIn.identity.handle,
        displayName: signedIn.identity.displayName,
        avatarUrl: signedIn.identity.avatarUrl,
      },
      { kind: 'oauth', accessToken: signedIn.accessToken },
    );

  return {
    async begin(instance, method) {
      await deps.accounts.assertCanStoreSecrets();
      const origin = new URL(instance).origin;
      const flowId = randomUUID();
      if (method === 'oob') {
        const flow = await beginOobSignIn({ origin, fetch: deps.fetch });
        oobFlows.set(flowId, { complete: flow.complete, expiresAt: Date.now() + FLOW_TIMEOUT_MS });
        return { flowId, authorizeUrl: flow.authorizeUrl };
      }
      return new Promise((resolve, reject) => {
        let opened = false;
        signInWithLoopback({
          origin,
          fetch: deps.fetch,
          timeoutMs: FLOW_TIMEOUT_MS,
          openBrowser: async (authorizeUrl) => {
            opened = true;
            resolve({ flowId, authorizeUrl });
          },
        })
          .then(register)
          .then((account) =>
            deps.events.emit('accounts:signIn', { flowId, ok: true, accountId: account.id, errorCode: null }),
          )
          .catch((error: unknown) => {
            const code = error instanceof RoostError ? error.code : 'internal';
            if (!opened) return reject(error);
            deps.events.emit('accounts:signIn', { flowId, ok: false, accountId: null, errorCode: code });
          });
      });
    },

    async complete(flowId, code) {
      const flow = oobFlows.get(flowId);
      if (!flow || flow.expiresAt < Date.now()) {
        oobFlows.delete(flowId);
        throw new RoostError('not_found', 'This sign-in has expired; start again.');
      }
      const signedIn = await flow.complete(code);
      oobFlows.delete(flowId);
      return register(signedIn);
    },
  };
}
