// The embedded desk against the local Bluesky network, through main's real services over the browser-mode
// WebSocket: a contact mentions the brand, the inquiry appears in the desk with the priority and skill its
// words call for; the reply goes out through the guarded path once and lands on the network once; the
// contact's answer joins the same conversation; and an internal note, pushed through every desk method,
// never reaches the network or the outbox.
import { AtpAgent } from '@atproto/api';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REQUEST_METHODS, type RequestMethod } from '../../../src-shared/contract/contract.ts';
import type { ConversationDetail, ConversationSummary } from '../../../src-shared/contract/desk-contract.ts';
import type { OutboxJob } from '../../../src-shared/contract/publishing-contract.ts';
import { defaultDeskSettings, type DeskSettings } from '../../../src-shared/desk/desk-settings.ts';
import { lastInbound, replyPostFor } from '../../../src-shared/desk/reply-post.ts';
import { SandboxClient, type RecordRef, type SandboxAccount } from '../../support/sandbox-client.ts';
import {
  connectWire,
  startHostFixture,
  type HostFixture,
  type WireClient,
} from '../../unit/support/host-fixture.ts';

const info = inject('sandbox');
const sandbox = new SandboxClient(info);
const agent = new AtpAgent({ service: info.pdsUrl });
/** Threads are read where clients read them: the AppView, which answers without a session. */
const appview = new AtpAgent({ service: info.appviewUrl });
const run = Math.random().toString(36).slice(2, 8);

let fixture: HostFixture;
let client: WireClient;
let brand: SandboxAccount;
let alice: SandboxAccount;
let accountId: string;
let mention: RecordRef;

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

async function call(method: RequestMethod, input: unknown): Promise<Answer> {
  return (await client.request(method, input)).result as Answer;
}

