// Likes, threads, the publisher (boosts, replies, deletes), publishing and media upload of the Mastodon
// connector against a loopback server that replays the official Mastodon API documentation's example
// responses — not a real Mastodon server.
import { afterEach, describe, expect, it } from 'vitest';
import type { StreamItem } from '../../../../src-shared/domain/stream-item.ts';
import { freshKeys, postToSend, refTo, subjectOf } from '../../../support/publisher-inputs.ts';
import { connectorFor, source, useReplay } from './replay-harness.ts';

const h = useReplay({ mediaPollsBeforeReady: 2 });
const SELF_ID = '14715';

afterEach(() => {
  h.server.intercept = null;
});

async function firstHomeItem(): Promise<StreamItem> {
  const page = await h.connector.fetchPage({ source: source('home'), since: null, before: null, limit: 5 });
  const item = page.items.find((candidate) => candidate.kind === 'post');
  if (!item) throw new Error('no post on the replayed home timeline');
  return item;
}

describe('act', () => {
  it('favourites and unfavourites the status', async () => {
    const item = await firstHomeItem();
    await expect(h.connector.act({ kind: 'like', item })).resolves.toEqual({ remoteId: item.actionRef });
    expect(h.server.findStatus(item.actionRef ?? '')?.favourited).toBe(true);
    await h.connector.act({ kind: 'unlike', item });
    expect(h.server.findStatus(item.actionRef ?? '')?.favourited).toBe(false);
    expect(h.server.requestsTo('POST', `/api/v1/statuses/${item.actionRef}/favourite`)).toHaveLength(1);
  });

  it('refuses items from another account or network', async () => {
    const item = await firstHomeItem();
    await expect(
      h.connector.act({ kind: 'like', item: { ...item, accountId: 'someone-else' } }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      h.connector.act({ kind: 'like', item: { ...item, network: 'bluesky' } }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('maps a 404 on an action to not_found', async () => {
    const item = await firstHomeItem();
    await expect(h.connector.act({ kind: 'like', item: { ...item, actionRef: '1' } })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('reads a thread from /context, oldest first around the status', async () => {
    const item = await firstHomeItem();
    const thread = await h.connector.thread(item);
    expect(thread.map((entry) => entry.actionRef)).toEqual([
      '103188938570975982',
      '103188971072973252',
      '103188982235527758',
      item.actionRef,
      '103189026958574542',
    ]);
  });
});

describe('publisher: boosts, replies and deletes', () => {
  it('boosts (answer: the boost, a new id) and undoes the boost', async () => {
    const item = await firstHomeItem();
    const { remoteId } = await h.connector.publisher.repost(subjectOf(item), freshKeys());
    expect(remoteId).not.toBe(item.actionRef);
    expect(h.server.findStatus(item.actionRef ?? '')?.reblogged).toBe(true);
    await h.connector.publisher.unrepost(subjectOf(item), freshKeys());
    expect(h.server.findStatus(item.actionRef ?? '')?.reblogged).toBe(false);
  });

  it('replies with in_reply_to_id and an Idempotency-Key, then deletes the reply', async () => {
    const item = await firstHomeItem();
    const sent = await h.connector.publisher.send(postToSend('Thanks!', { replyTo: refTo(item) }));
    if (sent.kind !== 'published') throw new Error('the reply was scheduled instead of published');
    const { remoteId } = sent;
    const post = h.server.requestsTo('POST', '/api/v1/statuses').at(-1);
    expect(post?.body).toMatchObject({ status: 'Thanks!', in_reply_to_id: item.actionRef });
    expect(post?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    const replies = await h.connector.fetchPage({
      source: source('author', SELF_ID),
      since: null,
      before: null,
      limit: 40,
    });
    const reply = replies.items.find((candidate) => candidate.actionRef === remoteId);
    expect(reply?.kind).toBe('reply');
    await h.connector.publisher.deletePost(subjectOf(reply as StreamItem));
    expect(h.server.findStatus(remoteId ?? '')).toBeUndefined();
  });
});

describe('publishStatus', () => {
  it('always sends the Idempotency-Key and never posts twice for the same key', async () => {
    const input = {
      text: 'Opening hours changed <today>',
      idempotencyKey: 'draft-01HX-attempt',
      visibility: 'unlisted' as const,
      language: 'en',
      spoilerText: 'news',
    };
    const first = await h.connector.publishStatus(input);
    const retry = await h.connector.publishStatus(input);
    expect(first.kind).toBe('published');
    expect(retry.id).toBe(first.id);
    expect(
      retry.kind === 'published' && first.kind === 'published' && retry.item.key === first.item.key,
    ).toBe(true);
    const posts = h.server
      .requestsTo('POST', '/api/v1/statuses')
      .filter((r) => r.headers['idempotency-key'] === 'draft-01HX-attempt');
    expect(posts).toHaveLength(2);
    expect(posts[0]?.body).toEqual({
      status: input.text,
      visibility: 'unlisted',
      language: 'en',
      spoiler_text: 'news',
    });
    expect(h.server.posted.filter((s) => s.id === first.id)).toHaveLength(1);
    if (first.kind !== 'published') throw new Error('expected a published status');
    expect(first.item.text).toBe('Opening hours changed <today>');
    expect(first.item.contentWarning).toBe('news');
    // Posted statuses stay queryable, as a crash-recovery check would read them.
    const mine = await h.connector.fetchPage({
      source: source('author', SELF_ID),
      since: null,
      before: null,
      limit: 40,
    });
    expect(mine.items.some((item) => item.actionRef === first.id)).toBe(true);
  });

  it('refuses to publish without a key', async () => {
    await expect(h.connector.publishStatus({ text: 'x', idempotencyKey: '  ' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('returns a ScheduledStatus for scheduled_at at least 5 minutes ahead', async () => {
    const at = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    const result = await h.connector.publishStatus({
      text: 'later',
      idempotencyKey: 'sched-1',
      scheduledAt: at,
    });
    expect(result).toMatchObject({ kind: 'scheduled', scheduledAt: at });
    expect(h.server.scheduled).toHaveLength(1);
  });

  it('maps 422 to invalid_input with the server message', async () => {
    await expect(h.connector.publishStatus({ text: '   ', idempotencyKey: 'blank-1' })).rejects.toMatchObject(
      {
        code: 'invalid_input',
        message: expect.stringContaining("Validation failed: Text can't be blank"),
      },
    );
    const soon = new Date(Date.now() + 60 * 1000).toISOString();
    await expect(
      h.connector.publishStatus({ text: 'too soon', idempotencyKey: 'sched-2', scheduledAt: soon }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('Scheduled at'),
    });
  });

  it('maps a revoked token to auth_failed', async () => {
    const revoked = connectorFor(h.server, 'no-longer-valid');
    await expect(revoked.publishStatus({ text: 'x', idempotencyKey: 'k' })).rejects.toMatchObject({
      code: 'auth_failed',
    });
  });
});

describe('media upload', () => {
  it('uploads (202), polls until processed, and attaches the media', async () => {
    const sleeps: number[] = [];
    const media = await h.connector.uploadMedia(
      {
        data: new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' }),
        fileName: 'chart.png',
        description: 'Sales chart',
      },
      { sleep: async (ms) => void sleeps.push(ms), intervalMs: 10 },
    );
    expect(media.url).toMatch(/^https:\/\//);
    expect(media.description).toBe('Sales chart');
    expect(sleeps).toHaveLength(3);
    expect(h.server.requestsTo('GET', `/api/v1/media/${media.id}`)).toHaveLength(3);
    const upload = h.server.requestsTo('POST', '/api/v2/media').at(-1);
    expect(String(upload?.headers['content-type'])).toMatch(/^multipart\/form-data/);

    const result = await h.connector.publishStatus({
      text: 'with a chart',
      idempotencyKey: 'media-1',
      mediaIds: [media.id],
    });
    if (result.kind !== 'published') throw new Error('expected a published status');
    expect(result.item.media).toHaveLength(1);
  });

  it('gives up with server_error when processing never finishes', async () => {
    h.server.mediaPollsBeforeReady = 100;
    await expect(
      h.connector.uploadMedia(
        { data: new Blob(['x']), fileName: 'a.png' },
        { sleep: async () => undefined, maxPolls: 3 },
      ),
    ).rejects.toMatchObject({ code: 'server_error' });
    h.server.mediaPollsBeforeReady = 2;
  });
});
