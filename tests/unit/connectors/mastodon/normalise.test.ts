// Normalisation of Mastodon entities into StreamItems. Inputs are the documented examples from the official
// Mastodon API docs (tests/support/mastodon-replay/fixtures), not answers from a real server.
import { describe, expect, it } from 'vitest';
import { StreamItemSchema } from '../../../../src-shared/domain/stream-item.ts';
import {
  capabilitiesFromInstance,
  streamingBaseUrl,
} from '../../../../src-main/connectors/mastodon/instance.ts';
import {
  ConversationSchema,
  InstanceV2Schema,
  NotificationSchema,
  StatusSchema,
} from '../../../../src-main/connectors/mastodon/entities.ts';
import {
  normaliseConversation,
  normaliseNotification,
  normaliseStatus,
} from '../../../../src-main/connectors/mastodon/normalise.ts';
import {
  completeConversation,
  completeNotification,
  completeStatus,
  fixture,
  type JsonObject,
} from '../../../support/mastodon-replay/fixtures.ts';

const ctx = { accountId: 'acc-1', origin: 'https://mastodon.social', seenAt: '2024-01-01T00:00:00.000Z' };

describe('normaliseStatus', () => {
  it('turns the documented Status example into a valid StreamItem', () => {
    const item = normaliseStatus(StatusSchema.parse(fixture('status')), ctx);
    expect(StreamItemSchema.parse(item)).toEqual(item);
    expect(item).toMatchObject({
      key: 'mastodon:https://mastodon.social/users/Gargron/statuses/103270115826048975',
      kind: 'post',
      actionRef: '103270115826048975',
      url: 'https://mastodon.social/@Gargron/103270115826048975',
      lang: 'en',
      contentWarning: null,
      counts: { replies: 5, reposts: 6, likes: 11, quotes: 2 },
      viewer: { liked: null, reposted: null },
      createdAt: '2019-12-08T03:48:33.901Z',
    });
    expect(item.author).toMatchObject({
      handle: 'Gargron@mastodon.social',
      displayName: 'Eugen',
      server: 'mastodon.social',
    });
    expect(item.html).toContain('<span class="invisible">');
    expect(item.text).not.toContain('<');
  });

  it('reads the author server from a remote acct and marks replies', () => {
    const item = normaliseStatus(StatusSchema.parse(fixture('status-federated')), ctx);
    expect(item.author).toMatchObject({ handle: 'chrismo@ruby.social', server: 'ruby.social' });
    expect(item.facets.filter((f) => f.kind === 'hashtag').map((f) => f.value)).toEqual([
      'musicTuesday',
      'piano',
      'neoclassical',
      'jazz',
    ]);
    const reply = normaliseStatus(StatusSchema.parse(fixture('status-local-reply')), ctx);
    expect(reply.kind).toBe('reply');
    expect(reply.replyTo).toEqual({ remoteId: '109348674754176227', authorHandle: 'gregpak' });
  });

  it('turns the documented boost into a repost with via, acting on the original', () => {
    const wrapper = completeStatus(fixture('reblog'));
    const item = normaliseStatus(StatusSchema.parse(wrapper), ctx);
    expect(item.kind).toBe('repost');
    expect(item.actionRef).toBe('99734435964706331');
    expect(item.via?.handle).toBe('Gargron@mastodon.social');
    expect(item.viewer.reposted).toBe('99734435964706331');
    expect(item.remoteId).toBe('https://mastodon.social/users/Gargron/statuses/103254401326800919');
    expect(StreamItemSchema.safeParse(item).success).toBe(true);
  });

  it('maps media (description → alt), spoiler text and viewer state', () => {
    const status = {
      ...fixture('status'),
      spoiler_text: 'cw: food',
      favourited: true,
      media_attachments: [fixture('media-attachment-image'), fixture('media-attachment-video')],
    };
    const item = normaliseStatus(StatusSchema.parse(status), ctx);
    expect(item.contentWarning).toBe('cw: food');
    expect(item.viewer.liked).toBe('103270115826048975');
    expect(item.media).toEqual([
      {
        kind: 'image',
        url: 'https://files.mastodon.social/media_attachments/files/022/345/792/original/57859aede991da25.jpeg',
        thumbUrl:
          'https://files.mastodon.social/media_attachments/files/022/345/792/small/57859aede991da25.jpeg',
        alt: 'test media description',
        width: 640,
        height: 480,
      },
      expect.objectContaining({ kind: 'video', alt: '', width: 1280, height: 720 }),
    ]);
  });
});

describe('notifications and conversations', () => {
  it('makes the documented mention a mention item and the favourite a like by its author', () => {
    const [mention, favourite] = fixture<JsonObject[]>('notifications').map(completeNotification);
    const m = normaliseNotification(NotificationSchema.parse(mention), ctx);
    expect(m?.kind).toBe('mention');
    expect(m?.text).toBe('@trwnh sup!');
    expect(m?.facets).toEqual([{ kind: 'mention', start: 0, end: 6, value: 'trwnh' }]);
    const f = normaliseNotification(NotificationSchema.parse(favourite), ctx);
    expect(f).toMatchObject({
      kind: 'like',
      actionRef: '103186046267791694',
      remoteId: 'https://mastodon.social/notifications/34975535',
    });
    expect(f?.author.handle).toBe('haskal@cybre.space');
    expect(StreamItemSchema.safeParse(f).success).toBe(true);
  });

  it('skips notification types that are not column items', () => {
    const follow = {
      ...completeNotification(fixture<JsonObject[]>('notifications')[1] as JsonObject),
      type: 'admin.sign_up',
      status: null,
    };
    expect(normaliseNotification(NotificationSchema.parse(follow), ctx)).toBeNull();
  });

  it('makes the documented conversation a dm', () => {
    const conversation = completeConversation(fixture<JsonObject[]>('conversations')[0] as JsonObject);
    const item = normaliseConversation(ConversationSchema.parse(conversation), ctx);
    expect(item?.kind).toBe('dm');
    expect(item?.actionRef).toBe('103196583826321184');
  });
});

describe('capabilities from /api/v2/instance', () => {
  it('reads limits from the documented Instance example', () => {
    const instance = InstanceV2Schema.parse(fixture('instance-v2'));
    const caps = capabilitiesFromInstance(instance);
    expect(caps.limits).toEqual({
      maxChars: 500,
      urlWeight: 23,
      countsGraphemes: true,
      maxMedia: 4,
      maxImageBytes: 16777216,
    });
    expect(caps.actions).not.toContain('quote');
    expect(caps.serverSideScheduling).toBe(true);
    expect(streamingBaseUrl(instance, 'https://mastodon.social')).toBe('wss://streaming.mastodon.social');
  });

  it('follows the server, not a default', () => {
    const raw = fixture('instance-v2');
    const statuses = (raw.configuration as JsonObject).statuses as JsonObject;
    statuses.max_characters = 11_000;
    statuses.characters_reserved_per_url = 30;
    (raw.api_versions as JsonObject).mastodon = 7;
    const caps = capabilitiesFromInstance(InstanceV2Schema.parse(raw));
    expect(caps.limits.maxChars).toBe(11_000);
    expect(caps.limits.urlWeight).toBe(30);
    expect(caps.actions).toContain('quote');
  });
});
