// Best times from a Bluesky account's own history on the local Bluesky network: nine posts go out through the
// real outbox and connector with the clock placing them at different hours of the week, other sandbox
// accounts like and repost some, and the suggestions rank those hours first; a deleted post drops out.
import { AtpAgent } from '@atproto/api';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { OutgoingPost } from '../../../src-shared/compose/post.ts';
import type { StoredJob } from '../../../src-main/publishing/outbox-job.ts';
import { SandboxClient, type RecordRef } from '../../support/sandbox-client.ts';
import { signedInBlueskyAccount } from './support/bluesky-account.ts';
import { startBlueskyOutbox } from './support/bluesky-outbox.ts';

const info = inject('sandbox');
const sandbox = new SandboxClient(info);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// A Monday, 09:00 UTC; the settings' zone is UTC.
const NOW = Date.parse('2025-06-02T09:00:00.000Z');

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

const hourOfWeek = (ms: number): number => new Date(ms).getUTCDay() * 24 + new Date(ms).getUTCHours();

describe('best times from Bluesky history on the local network', () => {
  it('ranks the liked hours first and drops a deleted post', { timeout: 120_000 }, async () => {
    const user = await sandbox.createAccount({ handlePrefix: 'besttime' });
    const fans = await Promise.all([1, 2, 3].map(() => sandbox.createAccount({ handlePrefix: 'fan' })));
    const { connector, account } = await signedInBlueskyAccount(info, user);
    const clock = { now: NOW };
    const errors: unknown[] = [];
    const outbox = await startBlueskyOutbox(connector, account, {
      clock: { now: () => clock.now },
      onError: (error) => errors.push(error),
      readEngagement: (_accountId, _network, uris) => connector.readEngagement(uris),
    });
    cleanup = outbox.stop;
    const { module } = outbox;
    expect((await module.service.bestTimes(account.id)).basis).toBe('default');

    const marker = `besttimes${Date.now().toString(36)}`;
    const sendAt = async (atMs: number, text: string): Promise<StoredJob> => {
      clock.now = atMs;
      const post: OutgoingPost = {
        targets: [
          { accountId: account.id, network: 'bluesky', text, contentWarning: null, media: [], followUps: [] },
        ],
        replyTo: null,
        quote: null,
        scheduledAt: null,
      };
      const [job] = await outbox.publishNow(post);
      return job!;
    };

    // Nine posts over the last four weeks, each at a different hour of the week.
    const ago = [27, 24, 20, 17, 13, 10, 6, 4, 3].map((days, i) => days * DAY + (i + 1) * HOUR);
    const times = ago.map((a) => NOW - a);
    expect(new Set(times.map(hourOfWeek)).size).toBe(times.length);
    const sent: StoredJob[] = [];
    for (const [i, at] of times.entries()) sent.push(await sendAt(at, `${marker} post ${i}`));
    expect(sent.map((j) => [j.state, j.sentAt])).toEqual(
      times.map((t) => ['sent', new Date(t).toISOString()]),
    );
    const ref = (i: number): RecordRef => ({ uri: sent[i]!.remoteId!, cid: sent[i]!.remoteCid! });

    // Post 6 gets three likes and a repost, post 2 two likes, post 0 one like.
    for (const fan of fans) await sandbox.like(fan.handle, ref(6));
    await sandbox.repost(fans[0]!.handle, ref(6));
    await sandbox.like(fans[1]!.handle, ref(2));
    await sandbox.like(fans[2]!.handle, ref(2));
    await sandbox.like(fans[0]!.handle, ref(0));
    await sandbox.processAll();

    clock.now = NOW;
    const best = await module.service.bestTimes(account.id);
    expect(errors).toEqual([]);
    expect(best.basis).toBe('history');
    expect(best.slots.slice(0, 3).map((s) => hourOfWeek(Date.parse(s.at)))).toEqual(
      [6, 2, 0].map((i) => hourOfWeek(times[i]!)),
    );
    expect(best.slots[0]?.reason).toContain('4.0 interactions');

    // The best post is deleted on the network. Its cached count holds until it is stale (a week for a post read
    // once settled); then it reads as absent and its hour leaves the suggestions.
    const owner = new AtpAgent({ service: info.pdsUrl });
    await owner.login({ identifier: user.handle, password: user.password });
    await owner.deletePost(sent[6]!.remoteId!);
    await sandbox.processAll();
    clock.now = NOW + 7 * DAY;
    const after = await module.service.bestTimes(account.id);
    expect(errors).toEqual([]);
    expect(after.basis).toBe('history');
    const afterHours = after.slots.map((s) => hourOfWeek(Date.parse(s.at)));
    expect(afterHours).not.toContain(hourOfWeek(times[6]!));
    expect(afterHours.slice(0, 2)).toEqual([2, 0].map((i) => hourOfWeek(times[i]!)));
  });
});
