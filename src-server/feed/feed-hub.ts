// The change feed over WebSocket. Each subscriber has the last number it was sent; a pump sends everything
// after it in order, from a shared window of recent changes when it reaches that far back, otherwise from the
// database. A wake-up after each commit moves every pump forward. Because each subscriber only ever sends
// `lastSent + 1, + 2, …`, the tail and the live changes meet with no gap and no duplicate.
import type { WebSocket } from 'ws';
import { FEED_CLOSE, type FeedFrame, type TeamChange } from '../../src-shared/team/team-feed.ts';
import { readChangesAfter } from '../storage/change-log.ts';
import type { SqlExecutor } from '../storage/sql-engine.ts';
import type { FeedControl } from '../handlers/context.ts';
import type { TeamRole } from '../../src-shared/team/team-contract.ts';
import type { Presence } from '../../src-shared/desk/desk-team-contract.ts';
import { createPresenceRegistry } from '../desk/desk-presence.ts';

const DB_BATCH = 500;
const WINDOW = 2_000;
/** A client this far behind in reading is closed; it resumes from its cursor when it reconnects. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

interface Subscriber {
  readonly socket: WebSocket;
  readonly memberId: string;
  readonly deviceId: string;
  readonly admin: boolean;
  lastSent: number;
  caughtUp: boolean;
  pumping: boolean;
  again: boolean;
  closed: boolean;
}

interface WindowEntry {
  readonly seq: number;
  /** The frame as admins see it. */
  readonly frame: string;
  /** The frame as everyone else sees it: the same number, without what only admins may read. */
  readonly redacted: string;
  /** Set for brand-account records: non-admins see them only with access to that account. */
  readonly brandAccountId: string | null;
  /** Set for approval requests: the author and the approvers, the only non-admins sent the record. */
  readonly audience: ReadonlySet<string> | null;
}

/** Invitations are for admins (as `invitations:list` is); others get the number with the record's data left out. */
const ADMIN_ONLY_ENTITIES: ReadonlySet<TeamChange['entity']> = new Set(['invitation']);
const ADMIN_ROLES: ReadonlySet<TeamRole> = new Set(['owner', 'admin']);
/** Brand records of one account; a `brandAccess` change is also sent to the member it concerns. */
const BRAND_ENTITIES: ReadonlySet<TeamChange['entity']> = new Set([
  'brandAccount',
  'brandAccess',
  'brandItem',
  'brandPost',
  'approvalPolicy',
  // The inquiry desk's conversations and notes belong to the brand account they came in on.
  'conversation',
  'deskNote',
]);

/** An approval request's change is addressed to its author and approvers (an expiry tells the author at once). */
function audienceOf(change: TeamChange): ReadonlySet<string> | null {
  if (change.entity !== 'approval') return null;
  const people = new Set<string>();
  if (typeof change.data['authorId'] === 'string') people.add(change.data['authorId']);
  const steps = Array.isArray(change.data['steps']) ? (change.data['steps'] as unknown[]) : [];
  for (const step of steps) {
    const ids = (step as { approverIds?: unknown }).approverIds;
    if (Array.isArray(ids)) for (const id of ids) if (typeof id === 'string') people.add(id);
  }
  return people;
}

function brandAccountOf(change: TeamChange): string | null {
  // A saved reply names an account only when it is kept for one; otherwise every member may use it.
  if (change.entity === 'savedReply' && typeof change.data['accountId'] === 'string') {
    return change.data['accountId'];
  }
  if (!BRAND_ENTITIES.has(change.entity)) return null;
  if (change.entity === 'brandAccount') return change.entityId;
  const accountId = change.data['accountId'];
  return typeof accountId === 'string' ? accountId : '';
}

export interface FeedHub extends FeedControl {
  attach(
    socket: WebSocket,
    who: { memberId: string; deviceId: string; role: TeamRole; after: number; expiresAt: number },
  ): void;
  readonly size: number;
  /** Members with a feed connection open to this process (the desk counts the others as offline). */
  connectedMembers(): string[];
  closeAll(): void;
}

