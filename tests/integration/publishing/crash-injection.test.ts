// Crash injection: 500 scheduled posts (and 200 replies to one post) published by an outbox in a child process that is SIGKILLed at random
// moments at least 20 times and restarted. Afterwards every post exists exactly once: on the real local
// Bluesky network (listed with com.atproto.repo.listRecords), and on the Mastodon replay server (responses
// from the official API docs, honouring Idempotency-Key).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtpAgent } from '@atproto/api';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { htmlToText } from '../../../src-main/connectors/mastodon/html-text.ts';
import { openMainStore } from '../../../src-main/store/main-store.ts';
import type { Account } from '../../../src-shared/domain/account.ts';
import { SandboxClient } from '../../support/sandbox-client.ts';
import { MastodonReplayServer } from '../../support/mastodon-replay/server.ts';
import { crashLoop, seedOutbox } from './support/crash-loop.ts';
import type { RunnerConfig } from './support/runner-config.ts';

const POSTS = 500;
const KILLS = 20;
const REPLIES = 200;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function workspace(): { db: string; dataDir: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'roost-crash-'));
  dirs.push(dataDir);
  return { db: join(dataDir, 'main.sqlite'), dataDir };
}

function account(id: string, network: 'bluesky' | 'mastodon', handle: string): Account {
  return {
    id,
    network,
    service: 'http://127.0.0.1',
    remoteId: id,
    handle,
    displayName: handle,
    avatarUrl: null,
    status: 'active',
    protected: false,
    createdAt: new Date().toISOString(),
  };
}

function jobStates(db: string): Record<string, number> {
  const store = openMainStore({ path: db });
  const rows = store.db.prepare('SELECT state, count(*) AS n FROM outbox_jobs GROUP BY state').all();
  store.close();
  return Object.fromEntries(rows.map((r) => [String(r['state']), Number(r['n'])]));
}

function countTexts(
  texts: readonly string[],
  marker: string,
  expected = POSTS,
): { duplicates: number; lost: number; stray: number } {
  const counts = new Map<string, number>();
  for (const text of texts) if (text.includes(marker)) counts.set(text, (counts.get(text) ?? 0) + 1);
  let duplicates = 0;
  let lost = 0;
  for (let i = 0; i < expected; i++) {
    const n = counts.get(`${marker} post ${i}`) ?? 0;
    if (n === 0) lost += 1;
    if (n > 1) duplicates += n - 1;
  }
  const stray = [...counts.keys()].filter((t) => !/ post \d+$/.test(t)).length;
  return { duplicates, lost, stray };
}

