// The contract handlers for teamDesk:*: lists and counts from the team cache, everything else a call to the
// team server's desk methods as this desktop. The feed's desk changes become `teamDesk:changed`, presence
// frames `teamDesk:presence`, and the two changes that concern this member a `teamDesk:notification`.
import type { Handlers } from '../../rpc/router.ts';
import type { EventBus } from '../../rpc/event-bus.ts';
import type { TeamChange } from '../../../src-shared/team/team-feed.ts';
import type { CachedRecord } from '../team-cache.ts';
import type { TeamService } from '../team-service.ts';
import { cachedConversations, countTeamViews, listTeamView } from './team-desk-views.ts';
import { noticeFor } from './team-desk-notices.ts';

type TeamInboxMethod = Extract<keyof Handlers, `teamDesk:${string}`>;

export function teamDeskHandlers(service: TeamService, now: () => number): Pick<Handlers, TeamInboxMethod> {
  const conversations = () => cachedConversations(service.cache()?.records('conversation') ?? []);
  const me = () => service.status().memberId;
  return {
    'teamDesk:list': (input) => listTeamView(conversations(), input.view, me(), now(), input.limit),
    'teamDesk:counts': () => countTeamViews(conversations(), me(), now()),
    'teamDesk:conversation': (input) => service.call('conversations:get', input),
    'teamDesk:act': (input) => service.call('conversations:act', input),
    'teamDesk:bulkAct': (input) => service.call('conversations:bulkAct', input),
    'teamDesk:addNote': (input) => service.call('conversations:addNote', input),
    'teamDesk:changesSince': (input) => service.call('conversations:changesSince', input),
    'teamDesk:reply': (input) => service.call('conversations:reply', input),
    'teamDesk:presence': (input) => service.call('conversations:presence', input),
    'teamDesk:experts': () => service.call('experts:list', {}),
    'teamDesk:updateExpert': (input) => service.call('experts:update', input),
    'teamDesk:setAvailability': (input) => service.call('experts:setAvailability', input),
    'teamDesk:settings': () => service.call('deskSettings:get', {}),
    'teamDesk:updateSettings': (input) => service.call('deskSettings:update', input),
    'teamDesk:savedReplies': () => service.call('savedReplies:list', {}),
    'teamDesk:saveReply': (input) => service.call('savedReplies:save', input),
    'teamDesk:deleteReply': (input) => service.call('savedReplies:delete', input),
    'teamDesk:useReply': (input) => service.call('savedReplies:use', input),
  };
}

/** The conversation a desk change touches, or null for a change the Inbox does not show. */
function conversationOf(change: TeamChange): string | null {
  if (change.entity === 'conversation') return change.entityId;
  if (change.entity === 'deskNote') {
    const id = change.data['conversationId'];
    return typeof id === 'string' ? id : null;
  }
  return null;
}

/** Turns the feed's desk changes into the renderer's events; `memberId` is read per change (it may change). */
export function teamDeskFeedListener(
  events: EventBus,
  memberId: () => string | null,
): (change: TeamChange, previous: CachedRecord | null, resumed: boolean) => void {
  return (change, previous, resumed) => {
    const id = conversationOf(change);
    if (!id || !resumed) return;
    events.emit('teamDesk:changed', { ids: [id] });
    const me = memberId();
    const notice = me ? noticeFor(change, previous, me) : null;
    if (notice) events.emit('teamDesk:notification', notice);
  };
}
