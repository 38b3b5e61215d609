// The post a desk reply publishes: a reply to the contact's latest message, from the conversation's own
// brand account, built the same way the deck's inline reply builds one, for the same guarded path.
import type { OutgoingPost } from '../compose/post.ts';
import type { DeskMessage } from '../contract/desk-contract.ts';

export function replyPostFor(message: DeskMessage, accountId: string, text: string): OutgoingPost {
  if (message.network === 'rss') throw new Error('Feed items cannot be answered.');
  return {
    targets: [{ accountId, network: message.network, text, contentWarning: null, media: [] }],
    replyTo: {
      network: message.network,
      // Mastodon replies to the instance-local status id; Bluesky to the URI with its CID.
      remoteId: message.network === 'mastodon' && message.actionRef ? message.actionRef : message.remoteId,
      cid: message.network === 'bluesky' ? message.actionRef : null,
      sourceAccountId: accountId,
    },
    quote: null,
    scheduledAt: null,
  };
}

/** The message a reply answers: the contact's latest one. */
export function lastInbound(messages: readonly DeskMessage[]): DeskMessage | null {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]!.direction === 'in') return messages[i]!;
  return null;
}
