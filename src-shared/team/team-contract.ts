// The contract between a desktop's main process and the team server: every method (`domain:verb`, zod input
// and output), the roles, and the stable error codes. HTTP/JSON carries requests; the change feed is in
// team-feed.ts. Pure TypeScript and zod, so the server and main's client share one definition.
import { z } from '../zod.ts';
import { PostRefSchema } from '../compose/post.ts';
import { approvalRequests, MUTATING_APPROVAL_METHODS } from '../approvals/approval-contract.ts';
import { deskTeamRequests, MUTATING_DESK_METHODS } from '../desk/desk-team-contract.ts';
import {
  governanceTeamRequests,
  MUTATING_GOVERNANCE_METHODS,
} from '../governance/governance-team-contract.ts';
import { BrandPostSchema } from './brand-post-schema.ts';

export const TEAM_ROLES = ['owner', 'admin', 'lead', 'expert', 'limited', 'viewer'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
export const TeamRoleSchema = z.enum(TEAM_ROLES);

export const TEAM_ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  /** No session, or a token that is forged, expired or belongs to a revoked session. */
  'unauthenticated',
  /** Authenticated, but the caller's role does not allow this method or this target. */
  'forbidden',
  'not_found',
  /** The record changed since the version the request was based on; nothing was written. */
  'conflict',
  /** The request is older than the server keeps idempotency keys, so it cannot be applied exactly once. */
  'stale',
  /** An idempotency key was reused for a different request. */
  'idempotency_mismatch',
  /** A mutating request came without an Idempotency-Key header. */
  'idempotency_required',
  /** An invitation that was already used, revoked or has expired. */
  'invitation_invalid',
  'payload_too_large',
  /** No longer returned: posts that need approval now create an approval request (kept so the code stays stable). */
  'approval_required',
  /** A publish guard evaluated on the server refused the post (or it needs a confirmation it did not carry). */
  'guard_refused',
  /** The brand account's network refused or could not be reached while connecting it. */
  'brand_unreachable',
  /** Too many login challenges or failed logins from this device or address; `retryAfterMs` says how long to wait. */
  'rate_limited',
  'internal',
] as const;
export type TeamErrorCode = (typeof TEAM_ERROR_CODES)[number];

export interface TeamError {
  readonly code: TeamErrorCode;
  /** For logs and tooltips; never holds a secret. */
  readonly message: string;
  readonly issues?: readonly { readonly path: string; readonly message: string }[];
  /** With `rate_limited`: how long to wait before trying again. */
  readonly retryAfterMs?: number;
}

export type TeamResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: TeamError };

/** Thrown inside server handlers; the HTTP layer turns it into `{ ok: false, error }`. */
export class TeamFailure extends Error {
  readonly code: TeamErrorCode;
  readonly retryAfterMs: number | undefined;
  /** Per-field details the caller can act on, e.g. the guard decision to acknowledge. */
  readonly issues: TeamError['issues'];
  constructor(
    code: TeamErrorCode,
    message: string,
    details: { retryAfterMs?: number; issues?: TeamError['issues'] } = {},
  ) {
    super(message);
    this.name = 'TeamFailure';
    this.code = code;
    this.retryAfterMs = details.retryAfterMs;
    this.issues = details.issues;
  }
}

const Ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a ULID');
/** A device id is derived from its public key (see deviceIdFor), so a re-sent enrolment names the same device. */
const DeviceId = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'a device id');
const DisplayName = z.string().trim().min(1).max(80);
const Base64Url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/, 'base64url');
const Empty = z.object({}).strict();
const Time = z.number().int().nonnegative();
const Version = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const MemberSchema = z.object({
  id: Ulid,
  displayName: z.string(),
  role: TeamRoleSchema,
  version: Version,
  joinedAt: Time,
  revokedAt: Time.nullable(),
});
export type TeamMember = z.infer<typeof MemberSchema>;

export const DeviceSchema = z.object({
  id: DeviceId,
  memberId: Ulid,
  name: z.string(),
  enrolledAt: Time,
  revokedAt: Time.nullable(),
});

export const InvitationSchema = z.object({
  id: Ulid,
  role: TeamRoleSchema,
  createdBy: Ulid.nullable(),
  /** Set for a device invitation: joining adds a device to this member instead of creating one. */
  forMember: Ulid.nullable(),
  createdAt: Time,
  expiresAt: Time,
  usedAt: Time.nullable(),
  revokedAt: Time.nullable(),
});

export const NoteSchema = z.object({
  id: Ulid,
  text: z.string(),
  version: Version,
  updatedBy: Ulid,
  updatedAt: Time,
});