async function value<T>(method: RequestMethod, input: unknown): Promise<T> {
  const answer = await call(method, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
  return answer.value as T;
}

/** Asks the desk to read mentions now and waits until `check` holds (the AppView indexes asynchronously). */
async function until<T>(read: () => Promise<T>, check: (v: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 60; i++) {
    await sandbox.processAll();
    await value('desk:refresh', {});
    await new Promise((r) => setTimeout(r, 250));
    const current = await read();
    if (check(current)) return current;
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function settled(jobId: string): Promise<OutboxJob> {
  for (let i = 0; i < 300; i++) {
    const jobs = await value<OutboxJob[]>('outbox:list', { accountIds: [accountId] });
    const job = jobs.find((j) => j.id === jobId);
    if (job && ['sent', 'failed', 'needs_attention', 'cancelled'].includes(job.state)) return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${jobId} did not settle`);
}

async function brandPosts(): Promise<string[]> {
  const page = await agent.com.atproto.repo.listRecords({
    repo: brand.did,
    collection: 'app.bsky.feed.post',
    limit: 100,
  });
  return page.data.records.map((r) => String((r.value as { text: unknown }).text));
}

const unassigned = () => value<ConversationSummary[]>('desk:list', { view: 'unassigned' });

beforeAll(async () => {
  brand = await sandbox.createAccount({ handlePrefix: 'desk' });
  alice = await sandbox.createAccount({ handlePrefix: 'alice', displayName: 'Alice' });
  fixture = await startHostFixture();
  client = await connectWire(fixture.rpcUrl(), fixture.origin);
  const added = await value<{ id: string }>('accounts:add', {
    network: 'bluesky',
    service: info.pdsUrl,
    identifier: brand.handle,
    appPassword: brand.appPassword,
  });
  accountId = added.id;
}, 120_000);

afterAll(async () => {
  client?.close();
  await fixture?.stop();
});

describe('the embedded desk on the local Bluesky network', () => {
  let conversationId: string;

  it('a mention becomes an inquiry with the priority and skill its words call for', async () => {
    mention = await sandbox.post({
      handle: alice.handle,
      text: `@${brand.handle} I was charged twice, I need a refund please (${run})`,
    });
    const list = await until(unassigned, (l) => l.some((c) => c.excerpt.includes(run)), 'the mention');
    const inquiry = list.find((c) => c.excerpt.includes(run))!;
    expect(inquiry).toMatchObject({
      accountId,
      network: 'bluesky',
      state: 'new',
      ownerId: null,
      contact: { handle: alice.handle, id: alice.did },
      sla: { clock: 'first_response' },
    });
    expect(inquiry.skills).toContain('billing');
    expect(inquiry.priorityReasons).toContain('term:refund');
    expect(inquiry.priority).toBeGreaterThanOrEqual(30);
    conversationId = inquiry.id;
  }, 60_000);

  it('an internal note goes through every desk method and never reaches the network or the outbox', async () => {
    const secret = `internal-note-${run}`;
    await value('desk:addNote', { id: conversationId, text: `${secret}: customer is a VIP` });
    const saved = await value<{ id: string }>('desk:saveReply', {
      id: null,
      title: secret,
      bodyEn: `${secret} {contact.name}`,
      bodyFr: secret,
    });
    const samples: Record<string, unknown> = {
      'desk:list': { view: 'unassigned' },
      'desk:counts': {},
      'desk:stats': { from: Date.now() - 7 * 86_400_000, to: Date.now() + 3_600_000, bucketMs: 86_400_000 },
      'desk:conversation': { id: conversationId },
      'desk:act': { id: conversationId, action: { kind: 'claim' } },
      'desk:addNote': { id: conversationId, text: secret },
      'desk:changesSince': { id: conversationId, since: 0 },
      'desk:recordReply': { id: conversationId, jobId: `not-a-job-${run}`, text: secret },
      'desk:refresh': {},
      'desk:settings': {},
      // Saved as a skill's phrase: settings are desk data too, and never reach the network.
      'desk:updateSettings': withPhrase(defaultDeskSettings('UTC'), secret),
      'desk:savedReplies': {},
      'desk:saveReply': { id: saved.id, title: secret, bodyEn: secret, bodyFr: secret },
      'desk:useReply': { id: saved.id, conversationId, lang: 'en' },
      'desk:deleteReply': { id: saved.id },
    };
    const deskMethods = REQUEST_METHODS.filter((m) => m.startsWith('desk:'));
    // A desk method added later fails here until it is tried with a note too.
    expect(Object.keys(samples).sort()).toEqual([...deskMethods].sort());
    for (const method of deskMethods) await call(method, samples[method]);
    await sandbox.processAll();
    expect(await value<OutboxJob[]>('outbox:list', { accountIds: [accountId] })).toEqual([]);
    expect((await brandPosts()).filter((t) => t.includes(secret))).toEqual([]);
    const detail = await value<ConversationDetail>('desk:conversation', { id: conversationId });
    expect(detail.notes.map((n) => n.text)).toContain(secret);
    // A reply can only be recorded for a real outbox job of the same account.
    expect(detail.messages.filter((m) => m.direction === 'out')).toEqual([]);
  }, 60_000);

  it('the reply goes out through the guarded path and lands on the network once', async () => {
    const detail = await value<ConversationDetail>('desk:conversation', { id: conversationId });
    const text = `Sorry about that, Alice, the refund is on its way (${run})`;
    const post = replyPostFor(lastInbound(detail.messages)!, accountId, text);
    const preflight = await value<{ typeHandleFor: string[]; acknowledge: string[] }>('publish:preflight', {
      post,
    });
    expect(preflight.typeHandleFor).toEqual([]);
    const { jobs } = await value<{ jobs: OutboxJob[] }>('outbox:submit', {
      draftId: null,
      post,
      clearanceId: null,
      undoSeconds: 0,
      campaign: null,
    });
    await value('desk:recordReply', { id: conversationId, jobId: jobs[0]!.id, text });
    const job = await settled(jobs[0]!.id);
    expect(job.state).toBe('sent');
    expect((await brandPosts()).filter((t) => t === text)).toHaveLength(1);
    await sandbox.processAll();
    const thread = await appview.app.bsky.feed.getPostThread({ uri: mention.uri });
    expect(JSON.stringify(thread.data.thread)).toContain(text);

    const mine = await value<ConversationSummary[]>('desk:list', { view: 'mine' });
    const answered = mine.find((c) => c.id === conversationId);
    expect(answered?.sla?.clock).toBe('resolution');
  }, 60_000);

  it("the contact's answer to the reply joins the same conversation", async () => {
    const detail = await value<ConversationDetail>('desk:conversation', { id: conversationId });
    const reply = detail.messages.find((m) => m.direction === 'out' && m.remoteId.startsWith('at://'))!;
    const cid = (await appview.app.bsky.feed.getPosts({ uris: [reply.remoteId] })).data.posts[0]!.cid;
    await sandbox.post({
      handle: alice.handle,
      text: `Thanks, got it (${run}-2)`,
      replyTo: { uri: reply.remoteId, cid },
    });
    const after = await until(
      () => value<ConversationDetail>('desk:conversation', { id: conversationId }),
      (d) => d.messages.some((m) => m.text.includes(`${run}-2`)),
      "the contact's answer",
    );
    // A next-response clock now runs; the badge shows whichever running clock is due first (the unit tests
    // pin which one starts when).
    expect(after.summary).toMatchObject({ state: 'open', ownerId: 'me' });
    expect(['next_response', 'resolution']).toContain(after.summary.sla?.clock);
    expect(after.summary.sla?.state).not.toBe('paused');
    expect((await unassigned()).filter((c) => c.excerpt.includes(run))).toEqual([]);
  }, 60_000);
});

function withPhrase(settings: DeskSettings, phrase: string): DeskSettings {
  const [first, ...rest] = settings.skills;
  return { ...settings, skills: [{ ...first!, phrases: [...first!.phrases, phrase] }, ...rest] };
}