describe('outbox under SIGKILL', () => {
  it(
    'publishes 500 scheduled Bluesky posts exactly once across 20+ kills',
    { timeout: 300_000 },
    async () => {
      const sandbox = new SandboxClient(inject('sandbox'));
      const user = await sandbox.createAccount({ handlePrefix: 'crash' });
      const { db, dataDir } = workspace();
      const config: RunnerConfig = {
        db,
        dataDir,
        accountId: 'acct-bsky',
        bluesky: { service: sandbox.info.pdsUrl, identifier: user.handle, appPassword: user.appPassword },
      };
      const marker = `crash${Date.now().toString(36)}`;
      const texts = Array.from({ length: POSTS }, (_, i) => `${marker} post ${i}`);
      seedOutbox(config, account('acct-bsky', 'bluesky', user.handle), texts, Date.now() + 3_000, 200);

      const result = await crashLoop(config, KILLS, 1_500, seeded(11));
      expect(result.kills).toBeGreaterThanOrEqual(KILLS);
      expect(result.finalExit).toBe(0);
      expect(jobStates(db)).toEqual({ sent: POSTS });

      const agent = new AtpAgent({ service: sandbox.info.pdsUrl });
      const records: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await agent.com.atproto.repo.listRecords({
          repo: user.did,
          collection: 'app.bsky.feed.post',
          limit: 100,
          ...(cursor ? { cursor } : {}),
        });
        records.push(...page.data.records.map((r) => String((r.value as { text?: unknown }).text)));
        cursor = page.data.records.length === 100 ? page.data.cursor : undefined;
      } while (cursor);
      const tally = countTexts(records, marker);
      console.log(
        `[crash-injection] bluesky: ${result.kills} kills, ${records.length} records, ${tally.duplicates} duplicates, ${tally.lost} lost`,
      );
      expect(tally).toEqual({ duplicates: 0, lost: 0, stray: 0 });
      expect(records).toHaveLength(POSTS);
    },
  );

  it('publishes 200 replies to one post exactly once across 20+ kills', { timeout: 300_000 }, async () => {
    const sandbox = new SandboxClient(inject('sandbox'));
    const user = await sandbox.createAccount({ handlePrefix: 'crashrep' });
    const asker = await sandbox.createAccount({ handlePrefix: 'crashask' });
    const parent = await sandbox.post({ handle: asker.handle, text: 'A question for the brand' });
    const { db, dataDir } = workspace();
    const config: RunnerConfig = {
      db,
      dataDir,
      accountId: 'acct-bsky',
      bluesky: { service: sandbox.info.pdsUrl, identifier: user.handle, appPassword: user.appPassword },
    };
    const marker = `crashreply${Date.now().toString(36)}`;
    const texts = Array.from({ length: REPLIES }, (_, i) => `${marker} post ${i}`);
    const replyTo = {
      network: 'bluesky' as const,
      remoteId: parent.uri,
      cid: parent.cid,
      sourceAccountId: null,
    };
    // 80 s of scheduled replies: each kill and restart takes about 3 s, so work is left for every kill.
    seedOutbox(config, account('acct-bsky', 'bluesky', user.handle), texts, Date.now() + 3_000, 400, replyTo);

    const result = await crashLoop(config, KILLS, 1_500, seeded(37));
    expect(result.kills).toBeGreaterThanOrEqual(KILLS);
    expect(result.finalExit).toBe(0);
    expect(jobStates(db)).toEqual({ sent: REPLIES });

    const agent = new AtpAgent({ service: sandbox.info.pdsUrl });
    const page = await agent.com.atproto.repo.listRecords({
      repo: user.did,
      collection: 'app.bsky.feed.post',
      limit: 100,
    });
    const records = [...page.data.records];
    let cursor = page.data.records.length === 100 ? page.data.cursor : undefined;
    while (cursor) {
      const next = await agent.com.atproto.repo.listRecords({
        repo: user.did,
        collection: 'app.bsky.feed.post',
        limit: 100,
        cursor,
      });
      records.push(...next.data.records);
      cursor = next.data.records.length === 100 ? next.data.cursor : undefined;
    }
    const values = records.map((r) => r.value as { text?: unknown; reply?: { parent?: { uri?: unknown } } });
    const tally = countTexts(
      values.map((v) => String(v.text)),
      marker,
      REPLIES,
    );
    console.log(
      `[crash-injection] bluesky replies: ${result.kills} kills, ${records.length} records, ${tally.duplicates} duplicates, ${tally.lost} lost`,
    );
    expect(tally).toEqual({ duplicates: 0, lost: 0, stray: 0 });
    expect(values.every((v) => v.reply?.parent?.uri === parent.uri)).toBe(true);
  });

  it(
    'publishes 500 scheduled Mastodon posts exactly once across 20+ kills (replay server)',
    { timeout: 300_000 },
    async () => {
      const server = await MastodonReplayServer.start({ rateLimitBudget: 1_000_000, statusesPerTimeline: 1 });
      try {
        const { db, dataDir } = workspace();
        const config: RunnerConfig = {
          db,
          dataDir,
          accountId: 'acct-masto',
          mastodon: { origin: server.origin, token: server.token },
        };
        const marker = `crash${Date.now().toString(36)}`;
        const texts = Array.from({ length: POSTS }, (_, i) => `${marker} post ${i}`);
        seedOutbox(
          config,
          account('acct-masto', 'mastodon', 'brand@replay.example'),
          texts,
          Date.now() + 2_000,
          // Spread wide enough that work always remains for every one of the kills, however fast the machine.
          150,
        );

        const result = await crashLoop(config, KILLS, 1_200, seeded(23));
        expect(result.kills).toBeGreaterThanOrEqual(KILLS);
        expect(result.finalExit).toBe(0);
        expect(jobStates(db)).toEqual({ sent: POSTS });
        const posted = server.posted.map((s) => htmlToText(String(s.content)).text);
        const tally = countTexts(posted, marker);
        const resent = server.requestsTo('POST', '/api/v1/statuses').length - POSTS;
        console.log(
          `[crash-injection] mastodon: ${result.kills} kills, ${posted.length} statuses, ${resent} resends answered by Idempotency-Key, ${tally.duplicates} duplicates, ${tally.lost} lost`,
        );
        expect(tally).toEqual({ duplicates: 0, lost: 0, stray: 0 });
        expect(posted).toHaveLength(POSTS);
      } finally {
        await server.close();
      }
    },
  );
});
