// The composition root: builds main's services in dependency order, lists their lifecycles and spreads
// each domain's handler map into the router. Used by the Electron shell and by browser mode alike;
// nothing here imports Electron, and no handler is written inline.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { openMainStore } from '../store/main-store.ts';
import { createRouter } from '../rpc/router.ts';
import { createEventBus } from '../rpc/event-bus.ts';
import { backgroundTimers, systemClock, systemRandom, systemTimers } from '../runtime/timing.ts';
import { createSecretServiceKeychain } from '../vault/secret-service-keychain.ts';
import { createKeychainCredentialStore } from '../vault/keychain-credential-store.ts';
import type { CredentialStore } from '../vault/credential-store.ts';
import { createConnectorRegistry } from '../connectors/connector-registry.ts';
import { asBlueskyConnector } from '../connectors/connector-kinds.ts';
import { requirePublisher } from '../connectors/publisher.ts';
import { signInToBluesky } from '../connectors/bluesky/sign-in.ts';
import { createAccountRepository } from '../accounts/account-repository.ts';
import { createAccountsService } from '../accounts/accounts-service.ts';
import { createMastodonSignIn } from '../accounts/mastodon-sign-in.ts';
import { accountsHandlers } from '../accounts/accounts-handlers.ts';
import { createPoller, DEFAULT_POLLER_CONFIG } from '../streams/poller.ts';
import type { StreamEvent } from '../streams/column-state.ts';
import { createCursorStore } from '../streams/cursor-store.ts';
import { createCursorRepository } from '../streams/cursor-repository.ts';
import { createFeedCursorRepository } from '../streams/feed-cursor-repository.ts';
import { createStreamingManager } from '../streams/streaming-manager.ts';
import { mastodonStreamTargets } from '../streams/mastodon-stream-target.ts';
import { createStreamsService, toContractState, toItemsEvent } from '../streams/streams-service.ts';
import { streamsHandlers } from '../streams/streams-handlers.ts';
import { createPublishingModule } from '../publishing/publishing-module.ts';
import { loadPublishingSettings } from '../publishing/publishing-settings.ts';
import { createConnectorGateway } from '../publishing/connector-gateway.ts';
import { createMediaStore } from '../publishing/media-store.ts';
import { createUploadedMediaRepository } from '../publishing/uploaded-media-repository.ts';
import { createMediaPruner, mediaInUse } from '../publishing/media-pruner.ts';
import { toContractJob } from '../publishing/outbox-job.ts';
import { publishingHandlers } from '../publishing/publishing-handlers.ts';
import { createShortenerHandlers } from '../shortener/shortener-handlers.ts';
import { createAnalyticsHandlers } from '../analytics/analytics-handlers.ts';
import { composeHandlers } from '../compose/compose-handlers.ts';
import { createMentionChecker } from '../compose/mention-checker.ts';
import { governanceHandlers } from '../governance/governance-handlers.ts';
import { withTeamPolicy } from '../governance/team-policy.ts';
import { readProfileTexts } from '../governance/profile-texts.ts';
import { createSandboxService } from '../sandbox/sandbox-service.ts';
import { sandboxHandlers } from '../sandbox/sandbox-handlers.ts';
import { sandboxDiscoveryPath } from '../sandbox/sandbox-discovery.ts';
import { createTeamModule } from '../team/team-handlers.ts';
import { createEmbeddedDesk } from '../desk/embedded-desk.ts';
import { createProtectionModule } from '../protection/protection-module.ts';
import { appHandlers } from './app-handlers.ts';
import { createAppLanguage } from './app-language.ts';
import { startInOrder, stopOnly, type Lifecycle } from './lifecycle.ts';
import { logFailure } from './log.ts';
import type { MainServices, MainServicesOptions } from './types.ts';

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
  // The inquiry desk of a team of one: mentions the poller and streams deliver become conversations.
  const desk = createEmbeddedDesk({
    store,
    accounts: () => registry.list(),
    onChanged: (ids) => events.emit('desk:changed', { ids }),
    onError: (error) => logFailure('desk', error),
    // Called only for requests, after startup, when the publishing module below exists.
    findJob: (jobId) => {
      const job = publishing.repo.get(jobId);
      return job ? toContractJob(job) : null;
    },
  });

  // Impostor and link flags go on items before any column or the desk sees them (set up below).
  const flagged = (event: StreamEvent): StreamEvent =>
    event.kind === 'items' ? { ...event, items: protection.flagger.flag(event.items) } : event;

  // Live Mastodon columns: streams feed subscribed sources; the poller falls back to full polling when one drops.
  const streaming = createStreamingManager({
    timers: { ...systemTimers, ...systemClock, random: systemRandom },
    resolve: mastodonStreamTargets(connectors),
    markStreaming: (columnKey, live) => poller.markStreaming(columnKey, live),
    onItems: (delivered) => {
      const batch = flagged(delivered);
      desk.intake(batch);
      events.emit('streams:items', toItemsEvent(batch));
    },
    onDeleted: (deletion) => events.emit('streams:deleted', deletion),
    onNeedsSignIn: (accountId) => connectors.reportAuthFailure(accountId),
    onError: (connection, error) => logFailure(`stream ${connection}`, error),
  });
  const poller = createPoller({
    clock: systemClock,
    timers: systemTimers,
    random: systemRandom,
    connectors: (source) => connectors.forSource(source),
    cursors: createCursorStore(createCursorRepository(store), createFeedCursorRepository(store)),
    onItems: (polled) => {
      const event = flagged(polled);
      streaming.notePolled(event); // so the stream does not deliver these again
      desk.intake(event);
      events.emit('streams:items', toItemsEvent(event));
    },
    onColumnState: (columnKey, state) =>
      events.emit('streams:state', { columnKey, state: toContractState(state) }),
    onError: (columnKey, error) => logFailure(`column ${columnKey}`, error),
  });
  const streams = createStreamsService({ poller, connectors, events, streaming });

  const media = createMediaStore(options.dataDir);
  const team = createTeamModule({ dataDir: options.dataDir, credentials, events, fetch: fetchImpl });
  // In a team, its policy (as the feed last brought it, so it holds offline) applies to every post here too.
  const teamPolicy = () => (team.policy.role() === null ? null : (team.policy.cached()?.policy ?? null));
  const publishing = createPublishingModule({
    store,
    dataDir: options.dataDir,
    settings: () =>
      withTeamPolicy(
        loadPublishingSettings(options.dataDir, (m) => logFailure('publishing settings', new Error(m))),
        teamPolicy(),
      ),
    extraBlockList: () => teamPolicy()?.blockList ?? '',
    accounts: () => registry.list(),
    gateway: createConnectorGateway({
      publisher: async (accountId) => requirePublisher(await connectors.forAccount(accountId)),
      media: (id) => media.get(id),
      uploads: createUploadedMediaRepository(store),
    }),
    clock: systemClock,
    timers: systemTimers,
    random: systemRandom,
    onChanged: (jobs) => {
      const contractJobs = jobs.map(toContractJob);
      desk.noteJobs(contractJobs);
      events.emit('outbox:changed', { jobs: contractJobs });
    },
    onError: (error) => logFailure('outbox', error),
    // Best-time history: counts of the account's own sent posts, read from the network it posted to.
    readEngagement: async (accountId, _network, remoteIds) =>
      requirePublisher(await connectors.forAccount(accountId)).readEngagement(remoteIds),
  });
  const mediaPruner = createMediaPruner({
    media,
    inUse: () => mediaInUse(publishing.repo),
    clock: systemClock,
    timers: backgroundTimers,
    onError: (error) => logFailure('media pruning', error),
  });

  // Hijack detection checks each account once per background polling interval.
  const protection = createProtectionModule({
    store,
    dataDir: options.dataDir,
    accounts: () => registry.list(),
    connectorFor: (id) => connectors.forAccount(id),
    jobs: (accountId) => publishing.repo.list({ accountIds: [accountId] }),
    clock: systemClock,
    timers: backgroundTimers,
    random: systemRandom,
    intervalMs: DEFAULT_POLLER_CONFIG.hiddenIntervalMs,
    onAlerts: (alerts) => events.emit('protection:alerts', { alerts }),
    onError: (context, error) => logFailure(context, error),
  });

  let stopPoller: (() => void) | null = null;
  let stopDeskParts: (() => void) | null = null;
  let stopPruner: (() => void) | null = null;
  let stopProtection: (() => void) | null = null;
  let outboxStarted: Promise<void> = Promise.resolve();
  // Started top to bottom, stopped bottom to top: columns close before their poller, the store last.
  const lifecycles: Lifecycle[] = [
    stopOnly(() => store.close()),
    stopOnly(async () => credentials.stop?.()),
    stopOnly(() => team.stop()), // the team feed socket and cache file close before the keychain
    { start: () => void (stopPoller = poller.start()), stop: () => stopPoller?.() },
    {
      start: () => {
        const stopDesk = desk.start();
        desk.attach(poller);
        const stopDeskSync = events.subscribe((name) => {
          if (name === 'accounts:changed') desk.syncAccounts();
        });
        stopDeskParts = () => {
          stopDeskSync();
          stopDesk();
        };
      },
      stop: () => stopDeskParts?.(),
    },
    stopOnly(() => streaming.stop()),
    {
      // The outbox's first pass reconciles jobs left in `sending`; the app does not wait for it.
      start: () =>
        void (outboxStarted = publishing.engine.start().catch((e) => logFailure('outbox start failed', e))),
      stop: async () => {
        await outboxStarted;
        await publishing.engine.stop();
      },
    },
    { start: () => void (stopPruner = mediaPruner.start()), stop: () => stopPruner?.() },
    { start: () => void (stopProtection = protection.watch.start()), stop: () => stopProtection?.() },
    stopOnly(() => streams.closeAll()),
  ];
  const stopAll = await startInOrder(lifecycles);

  const language = createAppLanguage();
  const router = createRouter(
    {
      ...appHandlers({ options, credentials, language }),
      ...accountsHandlers({ accounts, mastodonSignIn }),
      ...streamsHandlers({ streams, fetch: fetchImpl }),
      ...publishingHandlers({ service: publishing.service, media }),
      ...createShortenerHandlers({ store, credentials, fetch: fetchImpl }),
      ...createAnalyticsHandlers({
        store,
        accounts: () => registry.list(),
        connectorFor: (id) => connectors.forAccount(id),
        outbox: publishing.repo,
      }),
      ...composeHandlers(
        createMentionChecker({
          resolve: async (accountId, handles) =>
            asBlueskyConnector(await connectors.forAccount(accountId)).resolveMentions(handles),
          clock: systemClock,
        }),
      ),
      ...sandboxHandlers(
        createSandboxService({
          discoveryFile: overrides.sandboxDiscoveryFile ?? sandboxDiscoveryPath(),
          fetch: fetchImpl,
          accounts,
        }),
      ),
      ...governanceHandlers({
        dataDir: options.dataDir,
        accounts: () => registry.list(),
        profiles: () => readProfileTexts(registry.list(), (id) => connectors.forAccount(id)),
        onProblem: (message) => console.error(`[roost] governance: ${message}`),
        team: team.policy,
      }),
      ...team.handlers,
      ...desk.handlers,
      ...protection.handlers,
    },
    { onInternalError: (method, error) => logFailure(`${method} failed`, error) },
  );

  return {
    router,
    events,
    language,
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
    stop: stopAll,
  };
}
