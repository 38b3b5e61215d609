// The desk's team records: experts (a member with a row here), the one settings row and saved replies. Each
// write appends its change; none is tied to one brand account, so every member's feed receives them.
import {
  ExpertProfileSchema,
  TeamDeskSettingsSchema,
  type ExpertProfile,
  type TeamDeskSettings,
} from '../../src-shared/desk/desk-team-contract.ts';
import { defaultDeskSettings } from '../../src-shared/desk/desk-settings.ts';
import type { SavedReply } from '../../src-shared/contract/desk-contract.ts';
import { appendChange } from '../storage/change-log.ts';
import type { SqlExecutor, SqlRow } from '../storage/sql-engine.ts';

export interface ExpertRecord {
  readonly memberId: string;
  readonly displayName: string;
  readonly role: string;
  readonly profile: ExpertProfile;
  /** What the member chose; `offline` is computed from `lastSeenAt`. */
  readonly availability: 'available' | 'away';
  readonly awayReason: string | null;
  readonly lastAssignedAt: number | null;
  readonly recentAssignments: readonly number[];
  /** When a feed connection of theirs was last known open; null if never. */
  readonly lastSeenAt: number | null;
  readonly version: number;
}

/** Roles that can be given conversations (viewers only read). */
export const EXPERT_ROLES = ['owner', 'admin', 'lead', 'expert', 'limited'] as const;

export const DEFAULT_EXPERT_PROFILE: ExpertProfile = {
  skills: [],
  capacity: 5,
  timeZone: 'UTC',
  week: Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]),
  outOfOffice: [],
};

const EXPERT_SELECT = `SELECT e.member_id, e.profile, e.availability, e.away_reason, e.last_assigned_at,
  e.recent_assignments, e.last_seen_at, e.version, m.display_name, m.role
  FROM desk_experts e JOIN members m ON m.id = e.member_id`;

const toExpert = (row: SqlRow): ExpertRecord => ({
  memberId: String(row['member_id']),
  displayName: String(row['display_name']),
  role: String(row['role']),
  profile: ExpertProfileSchema.parse(JSON.parse(String(row['profile']))),
  availability: row['availability'] === 'away' ? 'away' : 'available',
  awayReason: row['away_reason'] === null ? null : String(row['away_reason']),
  lastAssignedAt: row['last_assigned_at'] === null ? null : Number(row['last_assigned_at']),
  recentAssignments: JSON.parse(String(row['recent_assignments'])) as number[],
  lastSeenAt: row['last_seen_at'] === null ? null : Number(row['last_seen_at']),
  version: Number(row['version']),
});

/** Experts who are current members with a role that takes conversations. */
export async function listExperts(db: SqlExecutor): Promise<ExpertRecord[]> {
  const roles = EXPERT_ROLES.map(() => '?').join(', ');
  const rows = await db.all(
    `${EXPERT_SELECT} WHERE m.revoked_at IS NULL AND m.role IN (${roles}) ORDER BY e.member_id`,
    [...EXPERT_ROLES],
  );
  return rows.map(toExpert);
}

export async function findExpert(db: SqlExecutor, memberId: string): Promise<ExpertRecord | null> {
  const row = await db.get(`${EXPERT_SELECT} WHERE e.member_id = ?`, [memberId]);
  return row ? toExpert(row) : null;
}

