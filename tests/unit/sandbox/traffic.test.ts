// The sandbox traffic generator, driven tick by tick with a fixed random sequence: every existing kind
// (mentions, #tag posts, replies, likes) still occurs, and inquiries join them — questions to the brand in
// English and French that the desk's default skills recognise, and follow-ups by the same person in the
// thread of their question, naming the brand so it is notified.
import { describe, expect, test } from 'vitest';
import { DEFAULT_SKILLS } from '../../../src-shared/desk/desk-settings.ts';
import { requiredSkills } from '../../../src-shared/desk/routing.ts';
import { createTrafficActor, kindFor, TRAFFIC_SHARES, type TrafficKind } from '../../sandbox/traffic.ts';
import type { RecordRef } from '../../support/sandbox-client.ts';
import { seededRandom } from '../support/fuzz.ts';

type Post = {
  author: string;
  text: string;
  replyTo: RecordRef | undefined;
  langs: string[] | undefined;
  ref: RecordRef;
};

function recordingActions() {
  const posts: Post[] = [];
  const likes: { author: string; subject: RecordRef }[] = [];
  return {
    posts,
    likes,
    actions: {
      post: (author: string, text: string, replyTo?: RecordRef, langs?: string[]) => {
        const ref = { uri: `at://${author}/app.bsky.feed.post/${posts.length}`, cid: `cid${posts.length}` };
        posts.push({ author, text, replyTo, langs, ref });
        return Promise.resolve(ref);
      },
      like: (author: string, subject: RecordRef) => {
        likes.push({ author, subject });
        return Promise.resolve({ uri: `at://${author}/app.bsky.feed.like/${likes.length}`, cid: 'l' });
      },
    },
  };
}

const skillsOf = (text: string, lang: string) =>
  requiredSkills(
    { id: 'x', text, lang, network: 'bluesky', brandAccountId: 'b', priority: 0, createdAt: 0 },
    DEFAULT_SKILLS,
  );

describe('sandbox traffic', () => {
  test('the shares cover every roll and each kind has its band', () => {
    expect(TRAFFIC_SHARES.reduce((sum, [, share]) => sum + share, 0)).toBeCloseTo(1, 9);
    expect([0, 0.29, 0.3, 0.45, 0.6, 0.7, 0.88, 0.999].map(kindFor)).toEqual([
      'mention',
      'mention',
      'tag',
      'reply',
      'like',
      'inquiry',
      'followUp',
      'followUp',
    ]);
  });

  test('inquiries in English and French, followed up in their thread, alongside the existing kinds', async () => {
    const { actions, posts, likes } = recordingActions();
    const act = createTrafficActor(actions, {
      rate: 1,
      brandHandle: 'brand.test',
      tag: 'roostdemo',
      authors: ['alice.test', 'bob.test', 'carla.test'],
      log: () => undefined,
      random: seededRandom(13),
    });
    const kinds = new Map<TrafficKind, number>();
    for (let i = 0; i < 400; i++) {
      const kind = await act();
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    for (const [kind] of TRAFFIC_SHARES) expect(kinds.get(kind) ?? 0, kind).toBeGreaterThan(10);
    expect(likes.length).toBe(kinds.get('like'));
    expect(posts.filter((p) => p.text.includes('#roostdemo'))).toHaveLength(kinds.get('tag')!);

    const inquiries = posts.filter((p) => p.langs && !p.replyTo);
    expect(inquiries).toHaveLength(kinds.get('inquiry')!);
    expect(new Set(inquiries.map((p) => p.langs![0]))).toEqual(new Set(['en', 'fr']));
    for (const q of inquiries) {
      expect(q.text.startsWith('@brand.test ')).toBe(true);
      expect(skillsOf(q.text, q.langs![0]!), q.text).not.toEqual([]);
    }
    expect(new Set(inquiries.flatMap((q) => skillsOf(q.text, q.langs![0]!)))).toEqual(
      new Set(['billing', 'delivery', 'security', 'hours']),
    );

    const followUps = posts.filter((p) => p.langs && p.replyTo);
    expect(followUps).toHaveLength(kinds.get('followUp')!);
    for (const f of followUps) {
      const parent = posts.find((p) => p.ref.uri === f.replyTo!.uri)!;
      // Same person, same language, under their own question or earlier follow-up.
      expect(parent.author).toBe(f.author);
      expect(parent.langs).toEqual(f.langs);
      expect(f.text.startsWith('@brand.test ')).toBe(true);
    }
  });
});
