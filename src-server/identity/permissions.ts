// Who may call what: one table, checked by the HTTP layer before any handler runs. Finer rules that depend on
// the target (an admin cannot touch the owner, nobody grants a role above their own) live in the handlers.
import type { TeamMethod, TeamRole } from '../../src-shared/team/team-contract.ts';

const EVERYONE: readonly TeamRole[] = ['owner', 'admin', 'lead', 'expert', 'limited', 'viewer'];
const ADMINS: readonly TeamRole[] = ['owner', 'admin'];
const WRITERS: readonly TeamRole[] = ['owner', 'admin', 'lead', 'expert'];
const BRAND_ACTORS: readonly TeamRole[] = ['owner', 'admin', 'lead', 'expert', 'limited'];
const DESK_LEADS: readonly TeamRole[] = ['owner', 'admin', 'lead'];

/** Methods that need a session. The public ones (join, challenge, login) are not listed: they need none. */
export const PERMISSIONS: Readonly<Record<Exclude<TeamMethod, PublicMethod>, readonly TeamRole[]>> = {
  'session:whoami': EVERYONE,
  'session:logout': EVERYONE,
  'invitations:create': ADMINS,
  'invitations:revoke': ADMINS,
  'invitations:list': ADMINS,
  'members:list': EVERYONE,
  'members:setRole': ADMINS,
  'members:revoke': ADMINS,
  // Anyone may list and revoke their own devices (a lost laptop); the handler refuses other members' to non-admins.
  'devices:list': EVERYONE,
  'devices:revoke': EVERYONE,
  'devices:invite': EVERYONE,
  'notes:create': WRITERS,
  'notes:update': WRITERS,
  'audit:list': ADMINS,
  'brandAccounts:connect': ADMINS,
  'brandAccounts:remove': ADMINS,
  'brandAccounts:setAccess': ADMINS,
  'brandAccounts:access': ADMINS,
  // Everyone lists the accounts they may see; the handler filters by per-account access.
  'brandAccounts:list': EVERYONE,
  // A viewer only reads; every other role may act as a brand account where its per-account access allows.
  'brandPosts:submit': BRAND_ACTORS,
  'brandPosts:status': EVERYONE,
  // Whoever may act as a brand account may ask for approval, and be named an approver; handlers check who.
  'approvals:request': BRAND_ACTORS,
  'approvals:approve': BRAND_ACTORS,
  'approvals:reject': BRAND_ACTORS,
  'approvals:note': BRAND_ACTORS,
  'approvals:list': EVERYONE,
  'approvals:setPolicy': ADMINS,
  'approvals:policy': EVERYONE,
  // The inquiry desk: everyone reads the conversations of the accounts they can see (the handlers filter);
  // whoever may act as a brand account works them; leads and admins shape the desk.
  'conversations:list': EVERYONE,
  'conversations:counts': EVERYONE,
  'conversations:get': EVERYONE,
  'conversations:act': BRAND_ACTORS,
  'conversations:bulkAct': BRAND_ACTORS,
  'conversations:addNote': BRAND_ACTORS,
  'conversations:changesSince': EVERYONE,
  'conversations:reply': BRAND_ACTORS,
  'conversations:presence': EVERYONE,
  'experts:list': EVERYONE,
  'experts:update': DESK_LEADS,
  'experts:setAvailability': BRAND_ACTORS,
  'deskSettings:get': EVERYONE,
  'deskSettings:update': DESK_LEADS,
  'savedReplies:list': EVERYONE,
  'savedReplies:save': DESK_LEADS,
  'savedReplies:delete': DESK_LEADS,
  'savedReplies:use': BRAND_ACTORS,
  // Everyone publishes under the team's policy, so everyone may read it; only admins change it.
  'governance:get': EVERYONE,
  'governance:update': ADMINS,
};

type PublicMethod = 'invitations:accept' | 'auth:challenge' | 'auth:login';

export function roleAllows(role: TeamRole, method: TeamMethod): boolean {
  if (method === 'invitations:accept' || method === 'auth:challenge' || method === 'auth:login') return true;
  return PERMISSIONS[method].includes(role);
}

export const ROLE_RANK: Readonly<Record<TeamRole, number>> = {
  owner: 60,
  admin: 50,
  lead: 40,
  expert: 30,
  limited: 20,
  viewer: 10,
};
