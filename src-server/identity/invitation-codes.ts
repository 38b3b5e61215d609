// Invitation codes are derived from the invitation's id with a key kept outside the database, and only their
// SHA-256 is stored: a copy of the database cannot be used to join, yet the server can hand the same code
// back when an `invitations:create` is replayed.
import { createHash, createHmac } from 'node:crypto';

export function hashInvitationCode(code: string): string {
  return createHash('sha256').update(code).digest('base64url');
}

export function createInvitationCodes(key: Buffer): (invitationId: string) => string {
  return (invitationId) => createHmac('sha256', key).update(`invitation:${invitationId}`).digest('base64url');
}
