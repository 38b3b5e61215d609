// Starts main's services (store, vault, accounts, streams) and wires the contract's handlers to them.
// Used by the Electron shell and by browser mode alike; nothing here imports Electron.
import { createAnalyticsHandlers } from '../analytics/analytics-handlers.ts';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { openMainStore } from '../store/main-store.ts';
import { createAccountRepository } from '../store/account-repository.ts';
import { createCursorRepository } from '../store/cursor-repository.ts';
import { createFeedCursorRepository } from '../store/feed-cursor-repository.ts';
import { createRouter } from '../host/router.ts';
import { signInToBluesky } from '../connectors/bluesky/sign-in.ts';
import { createSecretServiceKeychain } from '../vault/secret-service-keychain.ts';
import { createPoller } from '../streams/poller.ts';
import { createCursorStore } from '../streams/cursor-store.ts';
import { createStreamingManager } from '../streams/streaming-manager.ts';
import { mastodonStreamTargets } from '../streams/mastodon-stream-target.ts';
import { createEventBus } from './event-bus.ts';
import { createAccountsService } from './accounts-service.ts';
import { createKeychainCredentialStore } from './keychain-credential-store.ts';
import { createConnectorRegistry } from './connector-registry.ts';
import { createStreamsService, toContractState, toItemsEvent } from './streams-service.ts';
import type { CredentialStore } from './credential-store.ts';
import { createPublishingModule } from '../publishing/publishing-module.ts';
import { createConnectorGateway } from '../publishing/connector-gateway.ts';
import { createMediaStore } from '../publishing/media-store.ts';
import { createUploadedMediaRepository } from '../store/uploaded-media-repository.ts';
import { createMediaPruner, mediaInUse } from '../publishing/media-pruner.ts';
import { toContractJob } from '../publishing/outbox-job.ts';
import { createShortenerHandlers } from '../publishing/shortener/shortener-handlers.ts';
import { composeHandlers } from '../compose/compose-handlers.ts';
import { governanceHandlers } from '../governance/governance-handlers.ts';
import { readProfileTexts } from '../governance/profile-texts.ts';
import { createMentionChecker } from '../compose/mention-checker.ts';
import type { BlueskyConnector } from '../connectors/bluesky/bluesky-connector.ts';
import type { MastodonConnector } from '../connectors/mastodon/mastodon-connector.ts';
import { RoostError } from '../../src-shared/contract/errors.ts';
import { createMastodonSignIn } from './mastodon-sign-in.ts';
import { createSandboxService } from '../sandbox/sandbox-service.ts';
import { sandboxHandlers } from '../sandbox/sandbox-handlers.ts';
import { sandboxDiscoveryPath } from '../sandbox/sandbox-discovery.ts';
import { linuxDesktop } from '../vault/linux-desktop.ts';
import { inspectFeed } from '../connectors/rss/rss-connector.ts';
import type { MainServices, MainServicesOptions } from './types.ts';
import { createEmbeddedDesk } from '../desk/embedded-desk.ts';

export interface MainServicesOverrides {
  /** Tests inject a credential store; the app uses the OS keychain. */
  readonly credentials?: CredentialStore & { stop?(): Promise<void> };
  readonly fetch?: typeof globalThis.fetch;
  /** Where a running local sandbox announces itself (default: sandboxDiscoveryPath()). */
  readonly sandboxDiscoveryFile?: string;
}

