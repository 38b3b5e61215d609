// The inquiry desk on the team server against the real local Bluesky network: alice.test mentions
// brand.test about a double charge; the server's poller brings the inquiry in, routing gives it to the
// expert with the billing skill (not to the one who handles deliveries), and that expert's reply, sent
// through the server's brand outbox, lands on the network exactly once, as a reply to alice's post.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AtpAgent } from '@atproto/api';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseInvitationLink } from '../../../src-main/team/team-client.ts';
import { startTeamServer, type TeamServer } from '../../../src-server/team-server.ts';
import { SandboxClient } from '../../support/sandbox-client.ts';
import { joinWithCode, type Desktop } from '../../server/support/team-fixture.ts';
import { recordFeed, type FeedRecorder } from '../../server/support/feed-recorder.ts';
import { expertProfile } from '../../server/support/desk-seed.ts';

const info = inject('sandbox');
const sandbox = new SandboxClient(info);
const brand = sandbox.account('brand.test');

async function until<T>(what: string, read: () => Promise<T | null | undefined>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** brand.test's posts on its PDS whose text is exactly `text`. */
async function postsWithText(text: string): Promise<Record<string, unknown>[]> {
  const agent = new AtpAgent({ service: info.pdsUrl });
  const page = await agent.com.atproto.repo.listRecords({
    repo: brand.did,
    collection: 'app.bsky.feed.post',
    limit: 100,
  });
  return page.data.records
    .map((r) => r.value as Record<string, unknown>)
    .filter((value) => value['text'] === text);
}

describe('the inquiry desk on the team server', () => {
  let dataDir: string;
  let server: TeamServer;
  let owner: Desktop;
  let billing: Desktop;
  let delivery: Desktop;
  const feeds: FeedRecorder[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'roost-desk-team-'));
    server = await startTeamServer({ dataDir, port: 0, brandPollIntervalMs: 1_000, warn: () => undefined });
    owner = await joinWithCode(server.url, parseInvitationLink(server.ownerInvitation ?? '')!.code, 'Owner');
    const join = async (name: string) => {
      const invitation = await owner.client.call('invitations:create', { role: 'expert', expiresInHours: 1 });
      if (!invitation.ok) throw new Error(invitation.error.code);
      return joinWithCode(server.url, invitation.value.code, name);
    };
    billing = await join('Billing expert');
    delivery = await join('Delivery expert');
    const connected = await owner.client.call('brandAccounts:connect', {
      network: 'bluesky',
      service: info.pdsUrl,
      handle: brand.handle,
      appPassword: brand.appPassword,
    });
    if (!connected.ok) throw new Error(connected.error.message);
    for (const [member, skill] of [
      [billing, 'billing'],
      [delivery, 'delivery'],
    ] as const) {
      await owner.client.call('brandAccounts:setAccess', {
        accountId: connected.value.id,
        memberId: member.memberId,
        access: 'reply',
      });
      const updated = await owner.client.call('experts:update', {
        memberId: member.memberId,
        profile: expertProfile([skill], 5),
      });
      if (!updated.ok) throw new Error(updated.error.message);
      // An expert counts as online while a desktop of theirs follows the feed.
      feeds.push(recordFeed(member.client));
      const available = await member.client.call('experts:setAvailability', {
        availability: 'available',
        awayReason: null,
      });
      if (!available.ok) throw new Error(available.error.message);
    }
  }, 60_000);

  afterAll(async () => {
    await Promise.all(feeds.map((feed) => feed.follower.stop()));
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('routes a mention to the expert with the skill, whose reply lands on the network once', async () => {
    const word = `kw${randomUUID().replace(/-/g, '').slice(0, 10)}`;
    const question = await sandbox.post({
      handle: 'alice.test',
      text: `Hello @brand.test I was charged twice, I need a refund ${word}`,
    });
    const mine = await until('the inquiry in the billing expert’s queue', async () => {
      const listed = await billing.client.call('conversations:list', { view: 'mine' });
      return listed.ok ? listed.value.find((c) => c.excerpt.includes(word)) : null;
    });
    expect(mine).toMatchObject({ ownerId: billing.memberId, skills: expect.arrayContaining(['billing']) });
    const elsewhere = await delivery.client.call('conversations:list', { view: 'mine' });
    expect(elsewhere.ok && elsewhere.value.some((c) => c.id === mine.id)).toBe(false);

    const text = `Sorry about that, the refund is on its way ${word}`;
    const sent = await billing.client.call('conversations:reply', {
      id: mine.id,
      text,
      draftStartedAt: Date.now(),
      sendAnyway: false,
    });
    expect(sent).toMatchObject({ ok: true, value: { outcome: 'sent' } });
    const [landed] = await until('the reply on the PDS', async () => {
      const found = await postsWithText(text);
      return found.length > 0 ? found : null;
    });
    expect((landed!['reply'] as { parent: { uri: string } }).parent.uri).toBe(question.uri);
    await server.brandSettled();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await postsWithText(text)).toHaveLength(1);
  });
});
