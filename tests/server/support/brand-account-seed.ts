// A brand account written straight into a running server's database, whose network is a closed loopback port:
// connecting one for real needs a network, and a send to it fails transiently, so nothing leaves this machine
// while the outbox still receives (and keeps retrying) every job it is given.
import { readFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import { ulid } from 'ulid';
import { BRAND_KEY_FILE } from '../../../src-server/brand/brand-key.ts';
import { BRAND_OUTBOX_FILE } from '../../../src-server/brand/brand-outbox.ts';
import { createCredentialVault } from '../../../src-server/brand/credential-vault.ts';
import { openEngineFor, type EngineName } from './test-databases.ts';

export async function seedClosedPortBrandAccount(
  engine: EngineName,
  storage: { dataDir: string; database?: string },
  ownerId: string,
  /** The account's server: a closed port unless a test records what would reach the network. */
  service = 'http://127.0.0.1:9',
): Promise<string> {
  const accountId = ulid();
  const vault = createCredentialVault(
    Buffer.from(readFileSync(path.join(storage.dataDir, BRAND_KEY_FILE), 'utf8'), 'base64'),
  );
  const db = await openEngineFor(engine, storage);
  try {
    await db.transaction((tx) =>
      tx.run(
        `INSERT INTO brand_accounts (id, network, service, handle, remote_id, credential, connected_by,
          connected_at, removed_at, version) VALUES (?, 'bluesky', ?, 'closed.test',
          'did:plc:closedport', ?, ?, 0, NULL, 1)`,
        [
          accountId,
          service,
          vault.seal(accountId, {
            kind: 'bluesky',
            appPassword: 'aaaa-bbbb-cccc-dddd',
            session: { accessJwt: 'a', refreshJwt: 'r' },
          }),
          ownerId,
        ],
      ),
    );
  } finally {
    await db.close();
  }
  return accountId;
}

/** How many outbox jobs the server's brand outbox holds for this post (0 or 1: a job is never made twice). */
export function outboxJobsFor(dataDir: string, postId: string): number {
  const outbox = new DatabaseSync(path.join(dataDir, BRAND_OUTBOX_FILE), { readOnly: true });
  try {
    const row = outbox.prepare('SELECT count(*) AS n FROM outbox_jobs WHERE id = ?').get(postId);
    return Number(row?.['n'] ?? 0);
  } finally {
    outbox.close();
  }
}
