// Inquiries for the desk suites: mentions of a brand account stored the way the brand poller stores them
// (storeBrandItems with the desk's intake hook), through a second connection to the server's own database.
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import type { ExpertProfile } from '../../../src-shared/desk/desk-team-contract.ts';
import { storeBrandItems } from '../../../src-server/brand/brand-poller.ts';
import { deskIntake } from '../../../src-server/desk/desk-intake.ts';
import { openEngineFor, type EngineName } from './test-databases.ts';

/** Around the clock, every day: routing tests do not depend on the hour they run at. */
export function expertProfile(skills: string[], capacity: number): ExpertProfile {
  return {
    skills,
    capacity,
    timeZone: 'UTC',
    week: Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]),
    outOfOffice: [],
  };
}

export function mention(
  n: string,
  text: string,
  options: { contact?: string; replyTo?: string; at?: number } = {},
): StreamItem {
  const contact = options.contact ?? `contact-${n}`;
  const remoteId = `at://did:plc:${contact}/app.bsky.feed.post/${n}`;
  return {
    key: `bluesky:${remoteId}`,
    network: 'bluesky',
    accountId: null,
    kind: options.replyTo ? 'reply' : 'mention',
    remoteId,
    actionRef: `cid-${n}`,
    url: null,
    author: {
      id: `did:plc:${contact}`,
      handle: `${contact}.test`,
      displayName: contact,
      avatarUrl: null,
      profileUrl: null,
      server: null,
      location: null,
    },
    via: null,
    title: null,
    text,
    html: null,
    facets: [],
    media: [],
    lang: 'en',
    contentWarning: null,
    replyTo: options.replyTo ? { remoteId: options.replyTo, authorHandle: null } : null,
    quote: null,
    counts: { replies: 0, reposts: 0, likes: 0, quotes: 0 },
    viewer: { liked: null, reposted: null },
    createdAt: new Date(options.at ?? Date.now()).toISOString(),
    seenAt: new Date(options.at ?? Date.now()).toISOString(),
  };
}

/** Stores the items as the poller would (newest first, as a page arrives) with the desk's intake. */
export async function receiveMentions(
  engine: EngineName,
  storage: { dataDir: string; database?: string },
  accountId: string,
  items: readonly StreamItem[],
  at = Date.now(),
): Promise<number> {
  const db = await openEngineFor(engine, storage);
  try {
    return await storeBrandItems(db, accountId, 'mentions', [...items].reverse(), at, deskIntake);
  } finally {
    await db.close();
  }
}
