// Approvals against the real local Bluesky network: a limited member's reply as brand.test waits for
// approval and is not on the network; once a lead approves it, it is published exactly once (a second
// approval is refused and sends nothing); a rejected reply is never published.
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

const info = inject('sandbox');
const sandbox = new SandboxClient(info);
const brand = sandbox.account('brand.test');
const tag = () => randomUUID().replace(/-/g, '').slice(0, 12);

/** How many of brand.test's records carry exactly this text (newest 100). */
async function copiesOnNetwork(text: string): Promise<number> {
  const agent = new AtpAgent({ service: info.pdsUrl });
  const { data } = await agent.com.atproto.repo.listRecords({
    repo: brand.did,
    collection: 'app.bsky.feed.post',
    limit: 100,
  });
  return data.records.filter((r) => (r.value as { text?: string }).text === text).length;
}

describe('approvals on the local Bluesky network', () => {
  let dataDir: string;
  let server: TeamServer;
  let owner: Desktop;
  let lead: Desktop;
  let limited: Desktop;
  let accountId = '';

  const invite = async (role: 'lead' | 'limited', name: string) => {
    const invitation = await owner.client.call('invitations:create', { role, expiresInHours: 1 });
    if (!invitation.ok) throw new Error(invitation.error.code);
    return joinWithCode(server.url, invitation.value.code, name);
  };
  const askToReply = async (text: string) => {
    const question = await sandbox.post({ handle: 'alice.test', text: `A question ${tag()}` });
    const replyTo = {
      network: 'bluesky' as const,
      remoteId: question.uri,
      cid: question.cid,
      sourceAccountId: null,
    };
    const submitted = await limited.client.call('brandPosts:submit', { accountId, text, replyTo });
    if (!submitted.ok) throw new Error(`${submitted.error.code}: ${submitted.error.message}`);
    return submitted.value;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'roost-approvals-'));
    server = await startTeamServer({ dataDir, port: 0, warn: () => undefined });
    owner = await joinWithCode(server.url, parseInvitationLink(server.ownerInvitation!)!.code, 'Owner');
    lead = await invite('lead', 'Lena');
    limited = await invite('limited', 'Lim');
    const connected = await owner.client.call('brandAccounts:connect', {
      network: 'bluesky',
      service: info.pdsUrl,
      handle: brand.handle,
      appPassword: brand.appPassword,
    });
    if (!connected.ok) throw new Error(connected.error.message);
    accountId = connected.value.id;
    const access = await owner.client.call('brandAccounts:setAccess', {
      accountId,
      memberId: limited.memberId,
      access: 'reply',
    });
    if (!access.ok) throw new Error(access.error.code);
  });

  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("publishes a limited member's reply once, only after a lead approves it", async () => {
    const text = `We will look into it ${tag()}`;
    const post = await askToReply(text);
    expect(post).toMatchObject({ state: 'awaiting_approval', kind: 'reply' });
    await server.brandSettled();
    expect(await copiesOnNetwork(text)).toBe(0);

    const approved = await lead.client.call('approvals:approve', { id: post.approvalId! });
    expect(approved).toMatchObject({ ok: true, value: { state: 'approved' } });
    await expect
      .poll(
        async () => {
          const status = await limited.client.call('brandPosts:status', { id: post.id });
          return status.ok ? status.value.state : null;
        },
        { timeout: 20_000, interval: 200 },
      )
      .toBe('sent');
    expect(await copiesOnNetwork(text)).toBe(1);

    const again = await owner.client.call('approvals:approve', { id: post.approvalId! });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await server.brandSettled();
    expect(await copiesOnNetwork(text)).toBe(1);
  });

  it('never publishes a rejected reply', async () => {
    const text = `Off-brand answer ${tag()}`;
    const post = await askToReply(text);
    const rejected = await lead.client.call('approvals:reject', {
      id: post.approvalId!,
      note: 'Not our tone',
    });
    expect(rejected).toMatchObject({ ok: true, value: { state: 'rejected', rejectionNote: 'Not our tone' } });
    await server.brandSettled();
    const status = await limited.client.call('brandPosts:status', { id: post.id });
    expect(status).toMatchObject({ ok: true, value: { state: 'rejected', remoteId: null } });
    expect(await copiesOnNetwork(text)).toBe(0);
  });
});
