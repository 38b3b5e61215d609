// Shared helpers for the Bluesky connector's integration tests: fresh sandbox accounts signed in the way the
// app does it (app password → stored session → connector), unique keywords, and paging through columns.
import { randomUUID } from 'node:crypto';
import { AtpAgent } from '@atproto/api';
import { inject } from 'vitest';
import { createBlueskyConnector } from '../../../../src-main/connectors/bluesky/bluesky-connector.ts';
import type {
  BlueskyConnector,
  BlueskySession,
} from '../../../../src-main/connectors/bluesky/bluesky-connector.ts';
import { signInToBluesky } from '../../../../src-main/connectors/bluesky/sign-in.ts';
import type { ColumnSource } from '../../../../src-shared/domain/column.ts';
import type { StreamItem } from '../../../../src-shared/domain/stream-item.ts';
import type { Page } from '../../../../src-main/connectors/connector.ts';
import { SandboxClient } from '../../../support/sandbox-client.ts';
import type { SandboxAccount } from '../../../support/sandbox-client.ts';

export const info = inject('sandbox');
export const sandbox = new SandboxClient(info);

/** Letters and digits only, so it survives search tokenising and can double as a hashtag. */
export const uniqueWord = (prefix = 'kw'): string =>
  `${prefix}${randomUUID().replace(/-/g, '').slice(0, 16)}`;

export interface Person {
  readonly account: SandboxAccount;
  readonly session: BlueskySession;
  readonly connector: BlueskyConnector;
  /** A plain @atproto/api agent for arranging the world (writes the control endpoint does not offer). */
  readonly agent: AtpAgent;
}

export async function sessionFor(account: SandboxAccount): Promise<BlueskySession> {
  const identity = await signInToBluesky({
    service: info.pdsUrl,
    identifier: account.handle,
    appPassword: account.appPassword,
  });
  return { ...identity.session, did: identity.did, handle: identity.handle };
}

export async function person(handlePrefix: string): Promise<Person> {
  const account = await sandbox.createAccount({ handlePrefix });
  const connector = await createBlueskyConnector({
    service: info.pdsUrl,
    session: await sessionFor(account),
    onSessionUpdate: () => undefined,
    webUrl: info.appviewUrl,
  });
  const agent = new AtpAgent({ service: info.pdsUrl });
  await agent.login({ identifier: account.handle, password: account.appPassword });
  return { account, session: connector.currentSession() as BlueskySession, connector, agent };
}

export function source(type: ColumnSource['type'], param: string | null = null): ColumnSource {
  return { type, accountId: 'acct-test', param };
}

export function firstPage(
  who: Person,
  type: ColumnSource['type'],
  param: string | null = null,
  limit = 50,
): Promise<Page> {
  return who.connector.fetchPage({ source: source(type, param), since: null, before: null, limit });
}

export async function itemsOf(
  who: Person,
  type: ColumnSource['type'],
  param: string | null = null,
): Promise<StreamItem[]> {
  return [...(await firstPage(who, type, param)).items];
}