export async function startMainServices(
  options: MainServicesOptions,
  overrides: MainServicesOverrides = {},
): Promise<MainServices> {
  mkdirSync(options.dataDir, { recursive: true });
  const fetchImpl = overrides.fetch ?? globalThis.fetch;
  const store = openMainStore({ path: path.join(options.dataDir, 'roost-main.sqlite') });
  const credentials =
    overrides.credentials ??
    createKeychainCredentialStore(
      createSecretServiceKeychain(options.privateKeyringEnv ? { env: options.privateKeyringEnv } : {}),
    );
  const events = createEventBus();
  const registry = createAccountRepository(store);
  const connectors = createConnectorRegistry({
    getAccount: (id) => registry.get(id),
    credentials,
    fetch: fetchImpl,
    onNeedsSignIn: (accountId) => {
      if (!registry.get(accountId)) return;
      registry.setStatus(accountId, 'needs_sign_in');
      events.emit('accounts:changed', { accounts: registry.list() });
    },
  });
  const accounts = createAccountsService({
    registry,
    credentials,
    events,
    signInToBluesky: (input) => signInToBluesky({ ...input, fetch: fetchImpl }),
    onRemoved: (id) => connectors.forget(id),
    onSignedInAgain: (id) => {
      connectors.forget(id);
      poller.resumeAccount(id);
      streaming.resumeAccount(id);
    },
  });
  const mastodonSignIn = createMastodonSignIn({ accounts, events, fetch: fetchImpl });
  const desk = createEmbeddedDesk({
    store,
    accounts: () => registry.list(),
    onChanged: (ids) => events.emit('desk:changed', { ids }),
    onError: (error) =>
      console.error('[roost] desk:', error instanceof Error ? error.message : 'unknown error'),
    // Called only for requests, after startup, when the publishing module below exists.
    findJob: (jobId) => {
      const job = publishing.repo.get(jobId);
      return job ? toContractJob(job) : null;
    },
  });
  // Live Mastodon columns: streams feed subscribed sources; the poller falls back to full polling when one drops.
  const streaming = createStreamingManager({
    timers: {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
      now: Date.now,
      random: Math.random,
    },
    resolve: mastodonStreamTargets(connectors),
    markStreaming: (columnKey, live) => poller.markStreaming(columnKey, live),
    onItems: (batch) => {
      desk.intake(batch);
      events.emit('streams:items', toItemsEvent(batch));
    },
    onDeleted: (deletion) => events.emit('streams:deleted', deletion),
    onNeedsSignIn: (accountId) => connectors.reportAuthFailure(accountId),
    onError: (connection, error) =>
      console.error(
        `[roost] stream ${connection}:`,
        error instanceof Error ? error.message : 'unknown error',
      ),
  });
  const poller = createPoller({
    clock: { now: Date.now },
    timers: {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    },
    random: Math.random,
    connectors: (source) => connectors.forSource(source),
    cursors: createCursorStore(createCursorRepository(store), createFeedCursorRepository(store)),
    onItems: (event) => {
      streaming.notePolled(event); // so the stream does not deliver these again
      desk.intake(event);
      events.emit('streams:items', toItemsEvent(event));
    },
    onColumnState: (columnKey, state) =>
      events.emit('streams:state', { columnKey, state: toContractState(state) }),
    onError: (columnKey, error) =>
      console.error(`[roost] column ${columnKey}:`, error instanceof Error ? error.message : 'unknown error'),
  });
  const stopPoller = poller.start();
  const stopDesk = desk.start();
  desk.attach(poller);
  const stopDeskSync = events.subscribe((name) => {
    if (name === 'accounts:changed') desk.syncAccounts();
  });
  const streams = createStreamsService({ poller, connectors, events, streaming });
  const media = createMediaStore(options.dataDir);
  const publishing = createPublishingModule({
    store,
    dataDir: options.dataDir,
    accounts: () => registry.list(),
    gateway: createConnectorGateway({
      bluesky: async (accountId) => {
        const connector = await connectors.forAccount(accountId);
        if (!('publishPost' in connector)) throw new RoostError('invalid_input', 'Not a Bluesky account.');
        return connector as BlueskyConnector;
      },
      mastodon: async (accountId) => {
        const connector = await connectors.forAccount(accountId);
        if (!('publishStatus' in connector)) throw new RoostError('invalid_input', 'Not a Mastodon account.');
        return connector as MastodonConnector;
      },
      media: (id) => media.get(id),
      uploads: createUploadedMediaRepository(store),
    }),
    clock: { now: Date.now },
    timers: {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    },
    random: Math.random,
    onChanged: (jobs) => {
      const contractJobs = jobs.map(toContractJob);
      desk.noteJobs(contractJobs);
      events.emit('outbox:changed', { jobs: contractJobs });
    },
    onError: (error) =>
      console.error('[roost] outbox:', error instanceof Error ? error.message : 'unknown error'),
    // Best-time history: counts of the account's own sent posts, read from the network it posted to.
    readEngagement: async (accountId, network, remoteIds) => {
      const connector = await connectors.forAccount(accountId);
      if (network === 'bluesky' && 'publishPost' in connector) {
        return (connector as BlueskyConnector).readEngagement(remoteIds);
      }
      if (network === 'mastodon' && 'publishStatus' in connector) {
        return (connector as MastodonConnector).readEngagement(remoteIds);
      }
      throw new RoostError('invalid_input', 'This account cannot report engagement.');
    },
  });
  const publishingStarted = publishing.engine
    .start()
    .catch((error: unknown) =>
      console.error('[roost] outbox start failed:', error instanceof Error ? error.message : 'unknown error'),
    );
  const stopMediaPruner = createMediaPruner({
    media,
    inUse: () => mediaInUse(publishing.repo),
    clock: { now: Date.now },
    timers: {
      setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    },
    onError: (error) =>
      console.error('[roost] media pruning:', error instanceof Error ? error.message : 'unknown error'),
  }).start();

  const router = createRouter(
    {
      'app:info': () => ({ version: options.version, mode: options.mode, platform: process.platform }),
      'app:ready': () => ({ queued: 0 }),
      'vault:status': async () => ({
        ...(await credentials.status()),
        privateKeyring: Boolean(options.privateKeyringEnv),
        desktop: linuxDesktop(process.platform, process.env.XDG_CURRENT_DESKTOP),
      }),
      'accounts:list': () => accounts.list(),
      'accounts:add': (input) => accounts.addBluesky(input),
      'accounts:beginMastodon': (input) => mastodonSignIn.begin(input.instance, input.method),
      'accounts:completeMastodon': (input) => mastodonSignIn.complete(input.flowId, input.code),
      'accounts:remove': (input) => accounts.remove(input.id),
      'accounts:setProtected': (input) => accounts.setProtected(input.id, input.protected, input.typedHandle),
      'streams:capabilities': (input) => streams.capabilities(input.accountId),
      'streams:subscribe': (input) => streams.subscribe(input.columnId, input.source, input.visible),
      'streams:unsubscribe': (input) => (streams.unsubscribe(input.columnId), {}),
      'streams:setVisible': (input) => (streams.setVisible(input.columnId, input.visible), {}),
      'streams:refresh': (input) => (streams.refresh(input.columnId), {}),
      'streams:loadGap': async (input) => (await streams.loadGap(input.columnId, input.gap), {}),
      'streams:loadOlder': async (input) => (await streams.loadOlder(input.columnId), {}),
      'items:act': (input) => streams.act(input.accountId, input.item, input.action),
      'items:thread': (input) => streams.thread(input.accountId, input.item),
      'publish:preflight': (input) => publishing.service.preflight(input.post),
      'publish:clear': (input) => publishing.service.clear(input),
      'publish:preflightAction': (input) => publishing.service.preflightAction(input.action),
      'publish:clearAction': (input) => publishing.service.clearAction(input),
      'outbox:submit': (input) => publishing.service.submit(input),
      'outbox:submitAction': (input) => publishing.service.submitAction(input),
      'outbox:retry': (input) => publishing.service.retry(input.jobId),
      'outbox:cancel': (input) => publishing.service.cancel(input.jobId),
      'outbox:list': (input) => publishing.service.list(input),
      'outbox:reschedule': (input) => publishing.service.reschedule(input.jobId, input.scheduledAt),
      'outbox:resolveOverdue': (input) => publishing.service.resolveOverdue(input.jobId, input.decision),
      'schedule:bestTimes': (input) => publishing.service.bestTimes(input.accountId),
      ...createShortenerHandlers({ store, credentials, fetch: fetchImpl }),
      ...createAnalyticsHandlers({
        store,
        accounts: () => registry.list(),
        connectorFor: (id) => connectors.forAccount(id),
        outbox: publishing.repo,
      }),
      'media:upload': (input) => media.put(input),
      ...composeHandlers(
        createMentionChecker({
          resolve: async (accountId, handles) => {
            const connector = await connectors.forAccount(accountId);
            if (!('resolveMentions' in connector))
              throw new RoostError('invalid_input', 'Not a Bluesky account.');
            return (connector as BlueskyConnector).resolveMentions(handles);
          },
          clock: { now: Date.now },
        }),
      ),
      'feeds:inspect': (input) => inspectFeed(input.url, { fetch: fetchImpl }),
      ...sandboxHandlers(
        createSandboxService({
          discoveryFile: overrides.sandboxDiscoveryFile ?? sandboxDiscoveryPath(),
          fetch: fetchImpl,
          accounts,
        }),
      ),
      ...desk.handlers,
      ...governanceHandlers({
        dataDir: options.dataDir,
        accounts: () => registry.list(),
        profiles: () => readProfileTexts(registry.list(), (id) => connectors.forAccount(id)),
        onProblem: (message) => console.error(`[roost] governance: ${message}`),
      }),
    },
    {
      onInternalError: (method, error) =>
        console.error(`[roost] ${method} failed:`, error instanceof Error ? error.message : 'unknown error'),
    },
  );

  return {
    router,
    events,
    setOnline(online) {
      poller.setOnline(online);
      streaming.setOnline(online);
      events.emit('app:connectivity', { online });
    },
    notifyPower(state) {
      if (state === 'suspend') {
        poller.suspend();
        streaming.suspend();
      } else {
        poller.resume();
        streaming.resume();
      }
      if (state === 'resume') publishing.engine.wake();
      events.emit('app:power', { state });
    },
    async stop() {
      streams.closeAll();
      stopDeskSync();
      stopDesk();
      stopMediaPruner();
      streaming.stop();
      stopPoller();
      await publishingStarted;
      await publishing.engine.stop();
      await credentials.stop?.();
      store.close();
    },
  };
}
