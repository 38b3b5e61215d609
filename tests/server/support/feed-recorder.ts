// Follows a team feed like a desktop would and records every change it applied, in order.
import type { TeamChange } from '../../../src-shared/team/team-feed.ts';
import { followTeamFeed, type FeedFollower } from '../../../src-main/team/team-feed-client.ts';
import type { TeamClient } from '../../../src-main/team/team-client.ts';

export interface FeedRecorder {
  readonly applied: TeamChange[];
  readonly follower: FeedFollower;
  revoked: 'member' | 'device' | null;
  closedAt: number | null;
  /** Resolves once a change numbered `seq` or later has been applied. */
  waitFor(seq: number, timeoutMs?: number): Promise<void>;
}

export function recordFeed(
  client: TeamClient,
  after = 0,
  options: { minBackoffMs?: number } = {},
): FeedRecorder {
  const waiters: { seq: number; resolve: () => void }[] = [];
  const recorder: FeedRecorder = {
    applied: [],
    revoked: null,
    closedAt: null,
    follower: followTeamFeed({
      client,
      after,
      minBackoffMs: options.minBackoffMs ?? 50,
      maxBackoffMs: 500,
      apply: (change) => {
        recorder.applied.push(change);
        for (const waiter of [...waiters]) {
          if (change.seq >= waiter.seq) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve();
          }
        }
      },
      onRevoked: (scope) => (recorder.revoked = scope),
      onConnection: (state) => {
        if (state === 'closed') recorder.closedAt = performance.now();
      },
    }),
    waitFor(seq, timeoutMs = 10_000) {
      if (recorder.follower.cursor() >= seq) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`change ${seq} not applied; cursor ${recorder.follower.cursor()}`)),
          timeoutMs,
        );
        waiters.push({ seq, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
  };
  return recorder;
}

/** Throws unless `changes` are numbered exactly from, from+1, … to. */
export function expectContiguous(changes: readonly TeamChange[], from: number, to: number): void {
  const seqs = changes.map((change) => change.seq);
  const expected = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  if (JSON.stringify(seqs) !== JSON.stringify(expected)) {
    throw new Error(
      `feed not contiguous: got ${seqs.length} changes [${seqs.slice(0, 5)}…${seqs.slice(-5)}], expected ${from}..${to}`,
    );
  }
}

/** Opens the feed with a bare WebSocket (no client-side de-duplication) and collects the frames as sent. */
export async function rawFeedFrames(
  client: TeamClient,
  after: number,
  untilSeq: number,
): Promise<{ kind: string; change?: TeamChange; seq?: number }[]> {
  const { default: WebSocket } = await import('ws');
  const session = await client.session();
  if (!session.ok) throw new Error(session.error.code);
  const ws = new WebSocket(`${client.serverUrl.replace(/^http/, 'ws')}/v1/feed?after=${after}`, {
    headers: { authorization: `Bearer ${session.value.token}` },
  });
  const frames: { kind: string; change?: TeamChange; seq?: number }[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`feed stopped at ${frames.length} frames`)), 10_000);
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { kind: string; change?: TeamChange };
      frames.push(frame);
      if (frame.change && frame.change.seq >= untilSeq) {
        clearTimeout(timer);
        resolve();
      }
    });
    ws.on('error', reject);
  });
  ws.close();
  return frames;
}