export const AuditEntrySchema = z.object({
  id: z.number().int().positive(),
  at: Time,
  actorType: z.enum(['member', 'system']),
  memberId: Ulid.nullable(),
  deviceId: DeviceId.nullable(),
  action: z.string(),
  target: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  clientAddress: z.string().nullable(),
  result: z.enum(['ok', 'refused']),
});

export const BRAND_NETWORKS = ['bluesky', 'mastodon'] as const;
export const BrandNetworkSchema = z.enum(BRAND_NETWORKS);
/** What a member may do with one brand account; no row means no access at all (admins always have all). */
export const BRAND_ACCESS_LEVELS = ['view', 'reply', 'publish', 'publish_with_approval'] as const;
export const BrandAccessLevelSchema = z.enum(BRAND_ACCESS_LEVELS);
export type BrandAccessLevel = z.infer<typeof BrandAccessLevelSchema>;

/** A brand account as every method and the feed show it: never its credentials. */
export const BrandAccountSchema = z.object({
  id: Ulid,
  network: BrandNetworkSchema,
  /** The Bluesky PDS or the Mastodon instance (origin). */
  service: z.string(),
  handle: z.string(),
  /** The account's DID (Bluesky) or account id (Mastodon). */
  remoteId: z.string(),
  connectedBy: Ulid,
  connectedAt: Time,
  removedAt: Time.nullable(),
  version: Version,
});
export type BrandAccount = z.infer<typeof BrandAccountSchema>;

export const BrandAccessSchema = z.object({
  accountId: Ulid,
  memberId: Ulid,
  /** null: the member's access was taken away. */
  access: BrandAccessLevelSchema.nullable(),
  updatedAt: Time,
});

export { BrandPostSchema, type BrandPost } from './brand-post-schema.ts';

