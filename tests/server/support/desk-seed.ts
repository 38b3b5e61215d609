// Conversations written straight into a server's database, as intake would write them from a mention: the
// tests of working a conversation need one to work on, whatever brings inquiries in.
import { ulid } from 'ulid';
import { conversationKey } from '../../../src-shared/desk/conversation.ts';
import { startClock, tierFor } from '../../../src-shared/desk/sla.ts';
import {
  addDeskMessage,
  DEFAULT_TEAM_DESK_SETTINGS,
  saveConversation,
  type DeskConversationRecord,
} from '../../../src-server/desk/desk-store.ts';
import { openEngineFor, type EngineName } from './test-databases.ts';

type Storage = { dataDir: string; database?: string };
const policy = DEFAULT_TEAM_DESK_SETTINGS.desk.sla;

/** A new, unassigned conversation opened by `@handle` writing `text` to the brand account. */
export async function seedConversation(
  engine: EngineName,
  storage: Storage,
  accountId: string,
  contact: { handle: string; displayName: string },
  text: string,
  at = Date.now(),
): Promise<string> {
  const id = ulid(at);
  const remoteId = `at://did:plc:${contact.handle.replace(/\W/g, '')}/app.bsky.feed.post/${id.toLowerCase()}`;
  const record: DeskConversationRecord = {
    id,
    key: conversationKey(accountId, `did:plc:${contact.handle}`, remoteId),
    accountId,
    network: 'bluesky',
    contact: { id: `did:plc:${contact.handle}`, avatarUrl: null, ...contact },
    threadId: remoteId,
    life: { state: 'new', ownerId: null, snoozedUntil: null },
    priority: 10,
    priorityReasons: [],
    skills: [],
    lang: 'en',
    inboundText: text,
    excerpt: text.slice(0, 200),
    createdAt: at,
    lastMessageAt: at,
    clocks: [startClock('first_response', tierFor(policy, 10), at)],
    version: 1,
    waitingSince: at,
  };
  const db = await openEngineFor(engine, storage);
  try {
    await db.transaction(async (tx) => {
      await saveConversation(tx, record, {
        event: 'created',
        detail: null,
        actorId: null,
        at,
        policy,
        eventId: ulid(at),
      });
      await addInbound(tx, record, remoteId, text, at);
    });
  } finally {
    await db.close();
  }
  return id;
}

/** The contact writes again in an existing conversation (what the collision guard watches for). */
export async function seedContactMessage(
  engine: EngineName,
  storage: Storage,
  conversation: { id: string; accountId: string },
  text: string,
  at = Date.now(),
): Promise<void> {
  const db = await openEngineFor(engine, storage);
  try {
    const remoteId = `at://did:plc:contact/app.bsky.feed.post/${ulid(at).toLowerCase()}`;
    await db.transaction((tx) => addInbound(tx, conversation, remoteId, text, at));
  } finally {
    await db.close();
  }
}

async function addInbound(
  tx: Parameters<typeof addDeskMessage>[0],
  conversation: { id: string; accountId: string },
  remoteId: string,
  text: string,
  at: number,
): Promise<void> {
  await addDeskMessage(tx, {
    id: `bluesky:${remoteId}`,
    conversationId: conversation.id,
    accountId: conversation.accountId,
    status: 'sent',
    direction: 'in',
    network: 'bluesky',
    remoteId,
    actionRef: 'bafyreia' + 'a'.repeat(52),
    authorHandle: 'contact.test',
    text,
    url: null,
    createdAt: at,
    receivedAt: at,
  });
}
