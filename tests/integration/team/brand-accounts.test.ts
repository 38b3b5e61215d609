// Brand accounts held by the team server, against the real local Bluesky network: an admin connects
// brand.test; an expert with reply access replies to alice.test through the server's outbox, and the reply
// exists once on the network, even when the request is sent again with the same key; a viewer is refused,
// and so is the expert once their access is taken away. The server's poller brings a new mention into the
// feed. The app password never appears in any answer, any feed change or the team database's files.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AtpAgent } from '@atproto/api';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TeamRole } from '../../../src-shared/team/team-contract.ts';
import type { TeamChange } from '../../../src-shared/team/team-feed.ts';
import {
  createTeamClient,
  parseInvitationLink,
  type TeamClient,
} from '../../../src-main/team/team-client.ts';
import { startTeamServer, type TeamServer } from '../../../src-server/team-server.ts';
import { SandboxClient } from '../../support/sandbox-client.ts';
import { memoryKeyStore } from '../../server/support/team-fixture.ts';
import { recordFeed, type FeedRecorder } from '../../server/support/feed-recorder.ts';

const info = inject('sandbox');
const sandbox = new SandboxClient(info);
const brand = sandbox.account('brand.test');
const word = () => `kw${randomUUID().replace(/-/g, '').slice(0, 12)}`;

/** Every body the server sent to any desktop in this file, to search for the secret afterwards. */
const answers: string[] = [];
const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  answers.push(await response.clone().text());
  return response;
};

interface Member {
  readonly client: TeamClient;
  readonly memberId: string;
}

async function join(server: TeamServer, code: string, name: string): Promise<Member> {
  const client = createTeamClient({
    serverUrl: server.url,
    keyStore: memoryKeyStore(),
    fetch: recordingFetch,
  });
  const joined = await client.join(code, { displayName: name, deviceName: `${name}'s laptop` });
  if (!joined.ok) throw new Error(`join refused: ${joined.error.code}`);
  return { client, memberId: joined.value.memberId };
}

