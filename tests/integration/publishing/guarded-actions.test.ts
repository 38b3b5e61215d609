// No path around the guards, proven the way a raw client would try it: over the real browser-mode WebSocket,
// against main's real services and the local Bluesky network. Every contract method marked as publishing is
// refused for a protected account without a valid clearance (the list comes from the contract, so a new
// method fails this test until it is covered); replies, quotes, reposts and deletes go out exactly once with
// the typed handle; an undone reply leaves nothing on the network; protection cannot be lowered silently.
import { AtpAgent } from '@atproto/api';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { methodsWithEffect, type RequestMethod } from '../../../src-shared/contract/contract.ts';
import type { OutboxJob } from '../../../src-shared/contract/publishing-contract.ts';
import { SandboxClient, type RecordRef, type SandboxAccount } from '../../support/sandbox-client.ts';
import {
  connectWire,
  startHostFixture,
  type HostFixture,
  type WireClient,
} from '../../unit/support/host-fixture.ts';

const info = inject('sandbox');
const sandbox = new SandboxClient(info);

let fixture: HostFixture;
let client: WireClient;
let brand: SandboxAccount;
let accountId: string;
let parent: RecordRef;
const agent = new AtpAgent({ service: info.pdsUrl });

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

async function call(method: RequestMethod | string, input: unknown): Promise<Answer> {
  return (await client.request(method, input)).result as Answer;
}

