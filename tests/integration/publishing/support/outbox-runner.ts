// A child process that runs the real outbox on a SQLite file until every job is settled, publishing through
// the real Bluesky or Mastodon connector. The crash tests SIGKILL it at random moments and start it again.
// Usage: node outbox-runner.ts <db> (config in ROOST_RUNNER as JSON); prints "started" once the engine runs.
import { createBlueskyConnector } from '../../../../src-main/connectors/bluesky/bluesky-connector.ts';
import { signInToBluesky } from '../../../../src-main/connectors/bluesky/sign-in.ts';
import { createMastodonConnector } from '../../../../src-main/connectors/mastodon/mastodon-connector.ts';
import { createConnectorGateway } from '../../../../src-main/publishing/connector-gateway.ts';
import { createPublishingModule } from '../../../../src-main/publishing/publishing-module.ts';
import { DEFAULT_SETTINGS_FOR_TESTS, type RunnerConfig } from './runner-config.ts';
import { openMainStore } from '../../../../src-main/store/main-store.ts';
import { createUploadedMediaRepository } from '../../../../src-main/publishing/uploaded-media-repository.ts';

const config = JSON.parse(process.env.ROOST_RUNNER ?? '{}') as RunnerConfig;
const store = openMainStore({ path: config.db });

const bluesky = async () => {
  if (!config.bluesky) throw new Error('no Bluesky account configured');
  const identity = await signInToBluesky({
    service: config.bluesky.service,
    identifier: config.bluesky.identifier,
    appPassword: config.bluesky.appPassword,
  });
  return createBlueskyConnector({
    service: config.bluesky.service,
    session: { ...identity.session, did: identity.did, handle: identity.handle },
    onSessionUpdate: () => undefined,
  });
};
let blueskyConnector: ReturnType<typeof bluesky> | null = null;
const mastodon = config.mastodon
  ? createMastodonConnector({
      accountId: config.accountId,
      origin: config.mastodon.origin,
      accessToken: config.mastodon.token,
    })
  : null;

const module = createPublishingModule({
  store,
  dataDir: config.dataDir,
  accounts: () => [],
  gateway: createConnectorGateway({
    // The runner publishes as its one account: Mastodon when configured, otherwise Bluesky.
    publisher: async () => {
      if (mastodon) return mastodon.publisher;
      return (await (blueskyConnector ??= bluesky())).publisher;
    },
    uploads: createUploadedMediaRepository(store),
  }),
  clock: { now: Date.now },
  timers: {
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  },
  random: Math.random,
  onChanged: () => undefined,
  onError: (error) =>
    process.stderr.write(`outbox error: ${error instanceof Error ? error.message : String(error)}\n`),
  settings: () => DEFAULT_SETTINGS_FOR_TESTS,
  concurrency: 6,
  retry: { baseMs: 200, capMs: 2_000, maxAttempts: 50 },
});

await module.engine.start();
process.stdout.write('started\n');
const unsettled = store.db.prepare(
  "SELECT count(*) AS n FROM outbox_jobs WHERE state NOT IN ('sent', 'failed', 'cancelled', 'needs_attention', 'overdue')",
);
const poll = setInterval(() => {
  if (Number(unsettled.get()?.['n']) === 0) {
    clearInterval(poll);
    void module.engine.stop().then(() => {
      store.close();
      process.exit(0);
    });
  }
}, 100);
