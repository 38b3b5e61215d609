// Attachments on every post of a thread: the schema accepts follow-ups written before they had media,
// threadOf hands each post its own attachments, and validateThread checks each post and names which one.
import { describe, expect, it } from 'vitest';
import {
  FollowUpSchema,
  PostTargetSchema,
  threadOf,
  type ComposeMedia,
  type PostTarget,
} from '../../../src-shared/compose/post.ts';
import { validateThread } from '../../../src-shared/compose/validate.ts';
import type { Capabilities } from '../../../src-shared/domain/capabilities.ts';

const bluesky: Capabilities = {
  columnTypes: [],
  actions: [],
  search: true,
  directMessages: false,
  streaming: true,
  serverSideScheduling: false,
  limits: { maxChars: 300, urlWeight: null, countsGraphemes: true, maxMedia: 4, maxImageBytes: 1_000_000 },
};

function image(id: string, patch: Partial<ComposeMedia> = {}): ComposeMedia {
  return { id, kind: 'image', mimeType: 'image/png', bytes: 1000, alt: `Picture ${id}`, ...patch };
}

function target(patch: Partial<PostTarget> = {}): PostTarget {
  return {
    accountId: 'acct-1',
    network: 'bluesky',
    text: 'First',
    contentWarning: null,
    media: [image('a')],
    ...patch,
  };
}

describe('follow-up media in the schema', () => {
  it('still parses a follow-up stored before follow-ups had media', () => {
    const stored = { text: 'Second', contentWarning: null };
    expect(FollowUpSchema.parse(stored)).toEqual(stored);
    expect(PostTargetSchema.safeParse(target({ followUps: [stored] })).success).toBe(true);
  });

  it('accepts a follow-up that is only an image, refuses one with neither text nor media', () => {
    expect(FollowUpSchema.safeParse({ text: '', contentWarning: null, media: [image('b')] }).success).toBe(
      true,
    );
    expect(FollowUpSchema.safeParse({ text: '  ', contentWarning: null, media: [] }).success).toBe(false);
    expect(FollowUpSchema.safeParse({ text: '  ', contentWarning: null }).success).toBe(false);
  });

  it('refuses more than 16 attachments on a follow-up', () => {
    const media = Array.from({ length: 17 }, (_, i) => image(`m${i}`));
    expect(FollowUpSchema.safeParse({ text: 'x', contentWarning: null, media }).success).toBe(false);
  });
});

describe('threadOf', () => {
  it('gives each post of the thread its own attachments, in order', () => {
    const parts = threadOf(
      target({
        followUps: [
          { text: 'Second', contentWarning: null, media: [image('b'), image('c')] },
          { text: 'Third', contentWarning: 'cw' },
        ],
      }),
    );
    expect(parts.map((p) => [p.text, p.contentWarning, p.media.map((m) => m.id)])).toEqual([
      ['First', null, ['a']],
      ['Second', null, ['b', 'c']],
      ['Third', 'cw', []],
    ]);
    expect(parts[1]?.media[0]?.alt).toBe('Picture b');
  });
});

describe('validateThread', () => {
  const settings = { requireAltText: true };

  it('finds nothing wrong in a thread whose every post is fine', () => {
    const t = target({ followUps: [{ text: 'Second', contentWarning: null, media: [image('b')] }] });
    expect(validateThread(t, bluesky, settings)).toEqual([]);
  });

  it('checks count, type, size and alt text of each follow-up and names the post and attachment', () => {
    const t = target({
      followUps: [
        { text: 'Second', contentWarning: null, media: [image('b'), image('c', { alt: ' ' })] },
        {
          text: 'Third',
          contentWarning: null,
          media: [image('d', { mimeType: 'image/bmp' }), image('e', { bytes: 2_000_000 })],
        },
        { text: 'Fourth', contentWarning: null, media: ['f', 'g', 'h', 'i', 'j'].map((id) => image(id)) },
      ],
    });
    const issues = validateThread(t, bluesky, settings);
    expect(issues.map((i) => [i.partIndex, i.code, i.mediaIndex])).toEqual([
      [1, 'alt_text_missing', 1],
      [2, 'media_type_unsupported', 0],
      [2, 'media_too_large', 1],
      [3, 'too_many_media', null],
    ]);
  });

  it('reports issues of the first post as part 0 and long follow-up text on its own part', () => {
    const t = target({
      media: [image('a', { alt: '' })],
      followUps: [{ text: 'x'.repeat(301), contentWarning: null }],
    });
    expect(validateThread(t, bluesky, settings).map((i) => [i.partIndex, i.code])).toEqual([
      [0, 'alt_text_missing'],
      [1, 'too_long'],
    ]);
  });
});
