// The team part of the renderer ↔ main contract (Settings → Team). Main holds the device key and the session
// token; the renderer only ever sees display data: who is in the team, their devices, invitations and the
// audit log. Invitation links are shown because an admin copies them to the person invited.
import { z } from '../zod.ts';
import {
  AuditEntrySchema,
  BrandAccessLevelSchema,
  BrandAccessSchema,
  BrandAccountSchema,
  BrandConnectInputSchema,
  BrandPostSchema,
  DeviceSchema,
  InvitationSchema,
  MemberSchema,
  TeamRoleSchema,
} from '../team/team-contract.ts';
import { APPROVAL_VIEWS, ApprovalListItemSchema } from '../approvals/approval-contract.ts';
import { ApprovalRequestSchema } from '../approvals/approval-machine.ts';

const Empty = z.object({}).strict();
const Ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a ULID');
const DeviceId = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'a device id');
const Time = z.number().int().nonnegative();
const Name = z.string().trim().min(1).max(80);

export const TEAM_DESK_STATES = [
  /** No team server: Roost works for one person, exactly as without the feature. */
  'none',
  /** Joined; following the change feed, not caught up yet. */
  'connecting',
  'connected',
  /** Joined, but the server cannot be reached now; the feed reconnects on its own. */
  'offline',
  /** The server revoked this member or device; the team cache on this computer was erased. */
  'revoked',
] as const;
export type TeamDeskState = (typeof TEAM_DESK_STATES)[number];

export const TeamStatusSchema = z.object({
  state: z.enum(TEAM_DESK_STATES),
  serverUrl: z.string().max(2048).nullable(),
  memberId: z.string().max(64).nullable(),
  deviceId: z.string().max(64).nullable(),
  displayName: z.string().max(80).nullable(),
  role: TeamRoleSchema.nullable(),
  /** Last change number applied to this computer's team cache. */
  cursor: z.number().int().nonnegative(),
  revoked: z.object({ scope: z.enum(['member', 'device']), at: Time }).nullable(),
});
export type TeamStatus = z.infer<typeof TeamStatusSchema>;

export const TeamDeviceViewSchema = DeviceSchema.extend({ current: z.boolean() });
export type TeamDeviceView = z.infer<typeof TeamDeviceViewSchema>;
export type TeamMemberView = z.infer<typeof MemberSchema>;
export type TeamInvitationView = z.infer<typeof InvitationSchema>;
export type TeamAuditEntry = z.infer<typeof AuditEntrySchema>;

export const MAX_AUDIT_RESULTS = 1_000;

export const TeamAuditFilterSchema = z
  .object({
    /** A member id: entries this member made. */
    actorId: Ulid.optional(),
    /** Matches actions containing this text, e.g. `members:` or `members:revoke`. */
    action: z.string().trim().min(1).max(64).optional(),
    from: Time.optional(),
    to: Time.optional(),
    limit: z.number().int().min(1).max(MAX_AUDIT_RESULTS).optional(),
  })
  .strict();
export type TeamAuditFilter = z.infer<typeof TeamAuditFilterSchema>;

