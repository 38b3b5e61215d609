// The brand outbox across a crash: a post committed in the team database whose job never reached the outbox
// file (the server died between the two commits) gets its job, with the same id, at the next start, and the
// attempt's outcome reaches `brand_posts`. The brand account points at a closed loopback port, so the send
// fails transiently and nothing leaves this machine.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInvitationLink } from '../../src-main/team/team-client.ts';
import { startTeamServer, type TeamServer } from '../../src-server/team-server.ts';
import { BRAND_OUTBOX_FILE } from '../../src-server/brand/brand-outbox.ts';
import { BRAND_KEY_FILE } from '../../src-server/brand/brand-key.ts';
import { createCredentialVault } from '../../src-server/brand/credential-vault.ts';
import { openSqliteEngine } from '../../src-server/storage/sqlite-engine.ts';
import { joinWithCode, type Desktop } from './support/team-fixture.ts';

const quiet = { warn: () => undefined };

describe('brand outbox after a crash', () => {
  let dataDir: string;
  let server: TeamServer;
  let owner: Desktop;
  // Restarts listen on the same port: the owner's device key is kept per server URL.
  let port = 0;
  const accountId = ulid();

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'roost-brand-outbox-'));
    const first = await startTeamServer({ dataDir, port: 0, ...quiet });
    port = first.port;
    owner = await joinWithCode(first.url, parseInvitationLink(first.ownerInvitation!)!.code, 'Owner');
    await first.stop();
    // A connected account whose server is a closed port (connecting one for real needs a network).
    const vault = createCredentialVault(
      Buffer.from(readFileSync(path.join(dataDir, BRAND_KEY_FILE), 'utf8'), 'base64'),
    );
    const engine = openSqliteEngine(path.join(dataDir, 'team.sqlite'));
    await engine.transaction((tx) =>
      tx.run(
        `INSERT INTO brand_accounts (id, network, service, handle, remote_id, credential, connected_by,
          connected_at, removed_at, version) VALUES (?, 'bluesky', 'http://127.0.0.1:9', 'closed.test',
          'did:plc:closedport', ?, ?, 0, NULL, 1)`,
        [
          accountId,
          vault.seal(accountId, {
            kind: 'bluesky',
            appPassword: 'aaaa-bbbb-cccc-dddd',
            session: { accessJwt: 'a', refreshJwt: 'r' },
          }),
          owner.memberId,
        ],
      ),
    );
    await engine.close();
  });

  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates the missing job at start and records what became of it', async () => {
    server = await startTeamServer({ dataDir, port, ...quiet });
    const submitted = await owner.client.call('brandPosts:submit', {
      accountId,
      text: 'Opening hours today',
      replyTo: null,
    });
    expect(submitted).toMatchObject({ ok: true, value: { state: 'queued' } });
    const postId = submitted.ok ? submitted.value.id : '';
    await server.stop();

    // The crash: the team database has the post, the outbox file lost its job.
    const outbox = new DatabaseSync(path.join(dataDir, BRAND_OUTBOX_FILE));
    outbox.prepare('DELETE FROM outbox_jobs WHERE id = ?').run(postId);
    expect(outbox.prepare('SELECT count(*) AS n FROM outbox_jobs WHERE id = ?').get(postId)).toEqual({
      n: 0,
    });
    outbox.close();

    server = await startTeamServer({ dataDir, port, ...quiet });
    const attempted = await until(async () => {
      const status = await owner.client.call('brandPosts:status', { id: postId });
      return status.ok && status.value.lastError ? status.value : null;
    });
    expect(attempted.state).toMatch(/queued|failed|needs_attention/);
    await server.brandSettled();
    const reopened = new DatabaseSync(path.join(dataDir, BRAND_OUTBOX_FILE), { readOnly: true });
    const job = reopened.prepare('SELECT id, attempts FROM outbox_jobs WHERE id = ?').get(postId);
    reopened.close();
    expect(job).toMatchObject({ id: postId });
    expect(Number(job?.['attempts'])).toBeGreaterThanOrEqual(1);
  });
});

async function until<T>(read: () => Promise<T | null>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // The first call after a restart can land on a keep-alive socket the old server closed: try again.
    const value = await read().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
