// An in-memory double of main for component and client tests. Requests go through main's real router
// (same input validation and error mapping) after a JSON round trip, like the wire. Accounts sign in
// against a small table of known users, as a Bluesky server would. Secrets are compared, never kept.
import { createRouter, type Handlers } from '../../../src-main/rpc/router.ts';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import type { Result } from '../../../src-shared/contract/errors.ts';
import type {
  EventName,
  EventPayload,
  RequestMethod,
  RequestOutput,
} from '../../../src-shared/contract/contract.ts';
import type { Account } from '../../../src-shared/domain/account.ts';
import type {
  Transport,
  TransportEventListener,
  TransportState,
  TransportStateListener,
} from '../../../src-renderer/bridge/transport.ts';
import { withOtherMethodsRefused } from '../../support/partial-handlers.ts';

export interface KnownUser {
  readonly identifier: string;
  readonly password: string;
  readonly handle: string;
  readonly displayName: string;
  readonly avatarUrl?: string | null;
}

export type VaultStatus = RequestOutput<'vault:status'>;

export interface MemoryMain {
  readonly transport: Transport;
  readonly accounts: () => readonly Account[];
  /** How many times each method was called, to check what the UI asked for. */
  readonly calls: (method: RequestMethod) => number;
  setVault(status: VaultStatus): void;
  setState(state: TransportState): void;
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /** Makes calls of `method` wait until the returned function is called. */
  hold(method: RequestMethod): () => void;
  seedAccount(user: KnownUser, extra?: Partial<Account>): Account;
}

export function createMemoryMain(
  users: readonly KnownUser[] = [],
  service = 'https://pds.example',
  /** Handlers for other domains (a feature's own double), run behind the same router. */
  extra: Partial<Handlers> = {},
): MemoryMain {
  let accounts: Account[] = [];
  let vault: VaultStatus = { state: 'available', detail: 'Secret Service' };
  let state: TransportState = 'online';
  let nextId = 1;
  const counts = new Map<RequestMethod, number>();
  const holds = new Map<RequestMethod, Promise<void>>();
  const eventListeners = new Set<TransportEventListener>();
  const stateListeners = new Set<TransportStateListener>();

  function emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const wire: unknown = JSON.parse(JSON.stringify(payload));
    for (const listener of eventListeners) listener(name, wire);
  }
  const changed = () => emit('accounts:changed', { accounts });

  function makeAccount(user: KnownUser, serviceUrl: string, extra: Partial<Account> = {}): Account {
    return {
      id: `acc-${nextId++}`,
      network: 'bluesky',
      service: serviceUrl,
      remoteId: `did:plc:${user.handle.replace(/\W/g, '')}`,
      handle: user.handle,
      displayName: user.displayName,
      avatarUrl: user.avatarUrl ?? null,
      status: 'active',
      protected: false,
      createdAt: new Date(0).toISOString(),
      ...extra,
    };
  }

  const handlers: Handlers = withOtherMethodsRefused({
    'app:info': () => ({ version: '0.0.0-test', mode: 'browser', platform: 'test' }),
    'app:ready': () => ({ queued: 0 }),
    'app:setLanguage': () => ({}),
    'vault:status': () => vault,
    'accounts:list': () => accounts,
    'accounts:add': (input) => {
      if (vault.state === 'locked') throw new RoostError('keychain_locked', 'Keychain is locked');
      if (vault.state === 'unavailable') throw new RoostError('keychain_unavailable', 'No Secret Service');
      if (vault.state === 'timed_out') throw new RoostError('keychain_timeout', 'Keychain did not answer');
      const user = users.find((u) => u.identifier === input.identifier || u.handle === input.identifier);
      if (!user || user.password !== input.appPassword)
        throw new RoostError('auth_failed', 'Invalid identifier or password');
      if (accounts.some((a) => a.handle === user.handle))
        throw new RoostError('already_exists', 'Account exists');
      const account = makeAccount(user, input.service);
      accounts = [...accounts, account];
      changed();
      return account;
    },
    'accounts:remove': (input) => {
      const before = accounts.length;
      accounts = accounts.filter((a) => a.id !== input.id);
      if (accounts.length !== before) changed();
      return { removed: accounts.length !== before };
    },
    'accounts:setProtected': (input) => {
      const account = accounts.find((a) => a.id === input.id);
      if (!account) throw new RoostError('not_found', 'No such account');
      const updated = { ...account, protected: input.protected };
      accounts = accounts.map((a) => (a.id === input.id ? updated : a));
      changed();
      return updated;
    },
    // An empty inquiry desk unless a test brings its own (tests/browser/inbox/desk-double.ts).
    'desk:list': () => [],
    'desk:counts': () => ({ mine: 0, unassigned: 0, pending: 0, snoozed: 0, resolved: 0, breaching: 0 }),
    'desk:savedReplies': () => [],
    // No hijack alerts unless a test brings its own (tests/browser/settings/brand-protection.test.tsx).
    'protection:alerts': () => [],
    'desk:stats': (input) => ({
      volume: Array.from({ length: Math.ceil((input.to - input.from) / input.bucketMs) }, (_, i) => ({
        start: input.from + i * input.bucketMs,
        conversations: 0,
      })),
      experts: [],
      desks: [],
    }),
    ...extra,
  });
  const router = createRouter(handlers);

  const transport: Transport = {
    kind: 'memory',
    async request(method, input): Promise<Result<unknown>> {
      counts.set(method, (counts.get(method) ?? 0) + 1);
      if (state !== 'online')
        return { ok: false, error: { code: 'network_unreachable', message: 'offline' } };
      await holds.get(method);
      const wireInput: unknown = input === undefined ? undefined : JSON.parse(JSON.stringify(input));
      const result = await router.dispatch(method, wireInput, {
        transport: 'browser',
        actor: { kind: 'local-user' },
      });
      return JSON.parse(JSON.stringify(result)) as Result<unknown>;
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    state: () => state,
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    close: () => undefined,
  };

  return {
    transport,
    accounts: () => accounts,
    calls: (method) => counts.get(method) ?? 0,
    setVault: (status) => {
      vault = status;
    },
    setState: (next) => {
      state = next;
      for (const listener of stateListeners) listener(next);
    },
    emit,
    hold(method) {
      let release = () => undefined as void;
      holds.set(method, new Promise<void>((resolve) => (release = resolve)));
      return () => {
        holds.delete(method);
        release();
      };
    },
    seedAccount(user, extra) {
      const account = makeAccount(user, service, extra);
      accounts = [...accounts, account];
      return account;
    },
  };
}
