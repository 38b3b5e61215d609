// The team in the desktop: joining a team server with an invitation link, following its change feed into this
// computer's team cache, and calling the server for Settings → Team. A small state machine:
//   none ──join──▶ connecting ──caught up──▶ connected ◀──▶ offline
//   connecting / connected / offline ──revoked (feed frame, or the server refusing this device)──▶ revoked
//   any ──leave──▶ none
// On revocation the cache is erased at once; what was on this computer while it was offline could not be
// recalled, and the screen says so. Session tokens and the device key never leave main.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { RoostError } from '../../src-shared/contract/errors.ts';
import type { TeamAuditFilter, TeamStatus } from '../../src-shared/contract/team-desk-contract.ts';
import { MAX_AUDIT_RESULTS } from '../../src-shared/contract/team-desk-contract.ts';
import type {
  TeamInput,
  TeamMethod,
  TeamOutput,
  TeamResult,
  TeamRole,
} from '../../src-shared/team/team-contract.ts';
import type { TeamChange } from '../../src-shared/team/team-feed.ts';
import type { DeviceKeyStore } from './device-key-store.ts';
import { openTeamCache, type CachedRecord, type TeamCache } from './team-cache.ts';
import type { Presence } from '../../src-shared/desk/desk-team-contract.ts';
import { createTeamClient, parseInvitationLink, type TeamClient } from './team-client.ts';
import { teamError, teamException, unwrap } from './team-errors.ts';
import { followTeamFeed, type FeedFollower } from './team-feed-client.ts';
import { membershipFile, type TeamMembership } from './team-membership-file.ts';

export interface TeamServiceDeps {
  /** Folder for the membership file and the team cache. */
  readonly dir: string;
  readonly keyStore: DeviceKeyStore;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
  /** Default device name offered to the server (the computer's name). */
  readonly deviceName: string;
  readonly onStatus: (status: TeamStatus) => void;
  readonly onChanged: (seq: number, entity: string) => void;
  readonly onRevoked: (scope: 'member' | 'device', at: number) => void;
  /**
   * A change reached the cache. `previous` is the record before it; `resumed` is false while the first
   * catch-up after joining fills an empty cache (history, not news).
   */
  readonly onFeedChange?: (change: TeamChange, previous: CachedRecord | null, resumed: boolean) => void;
  /** Someone is viewing or replying to a conversation (a feed frame, never stored). */
  readonly onPresence?: (presence: Presence) => void;
  readonly feedBackoffMs?: { readonly min: number; readonly max: number };
}

export interface TeamService {
  status(): TeamStatus;
  join(link: string, displayName: string, deviceName?: string): Promise<TeamStatus>;
  leave(): Promise<TeamStatus>;
  /** A call to the team server as this desktop; server refusals become RoostErrors. */
  call<M extends TeamMethod>(method: M, input: TeamInput<M>): Promise<TeamOutput<M>>;
  /** The link to give to someone invited (the code is in the fragment, as the server prints it). */
  invitationLink(code: string): string;
  audit(filter: TeamAuditFilter): Promise<TeamOutput<'audit:list'>>;
  /** Reads the records the feed brought (for tests and future screens). */
  cache(): TeamCache | null;
  stop(): Promise<void>;
}

/** Audit pages read per request: enough for a year of a busy team, bounded so one filter cannot run forever. */
const MAX_AUDIT_PAGES = 40;
const AUDIT_PAGE = 500;

