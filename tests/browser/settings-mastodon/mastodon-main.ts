// Adds Mastodon sign-in to the in-memory main: begin/complete go through main's real router (same input
// validation and error mapping) and a small table of servers and their users stands in for instances.
// Loopback flows end when the test says the user's browser came back, as main's redirect listener would.
import { createRouter } from '../../../src-main/rpc/router.ts';
import type { RequestMethod } from '../../../src-shared/contract/contract.ts';
import { RoostError, type ErrorCode, type Result } from '../../../src-shared/contract/errors.ts';
import type { Account } from '../../../src-shared/domain/account.ts';
import type { Transport } from '../../../src-renderer/bridge/transport.ts';
import { withOtherMethodsRefused } from '../../support/partial-handlers.ts';
import { createMemoryMain, type MemoryMain, type VaultStatus } from '../support/memory-main.ts';

export interface MastodonUser {
  readonly handle: string;
  readonly displayName: string;
  /** The code the server shows this user on the out-of-band page. */
  readonly code: string;
}

export interface MastodonServer {
  readonly origin: string;
  readonly users: readonly MastodonUser[];
  /** What the server's authorize page address looks like; overridable to model a hostile server. */
  readonly authorizeUrl?: (flowId: string, method: 'loopback' | 'oob') => string;
}

export interface BeginCall {
  readonly instance: string;
  readonly method: 'loopback' | 'oob';
  readonly flowId: string;
}

export interface MastodonMain {
  readonly base: MemoryMain;
  /** The base double with Mastodon sign-in added, to hand to renderApp. */
  readonly memory: MemoryMain;
  readonly begins: readonly BeginCall[];
  readonly completes: () => number;
  setVault(status: VaultStatus): void;
  /** The user approved Roost and the browser came back to the loopback redirect. */
  finishLoopback(flowId: string, handle: string): Account;
  failLoopback(flowId: string, errorCode: ErrorCode | string): void;
  /** Ends every open oob flow, as main's ten-minute expiry would. */
  expireFlows(): void;
  hold(method: 'accounts:beginMastodon' | 'accounts:completeMastodon'): () => void;
}

const OWN_METHODS: ReadonlySet<RequestMethod> = new Set([
  'accounts:beginMastodon',
  'accounts:completeMastodon',
]);

export function createMastodonMain(servers: readonly MastodonServer[]): MastodonMain {
  const base = createMemoryMain();
  let vault: VaultStatus = { state: 'available', detail: 'Secret Service' };
  let nextFlow = 1;
  let completeCount = 0;
  const begins: BeginCall[] = [];
  const flows = new Map<string, { server: MastodonServer; method: 'loopback' | 'oob' }>();
  const holds = new Map<RequestMethod, Promise<void>>();

  function assertCanStoreSecrets(): void {
    if (vault.state === 'locked') throw new RoostError('keychain_locked', 'Keychain is locked');
    if (vault.state === 'unavailable') throw new RoostError('keychain_unavailable', 'No Secret Service');
    if (vault.state === 'timed_out') throw new RoostError('keychain_timeout', 'Keychain did not answer');
  }

  function register(server: MastodonServer, user: MastodonUser): Account {
    const account = base.seedAccount(
      { identifier: user.handle, password: '', handle: user.handle, displayName: user.displayName },
      { network: 'mastodon', service: server.origin, remoteId: `${server.origin}/users/${user.handle}` },
    );
    base.emit('accounts:changed', { accounts: [...base.accounts()] });
    return account;
  }

  const handlers = withOtherMethodsRefused({
    'accounts:beginMastodon': (input) => {
      assertCanStoreSecrets();
      const origin = new URL(input.instance).origin;
      const server = servers.find((s) => s.origin === origin);
      if (!server) throw new RoostError('network_unreachable', `Could not reach ${origin}`);
      const flowId = `flow-${nextFlow++}`;
      flows.set(flowId, { server, method: input.method });
      begins.push({ instance: input.instance, method: input.method, flowId });
      const redirect =
        input.method === 'oob' ? 'urn:ietf:wg:oauth:2.0:oob' : 'http://127.0.0.1:45678/callback';
      const authorizeUrl =
        server.authorizeUrl?.(flowId, input.method) ??
        `${origin}/oauth/authorize?client_id=roost&response_type=code&redirect_uri=${encodeURIComponent(redirect)}&state=${flowId}`;
      return { flowId, authorizeUrl };
    },
    'accounts:completeMastodon': (input) => {
      completeCount++;
      const flow = flows.get(input.flowId);
      if (!flow || flow.method !== 'oob')
        throw new RoostError('not_found', 'This sign-in has expired; start again.');
      const user = flow.server.users.find((u) => u.code === input.code);
      if (!user) throw new RoostError('auth_failed', 'Sign-in: the server did not accept the code.');
      flows.delete(input.flowId);
      return register(flow.server, user);
    },
  });
  const router = createRouter(handlers);

  const transport: Transport = {
    ...base.transport,
    async request(method, input): Promise<Result<unknown>> {
      if (!OWN_METHODS.has(method)) return base.transport.request(method, input);
      if (base.transport.state() !== 'online')
        return { ok: false, error: { code: 'network_unreachable', message: 'offline' } };
      await holds.get(method);
      const wireInput: unknown = JSON.parse(JSON.stringify(input));
      const result = await router.dispatch(method, wireInput, {
        transport: 'browser',
        actor: { kind: 'local-user' },
      });
      return JSON.parse(JSON.stringify(result)) as Result<unknown>;
    },
  };

  function loopbackFlow(flowId: string) {
    const flow = flows.get(flowId);
    if (!flow || flow.method !== 'loopback') throw new Error(`no loopback flow ${flowId}`);
    flows.delete(flowId);
    return flow;
  }

  return {
    base,
    memory: { ...base, transport },
    begins,
    completes: () => completeCount,
    setVault(status) {
      vault = status;
      base.setVault(status);
    },
    finishLoopback(flowId, handle) {
      const { server } = loopbackFlow(flowId);
      const user = server.users.find((u) => u.handle === handle);
      if (!user) throw new Error(`no user ${handle} on ${server.origin}`);
      const account = register(server, user);
      base.emit('accounts:signIn', { flowId, ok: true, accountId: account.id, errorCode: null });
      return account;
    },
    failLoopback(flowId, errorCode) {
      loopbackFlow(flowId);
      base.emit('accounts:signIn', { flowId, ok: false, accountId: null, errorCode });
    },
    expireFlows: () => flows.clear(),
    hold(method) {
      let release = () => undefined as void;
      holds.set(method, new Promise<void>((resolve) => (release = resolve)));
      return () => {
        holds.delete(method);
        release();
      };
    },
  };
}
