// Follows the team server's change feed from a cursor: applies changes strictly in order (each one awaited
// before the next), reconnects with backoff from the last applied number, logs in again when the session
// expires, and stops for good when the server says this member or device was revoked.
import WebSocket from 'ws';
import { FEED_CLOSE, FeedFrameSchema, type TeamChange } from '../../src-shared/team/team-feed.ts';
import { TEAM_FEED_PATH } from '../../src-shared/team/team-contract.ts';
import type { TeamClient } from './team-client.ts';
import type { Presence } from '../../src-shared/desk/desk-team-contract.ts';

export interface FeedFollowerOptions {
  readonly client: TeamClient;
  /** The last change number this desktop applied (0 for none). */
  readonly after: number;
  /** Applies one change to the cache; its number is the new cursor once this resolves. */
  readonly apply: (change: TeamChange) => Promise<void> | void;
  readonly onCaughtUp?: (seq: number) => void;
  /** Someone started or stopped viewing or replying to a conversation (not numbered, not stored). */
  readonly onPresence?: (presence: Presence) => void;
  /** The member or device was revoked: the desktop should erase its team cache. */
  readonly onRevoked?: (scope: 'member' | 'device') => void;
  readonly onConnection?: (state: 'open' | 'closed') => void;
  readonly minBackoffMs?: number;
  readonly maxBackoffMs?: number;
}

export interface FeedFollower {
  /** The last change number applied. */
  cursor(): number;
  stop(): Promise<void>;
}

export function followTeamFeed(options: FeedFollowerOptions): FeedFollower {
  const minBackoff = options.minBackoffMs ?? 250;
  const maxBackoff = options.maxBackoffMs ?? 10_000;
  let cursor = options.after;
  let stopped = false;
  let socket: WebSocket | null = null;
  let backoff = minBackoff;
  let retryTimer: NodeJS.Timeout | null = null;
  let applying: Promise<void> = Promise.resolve();

  function schedule(): void {
    if (stopped) return;
    // Jitter, so two hundred desktops do not come back in the same millisecond after a server restart.
    const delay = backoff / 2 + Math.random() * (backoff / 2);
    backoff = Math.min(maxBackoff, backoff * 2);
    retryTimer = setTimeout(() => void connect(), delay);
  }

  async function connect(): Promise<void> {
    retryTimer = null;
    if (stopped) return;
    let session;
    try {
      session = await options.client.session();
    } catch {
      return schedule();
    }
    if (stopped) return;
    if (!session.ok) return schedule();
    const url = `${options.client.serverUrl.replace(/^http/, 'ws')}${TEAM_FEED_PATH}?after=${cursor}`;
    const ws = new WebSocket(url, { headers: { authorization: `Bearer ${session.value.token}` } });
    socket = ws;
    ws.on('open', () => {
      backoff = minBackoff;
      options.onConnection?.('open');
    });
    ws.on('message', (data) => {
      const parsed = FeedFrameSchema.safeParse(safeJson(data.toString()));
      if (!parsed.success) return;
      const frame = parsed.data;
      applying = applying.then(async () => {
        if (frame.kind === 'change') {
          // Harmless repeats: a change at or below the cursor was applied already.
          if (frame.change.seq <= cursor) return;
          await options.apply(frame.change);
          cursor = frame.change.seq;
        } else if (frame.kind === 'caught_up') {
          options.onCaughtUp?.(frame.seq);
        } else if (frame.kind === 'presence') {
          options.onPresence?.(frame.presence);
        } else {
          stopped = true;
          options.onRevoked?.(frame.scope);
        }
      });
      // A change the cache could not apply: drop the connection and resume from the last applied number.
      applying = applying.catch(() => ws.terminate());
    });
    ws.on('error', () => undefined);
    ws.on('close', (code) => {
      if (socket === ws) socket = null;
      options.onConnection?.('closed');
      if (code === FEED_CLOSE.revoked) stopped = true;
      if (code === FEED_CLOSE.unauthenticated || code === FEED_CLOSE.sessionExpired)
        void options.client.login();
      void applying.then(schedule);
    });
  }

  void connect();
  return {
    cursor: () => cursor,
    async stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      const open = socket;
      if (open && open.readyState !== WebSocket.CLOSED) {
        await new Promise<void>((resolve) => {
          open.once('close', () => resolve());
          open.close();
        });
      }
      await applying;
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
