// The seams between the outbox and the connectors' publishing interface: feeds have no publisher and say so,
// each network's rules pick which jobs take a record key, whose server holds schedules and which post settings
// exist (so job creation never names a network), and the gateway hands a job's own keys to the
// account's publisher — refusing one of another network, or a server schedule on a network without one.
import { describe, expect, it } from 'vitest';
import type { ContentAction } from '../../../src-shared/compose/content-action.ts';
import type { PostTarget } from '../../../src-shared/compose/post.ts';
import { isTid } from '../../../src-shared/atproto/tid.ts';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import type { Publisher, PublishingNetwork, SendKeys } from '../../../src-main/connectors/publisher.ts';
import { requirePublisher } from '../../../src-main/connectors/publisher.ts';
import { publishingRules, publishingRulesOf } from '../../../src-main/connectors/publishing-rules.ts';
import { createRssConnector } from '../../../src-main/connectors/rss/rss-connector.ts';
import { actionJob } from '../../../src-main/publishing/content-action-job.ts';
import { createConnectorGateway } from '../../../src-main/publishing/connector-gateway.ts';

const repost: ContentAction = {
  accountId: 'acct-1',
  kind: 'repost',
  item: {
    network: 'bluesky',
    remoteId: 'at://did:plc:someone/app.bsky.feed.post/3kabc',
    actionRef: 'bafycid',
    viewerReposted: null,
    authorHandle: 'someone.example',
    excerpt: 'A post worth sharing',
  },
};

const repostJob = () =>
  actionJob({
    id: 'job-1',
    action: repost,
    digest: 'd',
    records: [],
    nowMs: Date.parse('2026-01-05T10:00:00Z'),
    holdMs: null,
    random: () => 0.5,
  });

/** A publisher that only records the reposts it is asked for; everything else must not be reached. */
function recordingPublisher(network: PublishingNetwork, reposts: SendKeys[]): Publisher {
  const unexpected = () => Promise.reject(new Error('not expected in this test'));
  return {
    network,
    scheduling: null,
    send: unexpected,
    reconcile: unexpected,
    repost: (item, keys) => {
      reposts.push(keys);
      return Promise.resolve({ remoteId: `at://did:plc:me/app.bsky.feed.repost/${keys.rkey}`, url: null });
    },
    reconcileRepost: unexpected,
    unrepost: unexpected,
    deletePost: unexpected,
    readEngagement: unexpected,
  };
}

describe('the publishing interface', () => {
  it('is absent on feeds, and asking a feed to publish is refused clearly', () => {
    const rss = createRssConnector({ fetch: () => Promise.reject(new Error('offline')) });
    expect(rss.publisher).toBeUndefined();
    const error = (() => {
      try {
        requirePublisher(rss);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(RoostError);
    expect(error).toMatchObject({ code: 'invalid_input', message: 'This account cannot publish.' });
  });

  it('gives record keys to Bluesky posts and reposts only, and to nothing on Mastodon', () => {
    const kinds = ['post', 'repost', 'unrepost', 'delete'] as const;
    expect(kinds.filter((k) => publishingRules('bluesky').takesRecordKey(k))).toEqual(['post', 'repost']);
    expect(kinds.filter((k) => publishingRules('mastodon').takesRecordKey(k))).toEqual([]);
    expect(isTid(repostJob().rkey ?? '')).toBe(true);
  });

  it('says per network which servers hold schedules and which post settings exist, and feeds have no rules', () => {
    expect(publishingRules('mastodon').holdsSchedules).toBe(true);
    expect(publishingRules('bluesky').holdsSchedules).toBe(false);
    expect(publishingRulesOf('rss')).toBeNull();
    expect(publishingRulesOf('bluesky')).toBe(publishingRules('bluesky'));
    const target: Omit<PostTarget, 'network'> = {
      accountId: 'acct-1',
      text: 'hi',
      contentWarning: null,
      media: [],
      visibility: 'unlisted',
    };
    expect(() => publishingRules('mastodon').checkTarget({ ...target, network: 'mastodon' })).not.toThrow();
    expect(() => publishingRules('bluesky').checkTarget({ ...target, network: 'bluesky' })).toThrow(
      'Posts to bluesky have no visibility setting.',
    );
    expect(() =>
      publishingRules('bluesky').checkTarget({ ...target, network: 'bluesky', visibility: null }),
    ).not.toThrow();
  });

  it('sends a job with the keys fixed at its creation, to its own network only', async () => {
    const job = repostJob();
    const reposts: SendKeys[] = [];
    const sent = await createConnectorGateway({
      publisher: () => Promise.resolve(recordingPublisher('bluesky', reposts)),
    }).send(job, null);
    expect(reposts).toEqual([{ rkey: job.rkey, idempotencyKey: job.idempotencyKey }]);
    expect(sent).toEqual({
      kind: 'published',
      remoteId: `at://did:plc:me/app.bsky.feed.repost/${job.rkey}`,
      url: null,
    });

    const elsewhere: SendKeys[] = [];
    const gateway = createConnectorGateway({
      publisher: () => Promise.resolve(recordingPublisher('mastodon', elsewhere)),
    });
    await expect(gateway.send(job, null)).rejects.toMatchObject({ code: 'invalid_input' });
    expect(elsewhere).toEqual([]);
  });

  it('refuses to move a server-held schedule on a network that holds none', async () => {
    const gateway = createConnectorGateway({
      publisher: () => Promise.resolve(recordingPublisher('bluesky', [])),
    });
    await expect(gateway.reschedule(repostJob(), 'sched-1', '2026-01-06T10:00:00Z')).rejects.toMatchObject({
      code: 'internal',
    });
    await expect(gateway.unschedule(repostJob(), 'sched-1')).rejects.toMatchObject({ code: 'internal' });
  });
});
