// Scheduling accuracy: N posts at distinct due times over a few minutes, published by the real outbox under
// real timers through the real Bluesky connector on the local network. Lateness = the record's createdAt
// (set just before the PDS write) minus the due time. Uses ROOST_SANDBOX_INFO or starts tests/sandbox/start.ts.
// Usage: node tests/bench/schedule.ts [posts=200] [spreadSeconds=180]. Last stdout line: one JSON object.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { AtpAgent } from '@atproto/api';
import { createBlueskyConnector } from '../../src-main/connectors/bluesky/bluesky-connector.ts';
import { signInToBluesky } from '../../src-main/connectors/bluesky/sign-in.ts';
import { createConnectorGateway } from '../../src-main/publishing/connector-gateway.ts';
import { createPublishingModule } from '../../src-main/publishing/publishing-module.ts';
import { openMainStore } from '../../src-main/store/main-store.ts';
import { DEFAULT_SETTINGS_FOR_TESTS } from '../integration/publishing/support/runner-config.ts';
import {
  SANDBOX_LINE_PREFIX,
  SandboxClient,
  parseSandboxInfo,
  type SandboxInfo,
} from '../support/sandbox-client.ts';

const POSTS = Number(process.argv[2] ?? 200);
const SPREAD_MS = Number(process.argv[3] ?? 180) * 1000;
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

async function sandbox(): Promise<{ info: SandboxInfo; child: ChildProcess | null }> {
  if (process.env.ROOST_SANDBOX_INFO)
    return { info: parseSandboxInfo(process.env.ROOST_SANDBOX_INFO.trim()), child: null };
  const child = spawn(process.execPath, ['tests/sandbox/start.ts', '--watch-stdin'], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const info = await new Promise<SandboxInfo>((resolve, reject) => {
    child.once('exit', () => reject(new Error('sandbox exited early')));
    lines.on('line', (line) => {
      if (line.startsWith(SANDBOX_LINE_PREFIX)) resolve(parseSandboxInfo(line));
    });
  });
  child.stdout?.resume();
  return { info, child };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const { info, child } = await sandbox();
const dataDir = mkdtempSync(join(tmpdir(), 'roost-bench-schedule-'));
try {
  const client = new SandboxClient(info);
  const user = await client.createAccount({ handlePrefix: 'sched' });
  const identity = await signInToBluesky({
    service: info.pdsUrl,
    identifier: user.handle,
    appPassword: user.appPassword,
  });
  const connector = createBlueskyConnector({
    service: info.pdsUrl,
    session: { ...identity.session, did: identity.did, handle: identity.handle },
    onSessionUpdate: () => undefined,
  });
  const store = openMainStore({ path: join(dataDir, 'main.sqlite') });
  const account = {
    id: 'acct-bench',
    network: 'bluesky' as const,
    service: info.pdsUrl,
    remoteId: identity.did,
    handle: identity.handle,
    displayName: identity.handle,
    avatarUrl: null,
    status: 'active' as const,
    protected: false,
    createdAt: new Date().toISOString(),
  };
  const module = createPublishingModule({
    store,
    dataDir,
    accounts: () => [account],
    gateway: createConnectorGateway({
      publisher: async () => (await connector).publisher,
    }),
    clock: { now: Date.now },
    timers: {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
    },
    random: Math.random,
    onChanged: () => undefined,
    settings: () => DEFAULT_SETTINGS_FOR_TESTS,
  });
  await connector; // Signed in and resumed before the clock starts.
  await module.engine.start();

  const marker = `sched${Date.now().toString(36)}`;
  const start = Date.now() + 5_000;
  const due = new Map<string, number>();
  for (let i = 0; i < POSTS; i++) {
    // Distinct due times, spread evenly with jitter so neighbours do not fall on round milliseconds.
    const at = Math.round(start + (i * SPREAD_MS) / POSTS + Math.random() * (SPREAD_MS / POSTS / 2));
    const text = `${marker} scheduled ${i}`;
    due.set(text, at);
    module.service.submit({
      draftId: null,
      post: {
        targets: [{ accountId: account.id, network: 'bluesky', text, contentWarning: null, media: [] }],
        replyTo: null,
        quote: null,
        scheduledAt: new Date(at).toISOString(),
      },
      clearanceId: null,
      undoSeconds: 0,
      campaign: null,
    });
  }
  const pending = store.db.prepare(
    "SELECT count(*) AS n FROM outbox_jobs WHERE state NOT IN ('sent', 'failed', 'needs_attention', 'overdue', 'cancelled')",
  );
  const deadline = start + SPREAD_MS + 60_000;
  while (Number(pending.get()?.['n']) > 0 && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 250));
  await module.engine.stop();
  const states = store.db.prepare('SELECT state, count(*) AS n FROM outbox_jobs GROUP BY state').all();
  store.close();

  const agent = new AtpAgent({ service: info.pdsUrl });
  const lateness: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await agent.com.atproto.repo.listRecords({
      repo: identity.did,
      collection: 'app.bsky.feed.post',
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    for (const record of page.data.records) {
      const value = record.value as { text?: string; createdAt?: string };
      const at = due.get(value.text ?? '');
      if (at !== undefined && value.createdAt) lateness.push(Date.parse(value.createdAt) - at);
    }
    cursor = page.data.records.length === 100 ? page.data.cursor : undefined;
  } while (cursor);

  const sorted = [...lateness].sort((a, b) => a - b);
  const within = sorted.filter((ms) => ms >= 0 && ms <= 2_000).length;
  console.error(
    `states: ${JSON.stringify(states)}; early: ${sorted.filter((ms) => ms < 0).length}; max late: ${sorted.at(-1)} ms`,
  );
  console.log(
    JSON.stringify({
      posts: lateness.length,
      scheduled: POSTS,
      within2sPct: Math.round((within / POSTS) * 10_000) / 100,
      p50LateMs: percentile(sorted, 50),
      p95LateMs: percentile(sorted, 95),
      maxLateMs: sorted.at(-1) ?? null,
    }),
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
  if (child) {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}
