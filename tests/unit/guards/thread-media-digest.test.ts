// A clearance covers the attachments of every post of a thread: adding, swapping or re-describing an image on
// a follow-up changes the content digest, while a thread stored before follow-ups had media keeps its digest;
// and the guards see each post of a thread with its own attachments.
import { describe, expect, it } from 'vitest';
import type { ComposeMedia, FollowUp, PostTarget } from '../../../src-shared/compose/post.ts';
import { computeContentDigest } from '../../../src-shared/guards/digest.ts';
import { threadSteps } from '../../../src-shared/guards/evaluate.ts';
import { post, target } from './fixtures.ts';

const image = (id: string, alt = 'A heron'): ComposeMedia => ({
  id,
  kind: 'image',
  mimeType: 'image/png',
  bytes: 10,
  alt,
});
const digestOf = (followUps: FollowUp[]): string =>
  computeContentDigest(post([target('First post', 'acct-brand', { followUps } as Partial<PostTarget>)]));

describe('the content digest and follow-up media', () => {
  const plain = digestOf([{ text: 'Second', contentWarning: null }]);
  const withImage = digestOf([{ text: 'Second', contentWarning: null, media: [image('m1')] }]);

  it('does not change for a follow-up without media, whether the field is absent or empty', () => {
    expect(digestOf([{ text: 'Second', contentWarning: null, media: [] }])).toBe(plain);
  });

  it.each([
    ['an added image', withImage, plain],
    ['another image', digestOf([{ text: 'Second', contentWarning: null, media: [image('m2')] }]), withImage],
    [
      'edited alt text',
      digestOf([{ text: 'Second', contentWarning: null, media: [image('m1', 'A crane')] }]),
      withImage,
    ],
    [
      'reordered images',
      digestOf([{ text: 'Second', contentWarning: null, media: [image('m2'), image('m1')] }]),
      digestOf([{ text: 'Second', contentWarning: null, media: [image('m1'), image('m2')] }]),
    ],
  ])('changes with %s', (_label, changed, before) => {
    expect(changed).not.toBe(before);
  });
});

describe('the guards’ view of a thread with follow-up media', () => {
  it('gives each step of the thread the attachments of that post only', () => {
    const steps = threadSteps(
      post([
        target('First post', 'acct-brand', {
          media: [image('m0')],
          followUps: [
            { text: 'Second', contentWarning: null, media: [image('m1')] },
            { text: 'Third', contentWarning: null },
          ],
        } as Partial<PostTarget>),
      ]),
    );
    expect(steps.map((s) => s.targets[0]?.media.map((m) => m.id))).toEqual([['m0'], ['m1'], []]);
  });
});