export function createTeamService(deps: TeamServiceDeps): TeamService {
  const now = deps.now ?? Date.now;
  const membershipStore = membershipFile(deps.dir);
  let membership: TeamMembership | null = membershipStore.read();
  let feedState: 'connecting' | 'connected' | 'offline' = 'connecting';
  let client: TeamClient | null = null;
  let cache: TeamCache | null = null;
  let follower: FeedFollower | null = null;
  let stopped = false;
  /** Whether the feed started from a filled cache (or has caught up once since joining). */
  let resumed = false;

  function status(): TeamStatus {
    const m = membership;
    return {
      state: !m ? 'none' : m.revoked ? 'revoked' : feedState,
      serverUrl: m?.serverUrl ?? null,
      memberId: m?.memberId ?? null,
      deviceId: m?.deviceId ?? null,
      displayName: m?.displayName ?? null,
      role: m?.role ?? null,
      cursor: cache?.cursor() ?? 0,
      revoked: m?.revoked ?? null,
    };
  }

  function announce(): void {
    if (!stopped) deps.onStatus(status());
  }

  function openCache(): TeamCache {
    mkdirSync(deps.dir, { recursive: true });
    cache ??= openTeamCache(path.join(deps.dir, 'team-cache.sqlite'));
    return cache;
  }

  function clientFor(serverUrl: string): TeamClient {
    const created = createTeamClient({
      serverUrl,
      keyStore: deps.keyStore,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
      now,
    });
    // The server refusing to log this device in means it was revoked while this desktop was away (or the
    // team forgot it): treat it as the revocation the feed would have announced.
    const session: TeamClient['session'] = async () => {
      const result = await created.session();
      if (!result.ok && result.error.code === 'unauthenticated') markRevoked('device');
      return result;
    };
    return { ...created, session };
  }

  function markRevoked(scope: 'member' | 'device'): void {
    if (!membership || membership.revoked) return;
    const at = now();
    membership = { ...membership, revoked: { scope, at } };
    membershipStore.write(membership);
    // Erase first: nothing of the team may stay readable on this computer once the server said no.
    openCache().erase();
    void follower?.stop();
    follower = null;
    deps.onRevoked(scope, at);
    announce();
  }

  function applyChange(change: TeamChange): void {
    const previous = deps.onFeedChange ? openCache().record(change.entity, change.entityId) : null;
    const applied = openCache().cursor() < change.seq;
    openCache().apply(change);
    if (applied) deps.onFeedChange?.(change, previous, resumed || feedState === 'connected');
    // The server tells this member of a new role through the feed: keep the screen's idea of it current.
    if (membership && change.entity === 'member' && change.entityId === membership.memberId) {
      const role = change.data['role'];
      if (typeof role === 'string' && role !== membership.role) {
        membership = { ...membership, role: role as TeamRole };
        membershipStore.write(membership);
        announce();
      }
    }
    if (feedState === 'connected') deps.onChanged(change.seq, change.entity);
  }

  function follow(): void {
    if (!membership || membership.revoked || stopped) return;
    client ??= clientFor(membership.serverUrl);
    feedState = 'connecting';
    resumed = openCache().cursor() > 0;
    follower = followTeamFeed({
      client,
      after: openCache().cursor(),
      apply: applyChange,
      onCaughtUp: (seq) => {
        feedState = 'connected';
        deps.onChanged(seq, 'all');
        announce();
      },
      onRevoked: (scope) => markRevoked(scope),
      ...(deps.onPresence ? { onPresence: deps.onPresence } : {}),
      onConnection: (state) => {
        if (state === 'closed' && membership && !membership.revoked) {
          feedState = 'offline';
          announce();
        }
      },
      ...(deps.feedBackoffMs
        ? { minBackoffMs: deps.feedBackoffMs.min, maxBackoffMs: deps.feedBackoffMs.max }
        : {}),
    });
  }

  function requireClient(): TeamClient {
    if (!membership || !client) throw new RoostError('not_found', 'This desktop has not joined a team.');
    return client;
  }

  async function call<M extends TeamMethod>(method: M, input: TeamInput<M>): Promise<TeamOutput<M>> {
    const active = requireClient();
    let result: TeamResult<TeamOutput<M>>;
    try {
      result = await active.call(method, input);
    } catch (error) {
      throw teamException(error);
    }
    // The client already logged in again once; a refusal now means this device may no longer log in at all.
    if (!result.ok && result.error.code === 'unauthenticated') markRevoked('device');
    return unwrap(result);
  }

  if (membership) {
    client = clientFor(membership.serverUrl);
    openCache();
    follow();
  }

  return {
    status,
    cache: () => cache,
    invitationLink: (code) => `${requireClient().serverUrl}/join#${code}`,
    async join(link, displayName, deviceName) {
      const parsed = parseInvitationLink(link);
      if (!parsed)
        throw new RoostError('invalid_input', 'This is not a Roost team invitation link.', [
          { path: 'link', message: 'not_a_link' },
        ]);
      if (membership)
        throw new RoostError('already_exists', 'This desktop is already in a team. Leave it first.');
      const joining = clientFor(parsed.serverUrl);
      const hadKey = await loadKey(parsed.serverUrl);
      let joined;
      try {
        joined = await joining.join(parsed.code, { displayName, deviceName: deviceName ?? deps.deviceName });
      } catch (error) {
        throw teamException(error);
      }
      if (!joined.ok) {
        // A definite refusal: the key made for it enrolled nothing, so it is not left in the keychain.
        if (!hadKey) await deps.keyStore.remove(joining.serverUrl).catch(() => undefined);
        throw teamError(joined.error);
      }
      membership = {
        serverUrl: joining.serverUrl,
        memberId: joined.value.memberId,
        deviceId: joined.value.deviceId,
        displayName,
        role: joined.value.role,
        joinedAt: now(),
        revoked: null,
      };
      membershipStore.write(membership);
      client = joining;
      // A fresh team starts from an empty cache: nothing of a previous team may mix into it.
      openCache().erase();
      follow();
      announce();
      return status();
    },
    async leave() {
      const leaving = membership;
      if (!leaving) return status();
      await follower?.stop();
      follower = null;
      // Best effort: a revoked or unreachable server cannot end the session, and leaving must still work.
      if (client && !leaving.revoked) await client.call('session:logout', {}).catch(() => undefined);
      openCache().erase();
      try {
        await deps.keyStore.remove(leaving.serverUrl);
      } catch (error) {
        throw teamException(error);
      }
      membershipStore.remove();
      membership = null;
      client = null;
      feedState = 'connecting';
      announce();
      return status();
    },
    call,
    async audit(filter) {
      const limit = filter.limit ?? 200;
      const matches: TeamOutput<'audit:list'> = [];
      let afterId = 0;
      for (let page = 0; page < MAX_AUDIT_PAGES; page++) {
        const entries = await call('audit:list', { afterId, limit: AUDIT_PAGE });
        for (const entry of entries) {
          if (filter.actorId && entry.memberId !== filter.actorId) continue;
          if (filter.action && !entry.action.includes(filter.action)) continue;
          if (filter.from !== undefined && entry.at < filter.from) continue;
          if (filter.to !== undefined && entry.at > filter.to) continue;
          matches.push(entry);
        }
        const last = entries.at(-1);
        if (entries.length < AUDIT_PAGE || !last) break;
        afterId = last.id;
      }
      return matches.reverse().slice(0, Math.min(limit, MAX_AUDIT_RESULTS));
    },
    async stop() {
      stopped = true;
      await follower?.stop();
      follower = null;
      cache?.close();
      cache = null;
    },
  };

  async function loadKey(serverUrl: string): Promise<boolean> {
    try {
      return (await deps.keyStore.load(serverUrl.replace(/\/+$/, ''))) !== null;
    } catch (error) {
      throw teamException(error);
    }
  }
}
