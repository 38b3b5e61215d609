// Main's item flagger: the same answers as the shared rules, with each author's impostor check remembered
// between rule reloads (authors repeat on every poll), and a new display name checked again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createItemFlagger } from '../../../src-main/protection/item-flagger.ts';
import { contentlessItem, type StreamItem } from '../../../src-shared/domain/stream-item.ts';
import { accountFixture } from '../../support/builders/accounts.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function mention(id: string, handle: string, displayName: string): StreamItem {
  return contentlessItem(
    {
      key: `bluesky:at://${id}`,
      network: 'bluesky',
      accountId: 'a1',
      kind: 'mention',
      remoteId: `at://${id}`,
      actionRef: null,
      url: null,
      author: {
        id: `did:plc:${handle.replace(/\W/g, '')}`,
        handle,
        displayName,
        avatarUrl: null,
        profileUrl: null,
        server: null,
        location: null,
      },
    },
    { createdAt: '2026-12-07T10:00:00Z', seenAt: '2026-12-07T10:00:00Z' },
  );
}

function flagger() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'roost-flagger-'));
  dirs.push(dataDir);
  const brand = accountFixture(1, {
    handle: 'acme.bsky.social',
    displayName: 'Acme Support',
    remoteId: 'did:plc:acme',
  });
  return createItemFlagger({ dataDir, accounts: () => [brand], clock: { now: () => 0 } });
}

describe('createItemFlagger', () => {
  it('flags an impostor on every item of theirs, and no one else', () => {
    const flags = flagger();
    const [first, ordinary, again] = flags.flag([
      mention('1', 'acme-bsky.social', 'Someone'),
      mention('2', 'alice.test', 'Alice'),
      mention('3', 'acme-bsky.social', 'Someone'),
    ]);
    expect(first!.flags?.impostor).toEqual({ imitates: 'acme.bsky.social', reason: 'handle' });
    expect(again!.flags?.impostor).toEqual(first!.flags?.impostor);
    expect(ordinary!.flags).toBeUndefined();
  });

  it('checks an author again when their display name changes', () => {
    const flags = flagger();
    const [before] = flags.flag([mention('1', 'bob.test', 'Bob')]);
    const [after] = flags.flag([mention('2', 'bob.test', 'Acme Supp0rt')]);
    expect(before!.flags).toBeUndefined();
    expect(after!.flags?.impostor).toEqual({ imitates: 'acme.bsky.social', reason: 'display-name' });
  });
});
