// Hijack detection's pure rules: the account's own feed compared with its baseline and with what the outbox
// sent, and the profile compared with its baseline. First reads are baselines; Roost's own sends never alert.
import { describe, expect, it } from 'vitest';
import {
  diffOwnFeed,
  type FeedBaseline,
  type OwnEntry,
  type SentThroughRoost,
} from '../../../src-shared/protection/hijack-diff.ts';
import { diffProfile } from '../../../src-shared/protection/profile-diff.ts';

const entry = (n: number, extra: Partial<OwnEntry> = {}): OwnEntry => ({
  uri: `at://did:plc:brand/app.bsky.feed.post/${n}`,
  kind: 'post',
  subjectUri: null,
  createdAt: `2026-12-07T10:${String(n).padStart(2, '0')}:00.000Z`,
  text: `post ${n}`,
  ...extra,
});

const nothingSent: SentThroughRoost = {
  uris: new Set(),
  repostSubjects: new Set(),
  removedUris: new Set(),
  sending: false,
};

const baselineOf = (entries: OwnEntry[]): FeedBaseline =>
  diffOwnFeed({ baseline: null, current: entries, complete: true, sent: nothingSent }).baseline;

describe('diffOwnFeed', () => {
  it('takes the first read as the baseline without findings', () => {
    const diff = diffOwnFeed({
      baseline: null,
      current: [entry(1), entry(2)],
      complete: true,
      sent: nothingSent,
    });
    expect(diff.findings).toEqual([]);
    expect(diff.baseline.entries.map((e) => e.uri)).toEqual([entry(1).uri, entry(2).uri]);
  });

  it('reports a post, a reply and a repost that Roost did not send', () => {
    const base = baselineOf([entry(1)]);
    const reply = entry(3, { kind: 'reply', text: 'a reply' });
    const repost = entry(4, {
      kind: 'repost',
      uri: 'at://did:plc:brand/app.bsky.feed.repost/4',
      subjectUri: 'at://did:plc:other/app.bsky.feed.post/9',
    });
    const diff = diffOwnFeed({
      baseline: base,
      current: [repost, reply, entry(2), entry(1)],
      complete: true,
      sent: nothingSent,
    });
    expect(diff.findings.map((f) => [f.kind, f.uri])).toEqual([
      ['repost', repost.uri],
      ['reply', reply.uri],
      ['post', entry(2).uri],
    ]);
  });

  it('never reports what the outbox sent, matched by URI or by repost subject', () => {
    const base = baselineOf([entry(1)]);
    const repost = entry(4, { kind: 'repost', uri: 'https://m.example/boost/4', subjectUri: 'https://x/9' });
    const diff = diffOwnFeed({
      baseline: base,
      current: [repost, entry(2), entry(1)],
      complete: true,
      sent: { ...nothingSent, uris: new Set([entry(2).uri]), repostSubjects: new Set(['https://x/9']) },
    });
    expect(diff.findings).toEqual([]);
    expect(diff.baseline.entries).toHaveLength(3);
  });

  it('leaves an unknown entry undecided while one of the account’s jobs is being sent', () => {
    const base = baselineOf([entry(1)]);
    const sending = { ...nothingSent, sending: true };
    const first = diffOwnFeed({
      baseline: base,
      current: [entry(2), entry(1)],
      complete: true,
      sent: sending,
    });
    expect(first.findings).toEqual([]);
    expect(first.baseline.entries.map((e) => e.uri)).toEqual([entry(1).uri]);
    // Next read: the job finished and recorded another URI, so this one was not Roost's.
    const second = diffOwnFeed({
      baseline: first.baseline,
      current: [entry(2), entry(1)],
      complete: true,
      sent: nothingSent,
    });
    expect(second.findings.map((f) => f.uri)).toEqual([entry(2).uri]);
  });

  it('reports a deletion made elsewhere but not one made through Roost', () => {
    const base = baselineOf([entry(3), entry(2), entry(1)]);
    const diff = diffOwnFeed({
      baseline: base,
      current: [entry(1)],
      complete: true,
      sent: { ...nothingSent, removedUris: new Set([entry(3).uri]) },
    });
    expect(diff.findings).toEqual([{ kind: 'deletion', uri: entry(2).uri, text: 'post 2' }]);
    expect(diff.baseline.entries.map((e) => e.uri)).toEqual([entry(1).uri]);
  });

  it('does not call an entry deleted when it only scrolled off a full page', () => {
    const base = baselineOf([entry(2), entry(1)]);
    const diff = diffOwnFeed({
      baseline: base,
      current: [entry(3), entry(2)],
      complete: false,
      sent: {
        ...nothingSent,
        uris: new Set([entry(3).uri]),
      },
    });
    expect(diff.findings).toEqual([]);
    // Vanishing from inside the page's time range is a deletion even on a full page.
    const inside = diffOwnFeed({
      baseline: base,
      current: [entry(3), entry(1)],
      complete: false,
      sent: {
        ...nothingSent,
        uris: new Set([entry(3).uri]),
      },
    });
    expect(inside.findings.map((f) => [f.kind, f.uri])).toEqual([['deletion', entry(2).uri]]);
  });
});

describe('diffProfile', () => {
  const profile = { displayName: 'Brand', avatar: 'cid-a', description: 'Official account' };

  it('has no baseline on the first read', () => {
    expect(diffProfile(null, profile)).toEqual([]);
  });

  it('names each changed field with its old and new value', () => {
    expect(diffProfile(profile, { ...profile, displayName: 'Free crypto', avatar: null })).toEqual([
      { field: 'displayName', before: 'Brand', after: 'Free crypto' },
      { field: 'avatar', before: 'cid-a', after: null },
    ]);
  });

  it('ignores line-end and edge whitespace differences', () => {
    expect(diffProfile({ ...profile, description: 'a\r\nb ' }, { ...profile, description: 'a\nb' })).toEqual(
      [],
    );
  });
});
