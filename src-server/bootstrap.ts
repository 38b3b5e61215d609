// What a server needs before it answers anyone: its signing key (a 0600 file beside the data, never in the
// database), the schema, its id, and — while the team has no owner — a fresh single-use owner invitation.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ulid } from 'ulid';
import { appendAudit } from './storage/audit-log.ts';
import { migrateTeamStorage } from './storage/migrate.ts';
import type { SqlEngine } from './storage/sql-engine.ts';
import { insertInvitation } from './handlers/invitation-handlers.ts';

export const OWNER_INVITATION_HOURS = 72;

export function loadOrCreateServerKey(dataDir: string): Buffer {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, 'server-key');
  if (!existsSync(file)) {
    // 'wx': two servers starting at once on one folder must not overwrite each other's key.
    try {
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  chmodSync(file, 0o600);
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length < 32) throw new Error(`${file} is damaged: it must hold at least 32 random bytes in base64`);
  return key;
}

export async function prepareStorage(engine: SqlEngine, now: number): Promise<{ serverId: string }> {
  await migrateTeamStorage(engine);
  return engine.transaction(async (tx) => {
    const row = await tx.get('SELECT id FROM server_info');
    if (row) return { serverId: String(row['id']) };
    const serverId = ulid(now);
    await tx.run('INSERT INTO server_info (id, created_at) VALUES (?, ?)', [serverId, now]);
    return { serverId };
  });
}

/**
 * While no owner has joined, each start revokes the previous owner invitation and issues a new one: only its
 * hash is stored, so an invitation printed by an earlier start cannot be shown again.
 */
export async function issueOwnerInvitationIfNeeded(
  engine: SqlEngine,
  now: number,
  codeFor: (id: string) => string,
): Promise<string | null> {
  return engine.transaction(async (tx) => {
    if (await tx.get("SELECT id FROM members WHERE role = 'owner' AND revoked_at IS NULL")) return null;
    await tx.run(
      "UPDATE invitations SET revoked_at = ? WHERE role = 'owner' AND used_at IS NULL AND revoked_at IS NULL",
      [now],
    );
    const { invitation, code } = await insertInvitation(tx, {
      role: 'owner',
      createdBy: null,
      now,
      expiresAt: now + OWNER_INVITATION_HOURS * 3_600_000,
      codeFor,
    });
    await appendAudit(tx, {
      at: now,
      actorType: 'system',
      memberId: null,
      deviceId: null,
      action: 'invitations:create',
      target: invitation.id,
      before: null,
      after: invitation,
      requestId: null,
      clientAddress: null,
      result: 'ok',
    });
    return code;
  });
}