// Parsed and checked (https unless loopback) by the server's connectors; here only its shape.
const HttpOrigin = z
  .string()
  .max(2_048)
  .regex(/^https?:\/\/[^\s/?#]+\/?$/, 'an http(s) origin such as https://bsky.social');
const Secret = z.string().min(1).max(4_096);

/** What an admin gives to connect a brand account: the network's sign-in, sent once and kept by the server. */
export const BrandConnectInputSchema = z.discriminatedUnion('network', [
  z
    .object({
      network: z.literal('bluesky'),
      service: HttpOrigin,
      handle: z.string().min(1).max(253),
      appPassword: Secret,
    })
    .strict(),
  z.object({ network: z.literal('mastodon'), instance: HttpOrigin, accessToken: Secret }).strict(),
]);

const SessionOutput = z.object({
  token: z.string(),
  expiresAt: Time,
  memberId: Ulid,
  deviceId: DeviceId,
  role: TeamRoleSchema,
});

export const teamRequests = {
  /** Joins with an invitation code and enrols this desktop's device public key (SPKI DER, base64url). */
  'invitations:accept': {
    input: z
      .object({
        code: Base64Url(64),
        displayName: DisplayName,
        deviceName: DisplayName,
        publicKey: Base64Url(128),
      })
      .strict(),
    output: z.object({ memberId: Ulid, deviceId: DeviceId, role: TeamRoleSchema, serverId: z.string() }),
  },
  'auth:challenge': {
    input: z.object({ deviceId: DeviceId }).strict(),
    output: z.object({ challenge: z.string(), expiresAt: Time }),
  },
  /** The device signs challengeMessage(serverId, deviceId, challenge) with its private key. */
  'auth:login': {
    input: z.object({ deviceId: DeviceId, challenge: Base64Url(64), signature: Base64Url(128) }).strict(),
    output: SessionOutput,
  },
  'session:whoami': {
    input: Empty,
    output: z.object({ memberId: Ulid, deviceId: DeviceId, role: TeamRoleSchema, displayName: z.string() }),
  },
  'session:logout': { input: Empty, output: z.object({ ended: z.boolean() }) },
  'invitations:create': {
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
    output: z.object({ invitation: InvitationSchema, code: z.string() }),
  },
  'invitations:revoke': { input: z.object({ id: Ulid }).strict(), output: InvitationSchema },
  'invitations:list': { input: Empty, output: z.array(InvitationSchema) },
  'members:list': { input: Empty, output: z.array(MemberSchema) },
  /** Optimistic: `version` is the member record's version the caller last saw. */
  'members:setRole': {
    input: z.object({ memberId: Ulid, role: TeamRoleSchema, version: Version }).strict(),
    output: MemberSchema,
  },
  'members:revoke': { input: z.object({ memberId: Ulid }).strict(), output: MemberSchema },
  'devices:list': { input: z.object({ memberId: Ulid.optional() }).strict(), output: z.array(DeviceSchema) },
  'devices:revoke': { input: z.object({ deviceId: DeviceId }).strict(), output: DeviceSchema },
  /** An invitation that enrols another device of the caller (a second laptop), not a new member. */
  'devices:invite': {
    input: z.object({ expiresInHours: z.number().int().min(1).max(72) }).strict(),
    output: z.object({ invitation: InvitationSchema, code: z.string() }),
  },
  'notes:create': { input: z.object({ text: z.string().min(1).max(10_000) }).strict(), output: NoteSchema },
  'notes:update': {
    input: z.object({ id: Ulid, text: z.string().min(1).max(10_000), version: Version }).strict(),
    output: NoteSchema,
  },
  'audit:list': {
    input: z
      .object({
        afterId: z.number().int().nonnegative().optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
    output: z.array(AuditEntrySchema),
  },
  /** Admins connect a brand account; the credentials stay on the server, encrypted, and are never returned. */
  'brandAccounts:connect': { input: BrandConnectInputSchema, output: BrandAccountSchema },
  /** Admins see every connected account; other members those they have access to, with their level. */
  'brandAccounts:list': {
    input: Empty,
    output: z.array(z.object({ account: BrandAccountSchema, access: BrandAccessLevelSchema })),
  },
  'brandAccounts:remove': { input: z.object({ id: Ulid }).strict(), output: BrandAccountSchema },
  /** Admins: who has which access to one brand account (members without a row have none). */
  'brandAccounts:access': {
    input: z.object({ accountId: Ulid }).strict(),
    output: z.array(BrandAccessSchema),
  },
  /** `access: null` takes the member's access to the account away. */
  'brandAccounts:setAccess': {
    input: z.object({ accountId: Ulid, memberId: Ulid, access: BrandAccessLevelSchema.nullable() }).strict(),
    output: BrandAccessSchema,
  },
  /**
   * Publishes as a brand account through the server's outbox (exactly once per Idempotency-Key). Guards run
   * again on the server; `acknowledged` lists the ids of `confirm` decisions the member confirmed.
   */
  'brandPosts:submit': {
    input: z
      .object({
        accountId: Ulid,
        text: z.string().trim().min(1).max(3_000),
        replyTo: PostRefSchema.nullable(),
        language: z.string().max(64).nullable().optional(),
        acknowledged: z.array(z.string().max(200)).max(50).optional(),
      })
      .strict(),
    output: BrandPostSchema,
  },
  'brandPosts:status': { input: z.object({ id: Ulid }).strict(), output: BrandPostSchema },
  ...approvalRequests,
  ...deskTeamRequests,
  ...governanceTeamRequests,
} as const;

export type TeamMethod = keyof typeof teamRequests;
export const TEAM_METHODS = Object.keys(teamRequests) as TeamMethod[];
export type TeamInput<M extends TeamMethod> = z.output<(typeof teamRequests)[M]['input']>;
export type TeamOutput<M extends TeamMethod> = z.output<(typeof teamRequests)[M]['output']>;

/** Methods callable without a session: joining and logging in. Everything else needs a valid session. */
export const PUBLIC_TEAM_METHODS: ReadonlySet<TeamMethod> = new Set([
  'invitations:accept',
  'auth:challenge',
  'auth:login',
]);

/** Methods that change team state; each needs an Idempotency-Key (a ULID made when the request was made). */
export const MUTATING_TEAM_METHODS: ReadonlySet<TeamMethod> = new Set([
  'invitations:create',
  'invitations:revoke',
  'members:setRole',
  'members:revoke',
  'devices:revoke',
  'devices:invite',
  'notes:create',
  'notes:update',
  'brandAccounts:connect',
  'brandAccounts:remove',
  'brandAccounts:setAccess',
  'brandPosts:submit',
  ...MUTATING_APPROVAL_METHODS,
  ...MUTATING_DESK_METHODS,
  ...MUTATING_GOVERNANCE_METHODS,
]);

/** The exact bytes a device signs to log in: bound to this server and device, so a signature cannot be reused. */
export function challengeMessage(serverId: string, deviceId: string, challenge: string): string {
  return `roost-team-login\n${serverId}\n${deviceId}\n${challenge}`;
}

export const TEAM_API_PREFIX = '/v1/';
export const TEAM_FEED_PATH = '/v1/feed';
export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Largest request body the server reads; anything bigger is refused before parsing. */
export const MAX_TEAM_BODY_BYTES = 64 * 1024;
