// Several server processes on one PostgreSQL database: every process runs its own feed hub for its own
// sockets. Changes wake the other processes through the NOTIFY each write transaction sends on commit
// (change-log.ts); revocations and role changes are broadcast here, after commit, and every process closes
// the matching sockets it holds. Each process also answers its own calls locally, without waiting for the
// round trip through the database.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { PresenceSchema } from '../../src-shared/desk/desk-team-contract.ts';
import type { FeedControl } from '../handlers/context.ts';
import { CHANGES_CHANNEL } from '../storage/change-log.ts';
import type { PostgresEngine } from '../storage/postgres-engine.ts';
import type { FeedHub } from './feed-hub.ts';

export const FEED_CONTROL_CHANNEL = 'roost_revocations';
/** Presences announced by one process, for the sockets and the registries of the others. */
export const PRESENCE_CHANNEL = 'roost_presence';

const controlMessage = z.object({
  origin: z.string(),
  op: z.enum(['disconnect', 'refresh']),
  memberId: z.string().max(64).optional(),
  deviceId: z.string().max(128).optional(),
});
type ControlMessage = z.infer<typeof controlMessage>;
const presenceMessage = z.object({ origin: z.string(), presence: PresenceSchema });

export async function shareFeedAcrossProcesses(
  engine: PostgresEngine,
  hub: FeedHub,
  options: { onError?: (error: unknown) => void } = {},
): Promise<FeedControl> {
  const origin = randomUUID();
  const apply = (message: ControlMessage) => {
    if (message.op === 'refresh' && message.memberId) hub.refresh(message.memberId);
    else if (message.op === 'disconnect' && message.memberId) hub.disconnect({ memberId: message.memberId });
    else if (message.op === 'disconnect' && message.deviceId) hub.disconnect({ deviceId: message.deviceId });
  };
  await engine.listen(
    [CHANGES_CHANNEL, FEED_CONTROL_CHANNEL, PRESENCE_CHANNEL],
    (channel, payload) => {
      if (channel === CHANGES_CHANNEL) return hub.wake();
      if (channel === PRESENCE_CHANNEL) return applyPresence(payload);
      let parsed: ControlMessage;
      try {
        parsed = controlMessage.parse(JSON.parse(payload));
      } catch (error) {
        return options.onError?.(error);
      }
      if (parsed.origin !== origin) apply(parsed);
    },
    // Notifications sent while the listening connection was down are lost: catch up on changes at least.
    () => hub.wake(),
  );
  function applyPresence(payload: string): void {
    try {
      const message = presenceMessage.parse(JSON.parse(payload));
      if (message.origin !== origin) hub.announcePresence(message.presence);
    } catch (error) {
      options.onError?.(error);
    }
  }
  const broadcast = (message: Omit<ControlMessage, 'origin'>) => {
    apply({ origin, ...message });
    engine.notify(FEED_CONTROL_CHANNEL, JSON.stringify({ origin, ...message })).catch(options.onError);
  };
  return {
    wake: () => hub.wake(),
    refresh: (memberId) => broadcast({ op: 'refresh', memberId }),
    disconnect: (scope) => broadcast({ op: 'disconnect', ...scope }),
    announcePresence(presence) {
      hub.announcePresence(presence);
      engine.notify(PRESENCE_CHANNEL, JSON.stringify({ origin, presence })).catch(options.onError);
    },
    presenceOf: (conversationId) => hub.presenceOf(conversationId),
  };
}
