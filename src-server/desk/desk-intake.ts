// Intake: a mention, reply or quote the brand poller stored becomes a message of its conversation, in the
// poller's own transaction. The embedded desk's ingestOne (src-main/desk/desk-ingest.ts) does the filing —
// thread keying, reopening, priority, required skills and SLA clocks — against a small repository staged
// from the team database, so both desks file an item the same way.
import { ulid } from 'ulid';
import type { Account } from '../../src-shared/domain/account.ts';
import type { StreamItem } from '../../src-shared/domain/stream-item.ts';
import type { DeskSettings } from '../../src-shared/desk/desk-settings.ts';
import { conversationKey, threadIdFor } from '../../src-shared/desk/conversation.ts';
import { ingestOne } from '../../src-main/desk/desk-ingest.ts';
import type { DeskContext } from '../../src-main/desk/desk-context.ts';
import type {
  DeskRepository,
  StoredConversation,
  StoredMessage,
} from '../../src-main/desk/desk-repository.ts';
import type { SqlExecutor } from '../storage/sql-engine.ts';
import {
  addDeskMessage,
  findConversationByKey,
  findDeskMessage,
  readDeskSettings,
  saveConversation,
  threadOfRemote,
  type DeskConversationRecord,
} from './desk-store.ts';
import { queueState } from './desk-queue.ts';

export interface IntakeAccount {
  readonly id: string;
  readonly network: Account['network'];
  readonly remoteId: string;
  readonly handle: string;
  readonly connectedAt: number;
}

/** Reads the brand account as intake needs it; null when it was removed. */
export async function intakeAccount(db: SqlExecutor, accountId: string): Promise<IntakeAccount | null> {
  const row = await db.get(
    'SELECT id, network, remote_id, handle, connected_at FROM brand_accounts WHERE id = ? AND removed_at IS NULL',
    [accountId],
  );
  if (!row) return null;
  return {
    id: String(row['id']),
    network: row['network'] as Account['network'],
    remoteId: String(row['remote_id']),
    handle: String(row['handle']),
    connectedAt: Number(row['connected_at']),
  };
}

/** The brand poller's hook (brand-poller.ts ItemStoredHook): files the item if its account is still connected. */
export async function deskIntake(
  tx: SqlExecutor,
  accountId: string,
  item: StreamItem,
  at: number,
): Promise<void> {
  const account = await intakeAccount(tx, accountId);
  if (account) await fileBrandItem(tx, account, item, at);
}

/** Files one stored item; returns the conversation's id, or null when it is not an inquiry (or seen before). */
export async function fileBrandItem(
  tx: SqlExecutor,
  account: IntakeAccount,
  item: StreamItem,
  at: number,
): Promise<string | null> {
  // What ingestOne will ask, read ahead: whether the message is known, its thread, and its conversation.
  const known = await findDeskMessage(tx, item.key);
  const replyTo = item.replyTo?.remoteId ?? null;
  const knownThread = replyTo === null ? null : await threadOfRemote(tx, account.id, replyTo);
  const threadId = threadIdFor({ remoteId: item.remoteId, replyToRemoteId: replyTo }, () => knownThread);
  const existing = await findConversationByKey(tx, conversationKey(account.id, item.author.id, threadId));
  const { settings } = await readDeskSettings(tx);
  const desk = settings.desk as DeskSettings;

  let saved: { conversation: StoredConversation; event: string; detail: unknown } | null = null;
  let message: StoredMessage | null = null;
  const staged: Pick<DeskRepository, 'message' | 'threadOf' | 'byKey' | 'addMessage'> = {
    message: () => known,
    threadOf: () => knownThread,
    byKey: () => existing,
    addMessage: (m) => {
      message = m;
      return true;
    },
  };
  const ctx = {
    deps: { repo: staged, settings: () => desk, since: account.connectedAt, newId: () => ulid(at) },
    policy: () => desk.sla,
    save: (conversation: StoredConversation, event: string, detail: unknown) => {
      saved = { conversation, event, detail };
    },
  } as unknown as DeskContext;
  const fullAccount = { ...account, displayName: account.handle } as unknown as Account;
  const id = ingestOne(ctx, fullAccount, item, at);
  const filed = saved as { conversation: StoredConversation; event: string; detail: unknown } | null;
  if (id === null || filed === null || message === null) return null;

  const reopened = filed.event === 'reopened';
  const record: DeskConversationRecord = {
    ...filed.conversation,
    version: existing ? existing.version + 1 : 1,
    waitingSince: queueState(filed.conversation.life, existing?.waitingSince ?? null, at, reopened),
  };
  await saveConversation(tx, record, {
    event: filed.event,
    detail: filed.detail,
    actorId: null,
    at,
    policy: desk.sla,
    eventId: ulid(at),
  });
  await addDeskMessage(tx, message);
  return id;
}