async function value<T>(method: RequestMethod, input: unknown): Promise<T> {
  const answer = await call(method, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
  return answer.value as T;
}

const FINAL = new Set(['sent', 'failed', 'needs_attention', 'cancelled']);

async function settled(jobId: string): Promise<OutboxJob> {
  for (let i = 0; i < 300; i++) {
    const jobs = await value<OutboxJob[]>('outbox:list', { accountIds: [accountId] });
    const job = jobs.find((j) => j.id === jobId);
    if (job && FINAL.has(job.state)) return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${jobId} did not settle`);
}

async function records(collection: string): Promise<Record<string, unknown>[]> {
  const page = await agent.com.atproto.repo.listRecords({ repo: brand.did, collection, limit: 100 });
  return page.data.records.map((r) => r.value as Record<string, unknown>);
}

const textsOf = async () => (await records('app.bsky.feed.post')).map((r) => String(r['text']));

function answer(text: string, kind: 'reply' | 'quote') {
  const ref = { network: 'bluesky', remoteId: parent.uri, cid: parent.cid, sourceAccountId: accountId };
  return {
    targets: [{ accountId, network: 'bluesky', text, contentWarning: null, media: [] }],
    replyTo: kind === 'reply' ? ref : null,
    quote: kind === 'quote' ? ref : null,
    scheduledAt: null,
  };
}

function contentAction(
  kind: 'repost' | 'unrepost' | 'delete',
  remoteId: string,
  actionRef: string | null,
  reposted: string | null = null,
) {
  return {
    accountId,
    kind,
    item: {
      network: 'bluesky',
      remoteId,
      actionRef,
      viewerReposted: reposted,
      authorHandle: 'x.test',
      excerpt: '',
    },
  };
}

/** Clears with the typed handle, as the confirmation dialog does, and returns the single-use clearance. */
async function clearance(kind: 'post' | 'action', subject: unknown, typed = brand.handle): Promise<Answer> {
  const checkMethod = kind === 'post' ? 'publish:preflight' : 'publish:preflightAction';
  const clearMethod = kind === 'post' ? 'publish:clear' : 'publish:clearAction';
  const key = kind === 'post' ? 'post' : 'action';
  const checked = await value<{ digest: string; typeHandleFor: string[] }>(checkMethod, { [key]: subject });
  expect(checked.typeHandleFor).toEqual([accountId]);
  return call(clearMethod, {
    [key]: subject,
    digest: checked.digest,
    typedHandles: { [accountId]: typed },
    acknowledged: [],
  });
}

beforeAll(async () => {
  brand = await sandbox.createAccount({ handlePrefix: 'guarded' });
  const other = await sandbox.createAccount({ handlePrefix: 'asker' });
  parent = await sandbox.post({ handle: other.handle, text: 'Does anyone at the brand read this?' });
  fixture = await startHostFixture();
  client = await connectWire(fixture.rpcUrl(), fixture.origin);
  const added = await value<{ id: string }>('accounts:add', {
    network: 'bluesky',
    service: info.pdsUrl,
    identifier: brand.handle,
    appPassword: brand.appPassword,
  });
  accountId = added.id;
  await value('accounts:setProtected', { id: accountId, protected: true });
}, 120_000);

afterAll(async () => {
  client?.close();
  await fixture?.stop();
});

describe('a protected account over the browser-mode WebSocket', () => {
  /** For each method that publishes, what a raw client would send for the protected account. */
  const PUBLISHING_SAMPLES: Record<string, () => unknown> = {
    'outbox:submit': () => ({
      draftId: null,
      post: answer('raw reply, never confirmed', 'reply'),
      clearanceId: null,
      undoSeconds: 0,
      campaign: null,
    }),
    'outbox:submitAction': () => ({
      action: contentAction('repost', parent.uri, parent.cid),
      clearanceId: null,
      undoSeconds: 0,
    }),
  };

  it('refuses every publishing method without a valid clearance, and nothing reaches the network', async () => {
    const marked = methodsWithEffect('publishes');
    // A method newly marked in the contract fails here until it has a sample.
    expect(Object.keys(PUBLISHING_SAMPLES).sort()).toEqual([...marked].sort());
    for (const method of marked) {
      const input = PUBLISHING_SAMPLES[method]!() as Record<string, unknown>;
      const none = await call(method, input);
      expect(none, method).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const forged = await call(method, { ...input, clearanceId: 'a-made-up-clearance' });
      expect(forged, method).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    // A clearance for one text does not cover another.
    const cleared = await clearance('post', answer('the text that was confirmed', 'reply'));
    expect(cleared.ok).toBe(true);
    const swapped = await call('outbox:submit', {
      draftId: null,
      post: answer('a different text', 'reply'),
      clearanceId: (cleared as { value: { clearanceId: string } }).value.clearanceId,
      undoSeconds: 0,
      campaign: null,
    });
    expect(swapped).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await value<OutboxJob[]>('outbox:list', { accountIds: [accountId] })).toEqual([]);
    expect(await textsOf()).toEqual([]);
    expect(await records('app.bsky.feed.repost')).toEqual([]);
  });

  it('items:act accepts likes only; replies, quotes, reposts and deletes are refused before any work', async () => {
    const [engaging] = methodsWithEffect('engages');
    expect(methodsWithEffect('engages')).toEqual(['items:act']);
    const ref = {
      network: 'bluesky',
      remoteId: parent.uri,
      actionRef: parent.cid,
      viewerLiked: null,
      viewerReposted: null,
    };
    for (const action of ['reply', 'quote', 'repost', 'unrepost', 'delete']) {
      const refused = await call(engaging!, { accountId, item: ref, action, text: 'sneaky' });
      expect(refused, action).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await textsOf()).toEqual([]);
  });

  it('methods that act again on a job cannot create one', async () => {
    for (const method of methodsWithEffect('resends')) {
      const input =
        method === 'outbox:reschedule'
          ? { jobId: 'no-such-job', scheduledAt: new Date(Date.now() + 3_600_000).toISOString() }
          : method === 'outbox:resolveOverdue'
            ? { jobId: 'no-such-job', decision: 'send' }
            : { jobId: 'no-such-job' };
      expect(await call(method, input), method).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
  });

  it('a reply and a quote are refused without the handle and published exactly once with it', async () => {
    for (const kind of ['reply', 'quote'] as const) {
      const text = `Thanks for asking (${kind})`;
      const post = answer(text, kind);
      expect(await clearance('post', post, 'someone.else')).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      const grant = await clearance('post', post);
      const clearanceId = (grant as { value: { clearanceId: string } }).value.clearanceId;
      const submit = { draftId: null, post, clearanceId, undoSeconds: 0, campaign: null };
      const { jobs } = await value<{ jobs: OutboxJob[] }>('outbox:submit', submit);
      expect(jobs.map((j) => [j.action, j.subjectId])).toEqual([['post', parent.uri]]);
      // The clearance is single-use: the same request again is refused.
      expect(await call('outbox:submit', submit)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const sent = await settled(jobs[0]!.id);
      expect([sent.state, sent.lastError]).toEqual(['sent', null]);
      expect(sent.guardRecords.map((r) => [r.guard, r.outcome])).toContainEqual([
        'protected-account',
        'typed',
      ]);
      const published = (await records('app.bsky.feed.post')).filter((r) => r['text'] === text);
      expect(published).toHaveLength(1);
      if (kind === 'reply') {
        expect(published[0]).toMatchObject({
          reply: { parent: { uri: parent.uri }, root: { uri: parent.uri } },
        });
      } else {
        expect(published[0]).toMatchObject({ embed: { record: { uri: parent.uri } } });
      }
    }
  });

  it('a reply undone within the window leaves nothing on the network', async () => {
    const text = 'A reply I take back';
    const post = answer(text, 'reply');
    const grant = await clearance('post', post);
    const clearanceId = (grant as { value: { clearanceId: string } }).value.clearanceId;
    const { jobs } = await value<{ jobs: OutboxJob[] }>('outbox:submit', {
      draftId: null,
      post,
      clearanceId,
      undoSeconds: 2,
      campaign: null,
    });
    expect(jobs[0]?.state).toBe('held');
    expect(await value('outbox:cancel', { jobId: jobs[0]!.id })).toEqual({ cancelled: true });
    await new Promise((r) => setTimeout(r, 3_000));
    expect((await settled(jobs[0]!.id)).state).toBe('cancelled');
    expect(await textsOf()).not.toContain(text);
  });

  it('a repost, its undo and a delete go through the clearance and happen exactly once', async () => {
    const repost = contentAction('repost', parent.uri, parent.cid);
    expect(await clearance('action', repost, 'nope')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const grant = (await clearance('action', repost)) as { value: { clearanceId: string } };
    const { jobs } = await value<{ jobs: OutboxJob[] }>('outbox:submitAction', {
      action: repost,
      clearanceId: grant.value.clearanceId,
      undoSeconds: 0,
    });
    const reposted = await settled(jobs[0]!.id);
    expect([reposted.action, reposted.state]).toEqual(['repost', 'sent']);
    const subjects = (await records('app.bsky.feed.repost')).map(
      (r) => (r['subject'] as { uri: string }).uri,
    );
    expect(subjects).toEqual([parent.uri]);

    const undo = contentAction('unrepost', parent.uri, parent.cid, reposted.remoteId);
    const undoGrant = (await clearance('action', undo)) as { value: { clearanceId: string } };
    const undone = await value<{ jobs: OutboxJob[] }>('outbox:submitAction', {
      action: undo,
      clearanceId: undoGrant.value.clearanceId,
      undoSeconds: 0,
    });
    expect((await settled(undone.jobs[0]!.id)).state).toBe('sent');
    expect(await records('app.bsky.feed.repost')).toEqual([]);

    const mine = (
      await agent.com.atproto.repo.listRecords({ repo: brand.did, collection: 'app.bsky.feed.post' })
    ).data.records[0]!;
    const remove = contentAction('delete', mine.uri, mine.cid);
    // Someone else's post is refused before anything is queued.
    const theirs = contentAction('delete', parent.uri, parent.cid);
    expect(await call('publish:preflightAction', { action: theirs })).toMatchObject({ ok: true });
    const before = (await textsOf()).length;
    const removeGrant = (await clearance('action', remove)) as { value: { clearanceId: string } };
    const deleted = await value<{ jobs: OutboxJob[] }>('outbox:submitAction', {
      action: remove,
      clearanceId: removeGrant.value.clearanceId,
      undoSeconds: 0,
    });
    expect((await settled(deleted.jobs[0]!.id)).state).toBe('sent');
    expect((await textsOf()).length).toBe(before - 1);
    const theirGrant = (await clearance('action', theirs)) as { value: { clearanceId: string } };
    expect(
      await call('outbox:submitAction', {
        action: theirs,
        clearanceId: theirGrant.value.clearanceId,
        undoSeconds: 0,
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('protection is lowered only with the typed handle, checked in main', async () => {
    expect(await call('accounts:setProtected', { id: accountId, protected: false })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await call('accounts:setProtected', { id: accountId, protected: false, typedHandle: 'wrong.test' }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const accounts = await value<{ id: string; protected: boolean }[]>('accounts:list', {});
    expect(accounts.find((a) => a.id === accountId)?.protected).toBe(true);
    const lowered = await value<{ protected: boolean }>('accounts:setProtected', {
      id: accountId,
      protected: false,
      typedHandle: `@${brand.handle}`,
    });
    expect(lowered.protected).toBe(false);
  });
});
