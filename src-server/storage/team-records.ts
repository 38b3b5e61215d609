// Row ↔ record mapping for the team tables, shared by handlers and tests.
import type { TeamRole } from '../../src-shared/team/team-contract.ts';
import type { SqlRow } from './sql-engine.ts';

export interface MemberRecord {
  readonly id: string;
  readonly displayName: string;
  readonly role: TeamRole;
  readonly version: number;
  readonly joinedAt: number;
  readonly revokedAt: number | null;
}

export interface DeviceRecord {
  readonly id: string;
  readonly memberId: string;
  readonly name: string;
  readonly enrolledAt: number;
  readonly revokedAt: number | null;
}

export interface InvitationRecord {
  readonly id: string;
  readonly role: TeamRole;
  readonly createdBy: string | null;
  readonly forMember: string | null;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly usedAt: number | null;
  readonly revokedAt: number | null;
}

export interface NoteRecord {
  readonly id: string;
  readonly text: string;
  readonly version: number;
  readonly updatedBy: string;
  readonly updatedAt: number;
}

const num = (value: unknown): number => Number(value);
const numOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

export const MEMBER_COLUMNS = 'id, display_name, role, version, joined_at, revoked_at';
export const toMember = (row: SqlRow): MemberRecord => ({
  id: String(row['id']),
  displayName: String(row['display_name']),
  role: row['role'] as TeamRole,
  version: num(row['version']),
  joinedAt: num(row['joined_at']),
  revokedAt: numOrNull(row['revoked_at']),
});

export const DEVICE_COLUMNS = 'id, member_id, name, enrolled_at, revoked_at';
export const toDevice = (row: SqlRow): DeviceRecord => ({
  id: String(row['id']),
  memberId: String(row['member_id']),
  name: String(row['name']),
  enrolledAt: num(row['enrolled_at']),
  revokedAt: numOrNull(row['revoked_at']),
});

export const INVITATION_COLUMNS =
  'id, role, created_by, for_member, created_at, expires_at, used_at, revoked_at';
export const toInvitation = (row: SqlRow): InvitationRecord => ({
  id: String(row['id']),
  role: row['role'] as TeamRole,
  createdBy: row['created_by'] === null ? null : String(row['created_by']),
  forMember: row['for_member'] === null ? null : String(row['for_member']),
  createdAt: num(row['created_at']),
  expiresAt: num(row['expires_at']),
  usedAt: numOrNull(row['used_at']),
  revokedAt: numOrNull(row['revoked_at']),
});

export const NOTE_COLUMNS = 'id, text, version, updated_by, updated_at';
export const toNote = (row: SqlRow): NoteRecord => ({
  id: String(row['id']),
  text: String(row['text']),
  version: num(row['version']),
  updatedBy: String(row['updated_by']),
  updatedAt: num(row['updated_at']),
});