export const teamDeskRequests = {
  'team:status': { input: Empty, output: TeamStatusSchema },
  /** Joins with a pasted invitation link (`https://server/join#CODE`); the device key goes to the keychain. */
  'team:join': {
    input: z
      .object({ link: z.string().trim().min(1).max(2048), displayName: Name, deviceName: Name.optional() })
      .strict(),
    output: TeamStatusSchema,
  },
  /** Ends the session, erases the team cache and forgets the device key. Cannot be undone from Roost. */
  'team:leave': { input: z.object({ confirm: z.literal(true) }).strict(), output: TeamStatusSchema },
  'team:members': { input: Empty, output: z.array(MemberSchema) },
  'team:invite': {
    input: z
      .object({
        role: TeamRoleSchema,
        expiresInHours: z
          .number()
          .int()
          .min(1)
          .max(24 * 30),
      })
      .strict(),
    output: z.object({ invitation: InvitationSchema, link: z.string().max(2048) }),
  },
  'team:invitations': { input: Empty, output: z.array(InvitationSchema) },
  'team:revokeInvitation': { input: z.object({ id: Ulid }).strict(), output: InvitationSchema },
  'team:setRole': {
    input: z.object({ memberId: Ulid, role: TeamRoleSchema, version: z.number().int().positive() }).strict(),
    output: MemberSchema,
  },
  'team:revokeMember': { input: z.object({ memberId: Ulid }).strict(), output: MemberSchema },
  /** This member's devices, or another member's for an admin. */
  'team:devices': {
    input: z.object({ memberId: Ulid.optional() }).strict(),
    output: z.array(TeamDeviceViewSchema),
  },
  'team:revokeDevice': { input: z.object({ deviceId: DeviceId }).strict(), output: DeviceSchema },
  /** Newest first, filtered in main. */
  'team:audit': { input: TeamAuditFilterSchema, output: z.array(AuditEntrySchema).max(MAX_AUDIT_RESULTS) },
  /** The team's brand accounts this member may see, with what they may do there (admins: everything). */
  'team:brandAccounts': {
    input: Empty,
    output: z.array(z.object({ account: BrandAccountSchema, access: BrandAccessLevelSchema })),
  },
  /**
   * Admins connect a brand account to the team. The app password or token passes through main to the server,
   * which keeps it encrypted; no answer ever carries it back.
   */
  'team:connectBrandAccount': {
    input: BrandConnectInputSchema,
    output: BrandAccountSchema,
  },
  'team:removeBrandAccount': { input: z.object({ id: Ulid }).strict(), output: BrandAccountSchema },
  /** Admins: each member's access to one brand account (no row: no access). */
  'team:brandAccess': { input: z.object({ accountId: Ulid }).strict(), output: z.array(BrandAccessSchema) },
  'team:setBrandAccess': {
    input: z.object({ accountId: Ulid, memberId: Ulid, access: BrandAccessLevelSchema.nullable() }).strict(),
    output: BrandAccessSchema,
  },
  /**
   * Posts as a team brand account through the server's exactly-once outbox; the server runs the guards again.
   * `acknowledged` names the guard decisions the member confirmed after a first refusal asked for it.
   */
  'team:submitBrandPost': {
    input: z
      .object({
        accountId: Ulid,
        text: z.string().trim().min(1).max(3_000),
        acknowledged: z.array(z.string().max(200)).max(50).optional(),
      })
      .strict(),
    output: BrandPostSchema,
  },
  'team:brandPostStatus': { input: z.object({ id: Ulid }).strict(), output: BrandPostSchema },
  /** The approvals queue: requests waiting for this member, their own, and the rejected and expired ones. */
  'team:approvals': {
    input: z.object({ view: z.enum(APPROVAL_VIEWS) }).strict(),
    output: z.array(ApprovalListItemSchema).max(200),
  },
  'team:approve': { input: z.object({ id: Ulid }).strict(), output: ApprovalRequestSchema },
  'team:reject': {
    input: z.object({ id: Ulid, note: z.string().trim().min(1).max(2_000) }).strict(),
    output: ApprovalRequestSchema,
  },
  /** An internal note on a request (never published). */
  'team:noteApproval': {
    input: z.object({ id: Ulid, text: z.string().trim().min(1).max(2_000) }).strict(),
    output: ApprovalRequestSchema,
  },
} as const;

export const teamDeskEvents = {
  'team:status': TeamStatusSchema,
  /** A change reached this computer's team cache: lists on screen may be out of date. */
  'team:changed': z.object({ seq: z.number().int().nonnegative(), entity: z.string().max(32) }),
  /** The server revoked this member or device; the team cache was erased. */
  'team:revoked': z.object({ scope: z.enum(['member', 'device']), at: Time }),
} as const;