/** Inserts (version 1) or updates the expert row (guarded by its previous version) and appends its change. */
export async function saveExpert(
  tx: SqlExecutor,
  expert: ExpertRecord,
  actorId: string | null,
  at: number,
): Promise<void> {
  const values = [
    JSON.stringify(expert.profile),
    expert.availability,
    expert.awayReason,
    expert.lastAssignedAt,
    JSON.stringify(expert.recentAssignments),
    expert.lastSeenAt,
    expert.version,
  ];
  if (expert.version === 1) {
    await tx.run(
      `INSERT INTO desk_experts (profile, availability, away_reason, last_assigned_at, recent_assignments,
        last_seen_at, version, member_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [...values, expert.memberId],
    );
  } else {
    const updated = await tx.get(
      `UPDATE desk_experts SET profile = ?, availability = ?, away_reason = ?, last_assigned_at = ?,
        recent_assignments = ?, last_seen_at = ?, version = ? WHERE member_id = ? AND version = ?
        RETURNING member_id`,
      [...values, expert.memberId, expert.version - 1],
    );
    if (!updated) throw new Error(`expert ${expert.memberId} changed under this transaction`);
  }
  const { role: _role, lastSeenAt: _seen, recentAssignments: _recent, ...shown } = expert;
  await appendChange(tx, {
    at,
    actorId,
    entity: 'expert',
    entityId: expert.memberId,
    version: expert.version,
    data: { ...shown },
  });
}

/**
 * Notes that these members have a feed connection open now. Not a change on the feed: it happens every tick
 * and only routing reads it.
 */
export async function markExpertsSeen(
  tx: SqlExecutor,
  memberIds: readonly string[],
  at: number,
): Promise<void> {
  if (memberIds.length === 0) return;
  await tx.run(
    `UPDATE desk_experts SET last_seen_at = ? WHERE member_id IN (${memberIds.map(() => '?').join(', ')})`,
    [at, ...memberIds],
  );
}

export const DEFAULT_TEAM_DESK_SETTINGS: TeamDeskSettings = {
  desk: defaultDeskSettings('UTC') as TeamDeskSettings['desk'],
  order: 'round_robin',
  skillsTimeoutMinutes: 30,
  hourlyCap: null,
  awayReasons: ['Break', 'Meeting', 'Training'],
  offlineGraceMinutes: 5,
};

export async function readDeskSettings(
  db: SqlExecutor,
): Promise<{ settings: TeamDeskSettings; version: number }> {
  const row = await db.get("SELECT settings, version FROM desk_settings WHERE id = 'desk'");
  if (!row) return { settings: DEFAULT_TEAM_DESK_SETTINGS, version: 0 };
  return {
    settings: TeamDeskSettingsSchema.parse(JSON.parse(String(row['settings']))),
    version: Number(row['version']),
  };
}

export async function saveDeskSettings(
  tx: SqlExecutor,
  settings: TeamDeskSettings,
  actorId: string,
  at: number,
): Promise<number> {
  const row = await tx.get(
    `INSERT INTO desk_settings (id, settings, version, updated_by, updated_at) VALUES ('desk', ?, 1, ?, ?)
      ON CONFLICT (id) DO UPDATE SET settings = excluded.settings, version = desk_settings.version + 1,
        updated_by = excluded.updated_by, updated_at = excluded.updated_at RETURNING version`,
    [JSON.stringify(settings), actorId, at],
  );
  const version = Number(row?.['version'] ?? 1);
  await appendChange(tx, {
    at,
    actorId,
    entity: 'deskSettings',
    entityId: 'desk',
    version,
    data: { ...settings },
  });
  return version;
}

const toReply = (row: SqlRow): SavedReply & { version: number } => ({
  id: String(row['id']),
  title: String(row['title']),
  bodyEn: String(row['body_en']),
  bodyFr: String(row['body_fr']),
  uses: Number(row['uses']),
  version: Number(row['version']),
});

export async function listSavedReplies(db: SqlExecutor): Promise<(SavedReply & { version: number })[]> {
  const rows = await db.all(
    'SELECT id, title, body_en, body_fr, uses, version FROM desk_saved_replies ORDER BY uses DESC, title, id',
  );
  return rows.map(toReply);
}

export async function findSavedReply(
  db: SqlExecutor,
  id: string,
): Promise<(SavedReply & { version: number }) | null> {
  const row = await db.get(
    'SELECT id, title, body_en, body_fr, uses, version FROM desk_saved_replies WHERE id = ?',
    [id],
  );
  return row ? toReply(row) : null;
}

/** Inserts or replaces a saved reply (its use count kept) and appends its change; returns it as stored. */
export async function saveSavedReply(
  tx: SqlExecutor,
  reply: Omit<SavedReply, 'uses'>,
  actorId: string,
  at: number,
): Promise<SavedReply & { version: number }> {
  const row = await tx.get(
    `INSERT INTO desk_saved_replies (id, title, body_en, body_fr, uses, version, updated_at)
      VALUES (?, ?, ?, ?, 0, 1, ?) ON CONFLICT (id) DO UPDATE SET title = excluded.title,
      body_en = excluded.body_en, body_fr = excluded.body_fr, version = desk_saved_replies.version + 1,
      updated_at = excluded.updated_at RETURNING id, title, body_en, body_fr, uses, version`,
    [reply.id, reply.title, reply.bodyEn, reply.bodyFr, at],
  );
  const saved = toReply(row!);
  await appendChange(tx, {
    at,
    actorId,
    entity: 'savedReply',
    entityId: saved.id,
    version: saved.version,
    data: saved,
  });
  return saved;
}

/** Deletes a saved reply; its change has `deleted: true`. False when there was none. */
export async function deleteSavedReply(
  tx: SqlExecutor,
  id: string,
  actorId: string,
  at: number,
): Promise<boolean> {
  const row = await tx.get('DELETE FROM desk_saved_replies WHERE id = ? RETURNING version', [id]);
  if (!row) return false;
  const version = Number(row['version']) + 1;
  await appendChange(tx, {
    at,
    actorId,
    entity: 'savedReply',
    entityId: id,
    version,
    data: { id, deleted: true },
  });
  return true;
}

export async function countSavedReplyUse(tx: SqlExecutor, id: string): Promise<void> {
  await tx.run('UPDATE desk_saved_replies SET uses = uses + 1 WHERE id = ?', [id]);
}
