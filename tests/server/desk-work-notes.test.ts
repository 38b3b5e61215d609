// An internal note never leaves the team. The brand account's "network" here is a local HTTP server that
// records every request the server makes for it; a reply written next to the note must reach it (so the
// recorder does see the publish path), while the note's text must appear in no request, no brand post, no
// approval request, no job of the brand outbox and no brandPost change.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRAND_OUTBOX_FILE } from '../../src-server/brand/brand-outbox.ts';
import { startTeamFixture, type Desktop, type TeamFixture } from './support/team-fixture.ts';
import { queryDatabase, stopPostgresAfterAll, TEAM_ENGINES } from './support/engines.ts';
import { seedClosedPortBrandAccount } from './support/brand-account-seed.ts';
import { CONTACT_POST_CID, seedConversation } from './support/desk-work-seed.ts';

stopPostgresAfterAll();

const NOTE = 'INTERNAL-ONLY refund approved by finance, do not tell the customer yet';
const REPLY = 'We are looking into your refund now.';

describe.each(TEAM_ENGINES)('a note stays inside the team (%s)', (engine) => {
  let team: TeamFixture;
  let expert: Desktop;
  let network: Server;
  const requests: string[] = [];

  beforeAll(async () => {
    // A PDS that renews the session and answers reads, then fails the write as a server in trouble: the
    // outbox keeps the job and retries, nothing is published.
    network = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        requests.push(`${req.method} ${req.url}\n${JSON.stringify(req.headers)}\n${body}`);
        const answer = (status: number, value: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(value));
        };
        const session = {
          accessJwt: 'a2',
          refreshJwt: 'r2',
          did: 'did:plc:closedport',
          handle: 'closed.test',
        };
        if (/server\.(refreshSession|getSession)/.test(req.url ?? '')) return answer(200, session);
        const url = new URL(req.url ?? '/', 'http://network.invalid');
        if (url.pathname.endsWith('feed.getPosts')) return answer(200, { posts: [] });
        if (url.pathname.endsWith('repo.getRecord')) {
          // The outbox asks whether its post already exists (exactly once): it does not. The contact's
          // post, which the reply answers, does.
          if (url.searchParams.get('repo') === 'did:plc:closedport') {
            return answer(400, { error: 'RecordNotFound', message: 'Could not locate record' });
          }
          const uri = `at://${url.searchParams.get('repo')}/app.bsky.feed.post/${url.searchParams.get('rkey')}`;
          const value = {
            $type: 'app.bsky.feed.post',
            text: 'I want a refund',
            createdAt: new Date().toISOString(),
          };
          return answer(200, { uri, cid: CONTACT_POST_CID, value });
        }
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end('{"error":"Unavailable"}');
      });
    });
    await new Promise<void>((resolve) => network.listen(0, '127.0.0.1', resolve));
    const address = network.address();
    const service = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    team = await startTeamFixture({ engine });
    expert = await team.join('expert', 'Grace');
    const accountId = await seedClosedPortBrandAccount(engine, team.storage, team.owner.memberId, service);
    await team.owner.client.call('brandAccounts:setAccess', {
      accountId,
      memberId: expert.memberId,
      access: 'publish',
    });
    const id = await seedConversation(
      engine,
      team.storage,
      accountId,
      { handle: 'ada.test', displayName: 'Ada' },
      'I want a refund',
    );
    const note = await expert.client.call('conversations:addNote', { id, text: NOTE, mentions: [] });
    expect(note.ok).toBe(true);
    const reply = await expert.client.call('conversations:reply', {
      id,
      text: REPLY,
      draftStartedAt: Date.now(),
      sendAnyway: false,
    });
    expect(reply).toMatchObject({ ok: true, value: { outcome: 'sent' } });
    // Wait for the outbox's first attempt to reach the "network".
    const deadline = Date.now() + 10_000;
    while (!requests.some((r) => r.includes(REPLY)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, 60_000);
  afterAll(async () => {
    await team.stop();
    await new Promise((resolve) => network.close(resolve));
  });

  it('reaches no connector call, while the reply does', () => {
    expect(requests.some((r) => r.includes(REPLY))).toBe(true);
    expect(requests.filter((r) => r.includes('INTERNAL-ONLY'))).toEqual([]);
  });

  it('is in no brand post, approval request or brandPost change', async () => {
    for (const sql of [
      "SELECT id FROM brand_posts WHERE text LIKE '%INTERNAL-ONLY%' OR payload LIKE '%INTERNAL-ONLY%'",
      "SELECT id FROM approval_requests WHERE record LIKE '%INTERNAL-ONLY%'",
      "SELECT seq FROM changes WHERE entity IN ('brandPost', 'approval') AND data LIKE '%INTERNAL-ONLY%'",
    ]) {
      expect(await queryDatabase(team.storage, sql)).toEqual([]);
    }
    expect(
      await queryDatabase(team.storage, "SELECT id FROM desk_notes WHERE text LIKE '%INTERNAL-ONLY%'"),
    ).toHaveLength(1);
  });

  it('is in no job of the brand outbox', () => {
    const file = path.join(team.dataDir, BRAND_OUTBOX_FILE);
    const bytes = [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1'));
    expect(bytes.join('').includes(REPLY)).toBe(true);
    expect(bytes.join('').includes('INTERNAL-ONLY')).toBe(false);
  });
});
