// Mentions in published posts against the real local network: a handle that resolves keeps its mention facet;
// one that does not (a typo, or a web domain that is no Bluesky account) stays as plain text and the post is
// still accepted — before the fix the PDS refused the whole post ("Invalid DID (got \"\")").
import { beforeAll, describe, expect, it } from 'vitest';
import { newPostRkey } from '../../../src-shared/atproto/tid.ts';
import { composeHandlers } from '../../../src-main/compose/compose-handlers.ts';
import { createMentionChecker } from '../../../src-main/compose/mention-checker.ts';
import { info, person, uniqueWord } from './support/world.ts';
import type { Person } from './support/world.ts';

let me: Person;

beforeAll(async () => {
  me = await person('mention');
});

interface StoredFacet {
  index: { byteStart: number; byteEnd: number };
  features: { $type: string; did?: string; uri?: string; tag?: string }[];
}

async function storedRecord(uri: string): Promise<{ text: string; facets?: StoredFacet[] }> {
  const rkey = uri.split('/').pop() as string;
  const answer = await me.agent.com.atproto.repo.getRecord({
    repo: me.account.did,
    collection: 'app.bsky.feed.post',
    rkey,
  });
  return answer.data.value as { text: string; facets?: StoredFacet[] };
}

function covered(text: string, facet: StoredFacet): string {
  return new TextDecoder().decode(
    new TextEncoder().encode(text).slice(facet.index.byteStart, facet.index.byteEnd),
  );
}

describe('mentions in published posts', () => {
  it('drops mentions of handles that are no account and keeps the real one', async () => {
    const alice = info.accounts.find((a) => a.handle === 'alice.test');
    expect(alice).toBeDefined();
    const text = `Hello @nobody-here.test and @nytimes.com, with @alice.test ${uniqueWord()} #roost $AAPL`;
    const published = await me.connector.publishPost({ text, rkey: newPostRkey(Date.now()) });
    expect(published.created).toBe(true);

    const record = await storedRecord(published.uri);
    expect(record.text).toBe(text);
    const mentions = (record.facets ?? []).filter((f) =>
      f.features.some((x) => x.$type === 'app.bsky.richtext.facet#mention'),
    );
    expect(mentions).toHaveLength(1);
    expect(covered(text, mentions[0]!)).toBe('@alice.test');
    expect(mentions[0]!.features).toEqual([{ $type: 'app.bsky.richtext.facet#mention', did: alice!.did }]);
    // Tags and cashtags ride along as the library makes them.
    const tags = (record.facets ?? []).flatMap((f) => f.features.map((x) => x.tag)).filter(Boolean);
    expect(tags).toEqual(['roost', '$AAPL']);
  });

  it('posts text whose only mention does not resolve, with no facets at all', async () => {
    const text = `cc @typo-${uniqueWord()}.test`;
    const published = await me.connector.publishPost({ text, rkey: newPostRkey(Date.now()) });
    const record = await storedRecord(published.uri);
    expect(record.text).toBe(text);
    expect(record.facets).toBeUndefined();
  });

  it('tells the composer beforehand which mentions will not link', async () => {
    const handlers = composeHandlers(
      createMentionChecker({
        resolve: (_accountId, handles) => me.connector.resolveMentions(handles),
        clock: { now: Date.now },
      }),
    );
    const answer = await handlers['compose:richText'](
      { accountId: 'a1', texts: ['@nobody-here.test @nytimes.com @alice.test'] },
      { transport: 'browser', actor: { kind: 'local-user' } },
    );
    expect(answer.texts[0]?.facets.map((f) => [f.value, f.mention])).toEqual([
      ['nobody-here.test', 'no_account'],
      ['nytimes.com', 'no_account'],
      ['alice.test', 'account'],
    ]);
  });
});
