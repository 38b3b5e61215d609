// The real publishing module (outbox, guards, scheduler) on a temporary SQLite store and media folder,
// publishing through a signed-in Bluesky connector on the local network. Shared by the integration tests
// that send posts; `stop` shuts it down and removes its files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BlueskyConnector } from '../../../../src-main/connectors/bluesky/bluesky-connector.ts';
import { createConnectorGateway } from '../../../../src-main/publishing/connector-gateway.ts';
import { createMediaStore, type MediaStore } from '../../../../src-main/publishing/media-store.ts';
import type { StoredJob } from '../../../../src-main/publishing/outbox-job.ts';
import {
  createPublishingModule,
  type PublishingModule,
  type PublishingModuleDeps,
} from '../../../../src-main/publishing/publishing-module.ts';
import { openMainStore, type MainStore } from '../../../../src-main/store/main-store.ts';
import type { OutgoingPost } from '../../../../src-shared/compose/post.ts';
import type { Account } from '../../../../src-shared/domain/account.ts';
import { DEFAULT_SETTINGS_FOR_TESTS } from './runner-config.ts';

export interface BlueskyOutbox {
  readonly module: PublishingModule;
  readonly store: MainStore;
  readonly media: MediaStore;
  /** Waits until every job has left the outbox's working states (sent, failed or needs attention). */
  settled(jobIds: readonly string[]): Promise<StoredJob[]>;
  /** Submits the post with no undo window or clearance and waits until its jobs are settled. */
  publishNow(post: OutgoingPost): Promise<StoredJob[]>;
  stop(): Promise<void>;
}

const FINAL_STATES = new Set(['sent', 'failed', 'needs_attention']);

export async function startBlueskyOutbox(
  connector: BlueskyConnector,
  account: Account,
  extra: Partial<Pick<PublishingModuleDeps, 'clock' | 'onError' | 'readEngagement'>> = {},
): Promise<BlueskyOutbox> {
  const dir = mkdtempSync(join(tmpdir(), 'roost-outbox-'));
  const store = openMainStore({ path: join(dir, 'main.sqlite') });
  const media = createMediaStore(dir);
  const module = createPublishingModule({
    store,
    dataDir: dir,
    accounts: () => [account],
    gateway: createConnectorGateway({
      publisher: async () => connector.publisher,
      media: (id) => media.get(id),
    }),
    clock: { now: Date.now },
    timers: {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    },
    random: Math.random,
    onChanged: () => undefined,
    settings: () => DEFAULT_SETTINGS_FOR_TESTS,
    actor: 'tester',
    ...extra,
  });
  await module.engine.start();
  const settled = async (jobIds: readonly string[]): Promise<StoredJob[]> => {
    const read = (): StoredJob[] => jobIds.map((id) => module.repo.get(id)!);
    for (let i = 0; i < 600 && !read().every((job) => FINAL_STATES.has(job.state)); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return read();
  };
  return {
    module,
    store,
    media,
    settled,
    publishNow(post) {
      const { jobs } = module.service.submit({
        draftId: null,
        post,
        clearanceId: null,
        undoSeconds: 0,
        campaign: null,
      });
      return settled(jobs.map((job) => job.id));
    },
    async stop() {
      await module.engine.stop();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