export function createFeedHub(
  db: SqlExecutor,
  options: {
    now?: () => number;
    /** May this non-admin member see records of this brand account (brand/brand-service.ts)? */
    canSeeBrand?: (memberId: string, accountId: string) => boolean;
    /** A member's feed connection opened or closed (the desk's availability follows it). */
    onPresenceOfMember?: (memberId: string, connected: boolean) => void;
  } = {},
): FeedHub {
  const canSeeBrand = options.canSeeBrand ?? (() => false);
  const now = options.now ?? Date.now;
  const subscribers = new Set<Subscriber>();
  const presences = createPresenceRegistry(now);
  const recent: WindowEntry[] = [];
  let windowSeq = 0;
  let refreshing: Promise<void> | null = null;
  let refreshAgain = false;

  const encode = (change: TeamChange): string =>
    JSON.stringify({ kind: 'change', change } satisfies FeedFrame);
  const entryFor = (change: TeamChange): WindowEntry => {
    const frame = encode(change);
    const brandAccountId = brandAccountOf(change);
    const audience = audienceOf(change);
    const redacted =
      ADMIN_ONLY_ENTITIES.has(change.entity) || brandAccountId !== null || audience !== null
        ? encode({ ...change, data: {} })
        : frame;
    return { seq: change.seq, frame, redacted, brandAccountId, audience };
  };
  const frameFor = (subscriber: Subscriber, entry: WindowEntry) => {
    if (subscriber.admin) return entry.frame;
    if (entry.audience?.has(subscriber.memberId)) return entry.frame;
    if (entry.brandAccountId !== null && canSeeBrand(subscriber.memberId, entry.brandAccountId)) {
      return entry.frame;
    }
    return entry.redacted;
  };

  /** Reads newly committed changes into the shared window once, for every subscriber. */
  async function refreshWindow(): Promise<void> {
    if (refreshing) {
      refreshAgain = true;
      return refreshing;
    }
    refreshing = (async () => {
      do {
        refreshAgain = false;
        for (;;) {
          const changes = await readChangesAfter(db, windowSeq, DB_BATCH);
          for (const change of changes) recent.push(entryFor(change));
          if (changes.length > 0) windowSeq = changes[changes.length - 1]!.seq;
          if (recent.length > WINDOW) recent.splice(0, recent.length - WINDOW);
          if (changes.length < DB_BATCH) break;
        }
      } while (refreshAgain);
    })().finally(() => (refreshing = null));
    return refreshing;
  }

  function send(subscriber: Subscriber, frame: string): boolean {
    if (subscriber.closed) return false;
    if (subscriber.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      close(subscriber, 1013, 'reading too slowly; reconnect from your cursor');
      return false;
    }
    subscriber.socket.send(frame);
    return true;
  }

  async function pump(subscriber: Subscriber): Promise<void> {
    if (subscriber.pumping) {
      subscriber.again = true;
      return;
    }
    subscriber.pumping = true;
    try {
      do {
        subscriber.again = false;
        for (;;) {
          if (subscriber.closed) return;
          const first = recent[0];
          if (first && first.seq <= subscriber.lastSent + 1) {
            // Sequence numbers are dense, so the entry after lastSent sits at a known offset in the window.
            const start = subscriber.lastSent + 1 - first.seq;
            for (let i = start; i < recent.length; i++) {
              const entry = recent[i]!;
              if (!send(subscriber, frameFor(subscriber, entry))) return;
              subscriber.lastSent = entry.seq;
            }
            break;
          }
          const changes = await readChangesAfter(db, subscriber.lastSent, DB_BATCH);
          for (const change of changes) {
            if (!send(subscriber, frameFor(subscriber, entryFor(change)))) return;
            subscriber.lastSent = change.seq;
          }
          if (changes.length < DB_BATCH) break;
        }
        if (!subscriber.caughtUp) {
          subscriber.caughtUp = true;
          send(
            subscriber,
            JSON.stringify({ kind: 'caught_up', seq: subscriber.lastSent } satisfies FeedFrame),
          );
        }
      } while (subscriber.again);
    } finally {
      subscriber.pumping = false;
    }
  }

  function close(subscriber: Subscriber, code: number, reason: string): void {
    if (subscriber.closed) return;
    subscriber.closed = true;
    subscribers.delete(subscriber);
    subscriber.socket.close(code, reason);
    // A peer that never answers the close handshake must not keep the socket: cut it after a second.
    setTimeout(() => subscriber.socket.terminate(), 1_000).unref();
  }

  const pumpAll = () => {
    for (const subscriber of subscribers)
      void pump(subscriber).catch(() => close(subscriber, 1011, 'feed error'));
  };

  return {
    get size() {
      return subscribers.size;
    },
    attach(socket, who) {
      const subscriber: Subscriber = {
        socket,
        memberId: who.memberId,
        deviceId: who.deviceId,
        admin: ADMIN_ROLES.has(who.role),
        lastSent: who.after,
        caughtUp: false,
        pumping: false,
        again: false,
        closed: false,
      };
      subscribers.add(subscriber);
      options.onPresenceOfMember?.(who.memberId, true);
      const expiry = setTimeout(
        () => close(subscriber, FEED_CLOSE.sessionExpired, 'session expired; log in again'),
        Math.max(0, who.expiresAt - now()),
      );
      expiry.unref();
      socket.on('close', () => {
        clearTimeout(expiry);
        subscriber.closed = true;
        subscribers.delete(subscriber);
        options.onPresenceOfMember?.(who.memberId, false);
      });
      socket.on('error', () => close(subscriber, 1011, 'socket error'));
      // Clients only listen; anything they send is ignored.
      void refreshWindow()
        .then(() => pump(subscriber))
        .catch(() => close(subscriber, 1011, 'feed error'));
    },
    wake() {
      void refreshWindow().then(pumpAll, () => undefined);
    },
    refresh(memberId) {
      for (const subscriber of [...subscribers]) {
        if (subscriber.memberId === memberId)
          close(subscriber, FEED_CLOSE.roleChanged, 'role changed; reconnect');
      }
    },
    disconnect(scope) {
      for (const subscriber of [...subscribers]) {
        const matches =
          'memberId' in scope
            ? subscriber.memberId === scope.memberId
            : subscriber.deviceId === scope.deviceId;
        if (!matches) continue;
        const frame: FeedFrame = { kind: 'revoked', scope: 'memberId' in scope ? 'member' : 'device' };
        subscriber.socket.send(JSON.stringify(frame));
        close(subscriber, FEED_CLOSE.revoked, 'access revoked');
      }
    },
    announcePresence(presence) {
      presences.record(presence);
      const frame = JSON.stringify({ kind: 'presence', presence } satisfies FeedFrame);
      for (const subscriber of subscribers) {
        if (subscriber.admin || canSeeBrand(subscriber.memberId, presence.accountId)) send(subscriber, frame);
      }
    },
    presenceOf: (conversationId: string): Presence[] => presences.of(conversationId),
    connectedMembers: () => [...new Set([...subscribers].map((s) => s.memberId))],
    closeAll() {
      for (const subscriber of [...subscribers])
        close(subscriber, FEED_CLOSE.shuttingDown, 'server shutting down');
    },
  };
}