async function until<T>(
  what: string,
  read: () => Promise<T | null | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The brand account's posts on its PDS whose text is exactly `text`. */
async function postsWithText(text: string): Promise<{ uri: string; value: Record<string, unknown> }[]> {
  const agent = new AtpAgent({ service: info.pdsUrl });
  const page = await agent.com.atproto.repo.listRecords({
    repo: brand.did,
    collection: 'app.bsky.feed.post',
    limit: 100,
  });
  return page.data.records
    .map((r) => ({ uri: r.uri, value: r.value as Record<string, unknown> }))
    .filter((r) => r.value['text'] === text);
}

describe('brand accounts on the team server', () => {
  let dataDir: string;
  let server: TeamServer;
  let owner: Member;
  const members = new Map<TeamRole, Member>();
  const feeds = new Map<string, FeedRecorder>();
  const warnings: string[] = [];
  let accountId = '';

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'roost-brand-'));
    server = await startTeamServer({
      dataDir,
      port: 0,
      brandPollIntervalMs: 1_000,
      warn: (message) => warnings.push(message),
    });
    const link = parseInvitationLink(server.ownerInvitation ?? '');
    owner = await join(server, link!.code, 'Owner');
    for (const role of ['expert', 'viewer', 'lead'] as const) {
      const invitation = await owner.client.call('invitations:create', { role, expiresInHours: 1 });
      if (!invitation.ok) throw new Error(invitation.error.code);
      members.set(role, await join(server, invitation.value.code, role));
    }
    feeds.set('owner', recordFeed(owner.client));
    feeds.set('lead', recordFeed(members.get('lead')!.client));
  });

  afterAll(async () => {
    await Promise.all([...feeds.values()].map((feed) => feed.follower.stop()));
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the credential key outside the database, in a 0600 file with a warning on a host without keychain', () => {
    expect(server.brandKeyLocation).toBe('file');
    expect(statSync(path.join(dataDir, 'brand-key')).mode & 0o777).toBe(0o600);
    expect(warnings.join('\n')).toMatch(/no keychain on this host/);
  });

  it('lets an admin connect brand.test and grant per-member access', async () => {
    const connected = await owner.client.call('brandAccounts:connect', {
      network: 'bluesky',
      service: info.pdsUrl,
      handle: brand.handle,
      appPassword: brand.appPassword,
    });
    expect(connected).toMatchObject({ ok: true, value: { handle: 'brand.test', remoteId: brand.did } });
    accountId = connected.ok ? connected.value.id : '';

    const again = await owner.client.call('brandAccounts:connect', {
      network: 'bluesky',
      service: info.pdsUrl,
      handle: brand.handle,
      appPassword: brand.appPassword,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const expert = members.get('expert')!;
    const viewer = members.get('viewer')!;
    for (const [member, access] of [
      [expert, 'reply'],
      [viewer, 'view'],
    ] as const) {
      const set = await owner.client.call('brandAccounts:setAccess', {
        accountId,
        memberId: member.memberId,
        access,
      });
      expect(set).toMatchObject({ ok: true, value: { access } });
    }
    const expertList = await expert.client.call('brandAccounts:list', {});
    expect(expertList).toMatchObject({ ok: true, value: [{ account: { id: accountId }, access: 'reply' }] });
    const leadList = await members.get('lead')!.client.call('brandAccounts:list', {});
    expect(leadList).toEqual({ ok: true, value: [] });
    // The admin's view of who may do what with the account: the two rows just set, nobody else.
    const access = await owner.client.call('brandAccounts:access', { accountId });
    expect(access.ok && access.value.map((row) => [row.memberId, row.access]).sort()).toEqual(
      [
        [expert.memberId, 'reply'],
        [viewer.memberId, 'view'],
      ].sort(),
    );
    const notAdminRead = await expert.client.call('brandAccounts:access', { accountId });
    expect(notAdminRead).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const notAdmin = await expert.client.call('brandAccounts:setAccess', {
      accountId,
      memberId: expert.memberId,
      access: 'publish',
    });
    expect(notAdmin).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('publishes an expert’s reply exactly once, even when the request is sent again', async () => {
    const expert = members.get('expert')!;
    feeds.set('expert', recordFeed(expert.client));
    const question = await sandbox.post({ handle: 'alice.test', text: `Question for the brand ${word()}` });
    const text = `Thanks Alice, we are on it ${word()}`;
    const input = {
      accountId,
      text,
      replyTo: {
        network: 'bluesky' as const,
        remoteId: question.uri,
        cid: question.cid,
        sourceAccountId: null,
      },
    };
    const key = ulid();
    const submitted = await expert.client.call('brandPosts:submit', input, { idempotencyKey: key });
    expect(submitted).toMatchObject({ ok: true, value: { kind: 'reply', state: 'queued' } });
    const postId = submitted.ok ? submitted.value.id : '';

    const sent = await until('the reply to be sent', async () => {
      const status = await expert.client.call('brandPosts:status', { id: postId });
      return status.ok && status.value.state === 'sent' ? status.value : null;
    });
    expect(sent.remoteId).toMatch(/^at:\/\/did:plc:.+\/app\.bsky\.feed\.post\//);
    const onNetwork = await postsWithText(text);
    expect(onNetwork).toHaveLength(1);
    expect(onNetwork[0]!.uri).toBe(sent.remoteId);
    expect((onNetwork[0]!.value['reply'] as { parent: { uri: string } }).parent.uri).toBe(question.uri);

    const replay = await expert.client.call('brandPosts:submit', input, { idempotencyKey: key });
    expect(replay).toMatchObject({ ok: true, value: { id: postId } });
    await server.brandSettled();
    expect(await postsWithText(text)).toHaveLength(1);

    // The same text as a new request: the server's duplicate guard asks for a confirmation and names the
    // decision, so the desktop can offer "post anyway"; nothing is queued until then.
    const again = await expert.client.call('brandPosts:submit', input, { idempotencyKey: ulid() });
    expect(again).toMatchObject({ ok: false, error: { code: 'guard_refused' } });
    const decision = again.ok ? undefined : again.error.issues?.find((i) => i.path === 'acknowledge');
    expect(decision?.message).toMatch(/^duplicate/);
    await server.brandSettled();
    expect(await postsWithText(text)).toHaveLength(1);

    // The state changes reach the desktops on the feed: in full for the expert, as bare numbers for a lead
    // without access to the account.
    const expertFeed = feeds.get('expert')!;
    const sentChange = await until('the sent state on the feed', async () =>
      expertFeed.applied.find(
        (c) => c.entity === 'brandPost' && c.entityId === postId && c.data['state'] === 'sent',
      ),
    );
    await feeds.get('lead')!.waitFor(sentChange.seq);
    const leadCopy = feeds.get('lead')!.applied.find((c) => c.seq === sentChange.seq);
    expect(leadCopy?.data).toEqual({});
  });

  it('refuses a viewer, a post where only replies are allowed, and the expert once access is taken away', async () => {
    const question = await sandbox.post({ handle: 'alice.test', text: `Another question ${word()}` });
    const replyTo = {
      network: 'bluesky' as const,
      remoteId: question.uri,
      cid: question.cid,
      sourceAccountId: null,
    };
    const viewer = members.get('viewer')!;
    const byViewer = await viewer.client.call('brandPosts:submit', {
      accountId,
      text: `viewer ${word()}`,
      replyTo,
    });
    expect(byViewer).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const expert = members.get('expert')!;
    const newPost = await expert.client.call('brandPosts:submit', {
      accountId,
      text: `new ${word()}`,
      replyTo: null,
    });
    expect(newPost).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const approval = await owner.client.call('brandAccounts:setAccess', {
      accountId,
      memberId: expert.memberId,
      access: 'publish_with_approval',
    });
    expect(approval.ok).toBe(true);
    // "Publish only with approval": the reply waits for an approver instead of going out (tests/integration/team/approvals.test.ts).
    const waitingText = `a ${word()}`;
    const needsApproval = await expert.client.call('brandPosts:submit', {
      accountId,
      text: waitingText,
      replyTo,
    });
    expect(needsApproval).toMatchObject({ ok: true, value: { state: 'awaiting_approval' } });
    await server.brandSettled();
    expect(await postsWithText(waitingText)).toHaveLength(0);

    const revoked = await owner.client.call('brandAccounts:setAccess', {
      accountId,
      memberId: expert.memberId,
      access: null,
    });
    expect(revoked).toMatchObject({ ok: true, value: { access: null } });
    const text = `after revocation ${word()}`;
    const afterRevoke = await expert.client.call('brandPosts:submit', { accountId, text, replyTo });
    expect(afterRevoke).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Access given back, then the member removed from the team: the next submit is refused as well.
    await owner.client.call('brandAccounts:setAccess', {
      accountId,
      memberId: expert.memberId,
      access: 'reply',
    });
    const removed = await owner.client.call('members:revoke', { memberId: expert.memberId });
    expect(removed.ok).toBe(true);
    const afterRemoval = await expert.client.call('brandPosts:submit', { accountId, text, replyTo });
    expect(afterRemoval).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    await server.brandSettled();
    expect(await postsWithText(text)).toHaveLength(0);
  });

  it('polls the brand account and puts a new mention on the feed', async () => {
    const mention = word();
    await sandbox.post({ handle: 'alice.test', text: `Hello @brand.test ${mention}` });
    const ownerFeed = feeds.get('owner')!;
    const item = await until('the mention on the feed', async () =>
      ownerFeed.applied.find(
        (c: TeamChange) => c.entity === 'brandItem' && JSON.stringify(c.data['item'] ?? '').includes(mention),
      ),
    );
    expect(item.data['accountId']).toBe(accountId);
  });

  it('never sends the app password to a desktop, and keeps it encrypted at rest', () => {
    const everything = [
      ...answers,
      ...[...feeds.values()].flatMap((feed) => feed.applied.map((c) => JSON.stringify(c))),
    ].join('\n');
    expect(answers.length).toBeGreaterThan(10);
    expect(everything).not.toContain(brand.appPassword);
    for (const file of ['team.sqlite', 'team.sqlite-wal', 'brand-outbox.sqlite', 'brand-outbox.sqlite-wal']) {
      const full = path.join(dataDir, file);
      if (existsSync(full)) expect(readFileSync(full).includes(brand.appPassword), file).toBe(false);
    }
  });
});
