// How the outbox's jobs and the own feed's items are put in the same terms for the hijack diff: Bluesky by
// AT-URI (fixed by the job's record key before it is sent), Mastodon by instance-local status id, reposts
// also by their subject, deletes and unreposts by what they remove; cancelled jobs count for nothing.
import { describe, expect, it } from 'vitest';
import { toOwnEntry } from '../../../src-main/protection/own-state-reader.ts';
import { sentThroughRoost } from '../../../src-main/protection/sent-through-roost.ts';
import type { StoredJob } from '../../../src-main/publishing/outbox-job.ts';
import { wasSentByRoost } from '../../../src-shared/protection/hijack-diff.ts';
import { contentlessItem, type StreamItem } from '../../../src-shared/domain/stream-item.ts';

const DID = 'did:plc:brand';

/** A job as the outbox keeps it: only what sentThroughRoost reads. */
function job(over: {
  state?: StoredJob['state'];
  rkey?: string | null;
  remoteId?: string | null;
  action?: unknown;
}) {
  return {
    state: over.state ?? 'sent',
    rkey: over.rkey ?? null,
    remoteId: over.remoteId ?? null,
    payload: { action: over.action ?? null },
  } as unknown as StoredJob;
}

const action = (
  kind: string,
  remoteId: string,
  actionRef: string | null,
  viewerReposted: string | null = null,
) => ({
  accountId: 'a',
  kind,
  item: { network: 'bluesky', remoteId, actionRef, viewerReposted, authorHandle: 'x', excerpt: '' },
});

function item(over: Partial<StreamItem>): StreamItem {
  const base = contentlessItem(
    {
      key: 'bluesky:at://x',
      network: 'bluesky',
      accountId: 'a',
      kind: 'post',
      remoteId: 'at://x',
      actionRef: null,
      url: null,
      author: {
        id: DID,
        handle: 'brand.test',
        displayName: 'Brand',
        avatarUrl: null,
        profileUrl: null,
        server: null,
        location: null,
      },
    },
    { createdAt: '2026-12-07T10:00:00Z', seenAt: '2026-12-07T10:00:00Z' },
  );
  return { ...base, ...over };
}

describe('sentThroughRoost', () => {
  it('knows a Bluesky post and repost by the URI their record keys fix, before and after sending', () => {
    const sent = sentThroughRoost(
      [
        job({ state: 'sending', rkey: '3kpost' }),
        job({ rkey: '3krepost', action: action('repost', 'at://other/app.bsky.feed.post/9', 'cid9') }),
        job({ state: 'cancelled', rkey: '3knever', remoteId: 'at://never' }),
      ],
      DID,
    );
    expect([...sent.uris].sort()).toEqual([
      `at://${DID}/app.bsky.feed.post/3kpost`,
      `at://${DID}/app.bsky.feed.repost/3krepost`,
    ]);
    expect(sent.sending).toBe(true);
    expect(sent.repostSubjects.has('at://other/app.bsky.feed.post/9')).toBe(true);
  });

  it('knows what deletes and unreposts removed, and a Mastodon post by its status id', () => {
    const sent = sentThroughRoost(
      [
        job({ action: action('delete', 'at://mine/1', 'cid1') }),
        job({ action: action('unrepost', 'at://theirs/2', 'cid2', 'at://mine/repost/5') }),
        job({ remoteId: '110234' }),
      ],
      null,
    );
    expect([...sent.removedUris].sort()).toEqual([
      'at://mine/1',
      'at://mine/repost/5',
      'at://theirs/2',
      'cid1',
      'cid2',
    ]);
    expect(sent.uris.has('110234')).toBe(true);
    expect(sent.sending).toBe(false);
  });
});

describe('toOwnEntry', () => {
  it('keys a Mastodon status by its local id, so the outbox’s remote id matches it', () => {
    const status = item({
      network: 'mastodon',
      remoteId: 'https://m.example/users/b/statuses/110234',
      actionRef: '110234',
    });
    const entry = toOwnEntry(status)!;
    expect(entry).toMatchObject({ uri: '110234', kind: 'post' });
    expect(wasSentByRoost(entry, sentThroughRoost([job({ remoteId: '110234' })], null))).toBe(true);
  });

  it('keys a Bluesky repost by its own record and names its subject; likes and follows are not own content', () => {
    const repost = item({
      kind: 'repost',
      key: `bluesky:at://${DID}/app.bsky.feed.repost/3krepost`,
      remoteId: 'at://other/app.bsky.feed.post/9',
    });
    expect(toOwnEntry(repost)).toMatchObject({
      uri: `at://${DID}/app.bsky.feed.repost/3krepost`,
      kind: 'repost',
      subjectUri: 'at://other/app.bsky.feed.post/9',
    });
    expect(toOwnEntry(item({ kind: 'like' }))).toBeNull();
    // A quote or a direct message the account wrote is its content too.
    expect(toOwnEntry(item({ kind: 'quote' }))?.kind).toBe('post');
    expect(toOwnEntry(item({ kind: 'dm' }))?.kind).toBe('post');
  });
});
