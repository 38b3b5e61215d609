// Seeds an outbox with many scheduled posts, then runs the outbox runner in a child process and SIGKILLs it
// at random moments, restarting it each time, until it finishes on its own.
import type { PostRef } from '../../../../src-shared/compose/post.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openMainStore } from '../../../../src-main/store/main-store.ts';
import { createPublishingModule } from '../../../../src-main/publishing/publishing-module.ts';
import type { PublishGateway } from '../../../../src-main/publishing/publish-gateway.ts';
import type { Account } from '../../../../src-shared/domain/account.ts';
import { DEFAULT_SETTINGS_FOR_TESTS, type RunnerConfig } from './runner-config.ts';

const RUNNER = fileURLToPath(new URL('./outbox-runner.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

const noNetwork: PublishGateway = {
  send: () => Promise.reject(new Error('seeding only')),
  reconcile: () => Promise.resolve(null),
  reschedule: () => Promise.resolve(),
  unschedule: () => Promise.resolve(),
};

/** Submits `texts` through the real service, scheduled `spreadMs` apart from `startMs`. */
export function seedOutbox(
  config: RunnerConfig,
  account: Account,
  texts: readonly string[],
  startMs: number,
  spreadMs: number,
  /** When set, every post answers this one (a reply), as the inline reply box sends it. */
  replyTo: PostRef | null = null,
): void {
  const store = openMainStore({ path: config.db });
  const module = createPublishingModule({
    store,
    dataDir: config.dataDir,
    accounts: () => [account],
    gateway: noNetwork,
    clock: { now: Date.now },
    timers: { setTimeout: () => null, clearTimeout: () => undefined },
    random: Math.random,
    onChanged: () => undefined,
    settings: () => DEFAULT_SETTINGS_FOR_TESTS,
  });
  texts.forEach((text, i) => {
    module.service.submit({
      draftId: null,
      post: {
        targets: [
          {
            accountId: account.id,
            network: account.network as 'bluesky',
            text,
            contentWarning: null,
            media: [],
          },
        ],
        replyTo,
        quote: null,
        scheduledAt: new Date(startMs + i * spreadMs).toISOString(),
      },
      clearanceId: null,
      undoSeconds: 0,
      campaign: null,
    });
  });
  store.close();
}

function spawnRunner(config: RunnerConfig): {
  child: ChildProcess;
  started: Promise<void>;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', RUNNER], {
    cwd: REPO,
    env: { ...process.env, ROOST_RUNNER: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const started = new Promise<void>((resolve) => {
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      if (chunk.includes('started')) resolve();
    });
    child.once('exit', () => resolve());
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, started, exited };
}

export interface CrashLoopResult {
  readonly kills: number;
  readonly finalExit: number | null;
}

/** Kills the runner `kills` times at random moments (0–`maxDelayMs` after it started), then lets it finish. */
export async function crashLoop(
  config: RunnerConfig,
  kills: number,
  maxDelayMs: number,
  random: () => number,
): Promise<CrashLoopResult> {
  let done = 0;
  while (done < kills) {
    const run = spawnRunner(config);
    await run.started;
    await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * maxDelayMs)));
    if (run.child.exitCode !== null) break; // It finished everything before the kill.
    run.child.kill('SIGKILL');
    await run.exited;
    done += 1;
  }
  const last = spawnRunner(config);
  const timer = setTimeout(() => last.child.kill('SIGKILL'), 120_000);
  const finalExit = await last.exited;
  clearTimeout(timer);
  return { kills: done, finalExit };
}
