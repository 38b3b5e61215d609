// The contract handlers for desk:*, so main's composition root wires the embedded desk with one spread.
import type { Handlers } from '../rpc/router.ts';
import type { DeskService } from './desk-service.ts';

/**
 * desk:refresh, desk:stats and the settings belong to the host, which knows where mentions come from, stores
 * the settings and knows the SLA policy in force (embedded-desk.ts).
 */
type DeskMethod = Exclude<
  Extract<keyof Handlers, `desk:${string}`>,
  'desk:refresh' | 'desk:stats' | 'desk:settings' | 'desk:updateSettings'
>;

export function deskHandlers(desk: DeskService): Pick<Handlers, DeskMethod> {
  return {
    'desk:list': (input) => desk.list(input.view, input.limit),
    'desk:counts': () => desk.counts(),
    'desk:conversation': (input) => desk.conversation(input.id),
    'desk:act': (input) => desk.act(input.id, input.action),
    'desk:addNote': (input) => desk.addNote(input.id, input.text),
    'desk:changesSince': (input) => desk.changesSince(input.id, input.since),
    'desk:recordReply': (input) => desk.recordReply(input.id, input.jobId, input.text),
    'desk:savedReplies': () => desk.savedReplies(),
    'desk:saveReply': (input) => desk.saveReply(input),
    'desk:deleteReply': (input) => ({ deleted: desk.deleteReply(input.id).deleted }),
    'desk:useReply': (input) => desk.useReply(input.id, input.conversationId, input.lang),
  };
}
