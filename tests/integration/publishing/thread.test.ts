// A thread published by the real outbox through the real Bluesky connector on the local Bluesky network:
// three posts, each a reply to the one before it with the thread's first post as root, read back from the
// PDS records and from the AppView's thread view; and a thread answering someone else's post.
import { AtpAgent } from '@atproto/api';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { StoredJob } from '../../../src-main/publishing/outbox-job.ts';
import type { OutgoingPost, PostRef } from '../../../src-shared/compose/post.ts';
import { SandboxClient, type RecordRef, type SandboxAccount } from '../../support/sandbox-client.ts';
import { signedInBlueskyAccount } from './support/bluesky-account.ts';
import { startBlueskyOutbox, type BlueskyOutbox } from './support/bluesky-outbox.ts';

const info = inject('sandbox');
const sandbox = new SandboxClient(info);

let running: BlueskyOutbox | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function outboxFor(user: SandboxAccount): Promise<BlueskyOutbox> {
  const { connector, account } = await signedInBlueskyAccount(info, user);
  return startBlueskyOutbox(connector, account);
}

function threadPost(texts: readonly string[], replyTo: PostRef | null = null): OutgoingPost {
  const [first = '', ...rest] = texts;
  return {
    targets: [
      {
        accountId: 'acct-bsky',
        network: 'bluesky',
        text: first,
        contentWarning: null,
        media: [],
        visibility: null,
        language: 'en',
        followUps: rest.map((text) => ({ text, contentWarning: null })),
      },
    ],
    replyTo,
    quote: null,
    scheduledAt: null,
  };
}

async function publish(outbox: BlueskyOutbox, post: OutgoingPost): Promise<StoredJob[]> {
  const settled = await outbox.publishNow(post);
  expect(settled.map((j) => [j.state, j.lastError?.message ?? null])).toEqual(
    settled.map(() => ['sent', null]),
  );
  return settled.sort((a, b) => a.threadIndex - b.threadIndex);
}

interface PostRecord {
  readonly text: string;
  readonly langs?: string[];
  readonly reply?: { root: RecordRef; parent: RecordRef };
}

async function recordOf(
  agent: AtpAgent,
  did: string,
  rkey: string,
): Promise<{ ref: RecordRef; value: PostRecord }> {
  const answer = await agent.com.atproto.repo.getRecord({
    repo: did,
    collection: 'app.bsky.feed.post',
    rkey,
  });
  return {
    ref: { uri: answer.data.uri, cid: answer.data.cid ?? '' },
    value: answer.data.value as unknown as PostRecord,
  };
}

describe('publishing a thread to the local Bluesky network', () => {
  it(
    'posts three posts, each replying to the previous one, rooted at the first',
    { timeout: 60_000 },
    async () => {
      const user = await sandbox.createAccount({ handlePrefix: 'thread' });
      running = await outboxFor(user);
      const marker = `thread${Date.now().toString(36)}`;
      const texts = [`${marker} 1/3 start`, `${marker} 2/3 middle`, `${marker} 3/3 end`];
      const jobs = await publish(running, threadPost(texts));

      const agent = new AtpAgent({ service: info.pdsUrl });
      const records = await Promise.all(jobs.map((j) => recordOf(agent, user.did, j.rkey!)));
      expect(records.map((r) => r.value.text)).toEqual(texts);
      expect(records.map((r) => r.value.langs)).toEqual([['en'], ['en'], ['en']]);
      const [first, second, third] = records;
      // The outbox kept each post's URI and CID: they are exactly what the network holds.
      expect(jobs.map((j) => ({ uri: j.remoteId, cid: j.remoteCid }))).toEqual(records.map((r) => r.ref));
      expect(first!.value.reply).toBeUndefined();
      expect(second!.value.reply).toEqual({ root: first!.ref, parent: first!.ref });
      expect(third!.value.reply).toEqual({ root: first!.ref, parent: second!.ref });

      // The AppView sees one thread: first → second → third.
      await sandbox.processAll();
      const appview = new AtpAgent({ service: info.appviewUrl });
      const view = await appview.app.bsky.feed.getPostThread({ uri: first!.ref.uri, depth: 5 });
      const chain: string[] = [];
      let node = view.data.thread as { post?: { uri: string }; replies?: unknown[] } | undefined;
      while (node?.post) {
        chain.push(node.post.uri);
        node = node.replies?.[0] as typeof node;
      }
      expect(chain).toEqual(records.map((r) => r.ref.uri));
    },
  );

  it(
    'a thread answering someone else’s post keeps that post’s thread root',
    { timeout: 60_000 },
    async () => {
      const [author, user] = await Promise.all([
        sandbox.createAccount({ handlePrefix: 'asker' }),
        sandbox.createAccount({ handlePrefix: 'answerer' }),
      ]);
      const posted = await sandbox.post({ handle: author.handle, text: 'Which release fixed the import?' });
      const question = { uri: posted.uri, cid: posted.cid };
      running = await outboxFor(user);
      const replyTo: PostRef = {
        network: 'bluesky',
        remoteId: question.uri,
        cid: question.cid,
        sourceAccountId: null,
      };
      const jobs = await publish(running, threadPost(['It was 2.4.', 'Details in the changelog.'], replyTo));

      const agent = new AtpAgent({ service: info.pdsUrl });
      const [answer, details] = await Promise.all(jobs.map((j) => recordOf(agent, user.did, j.rkey!)));
      expect(answer!.value.reply).toEqual({ root: question, parent: question });
      expect(details!.value.reply).toEqual({ root: question, parent: answer!.ref });
    },
  );
});
