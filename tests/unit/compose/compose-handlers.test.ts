// compose:richText through the real router: the publish path's detector, each mention marked as an account
// or not, answers remembered for a while (fake clock), a server that cannot answer never remembered as
// "no account", and oversized input refused by the contract before any handler runs.
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../../src-main/rpc/router.ts';
import { composeHandlers } from '../../../src-main/compose/compose-handlers.ts';
import { createMentionChecker } from '../../../src-main/compose/mention-checker.ts';
import { MAX_RICH_TEXTS } from '../../../src-shared/contract/compose-contract.ts';
import { withOtherMethodsRefused } from '../../support/partial-handlers.ts';

const ACCOUNTS: Record<string, string> = { 'alice.test': 'did:plc:alice' };

function harness() {
  let now = 1_000_000;
  let down = false;
  const asked: string[][] = [];
  const checker = createMentionChecker({
    resolve: async (_accountId, handles) => {
      asked.push([...handles]);
      if (down) throw new Error('fetch failed');
      return new Map(handles.map((h) => [h, ACCOUNTS[h] ?? null]));
    },
    clock: { now: () => now },
    ttlMs: 60_000,
  });
  const router = createRouter(withOtherMethodsRefused(composeHandlers(checker)));
  const call = (texts: unknown) =>
    router.dispatch(
      'compose:richText',
      { accountId: 'a1', texts },
      { transport: 'browser', actor: { kind: 'local-user' } },
    );
  return {
    call,
    asked,
    advance: (ms: number) => (now += ms),
    setDown: (value: boolean) => (down = value),
  };
}

const firstMention = (mention: string) => ({ ok: true, value: { texts: [{ facets: [{ mention }] }] } });

describe('compose:richText', () => {
  it('reports links, tags, cashtags and which mentions are accounts, per text', async () => {
    const h = harness();
    const result = await h.call(['Hi @Alice.test and @typo.test #roost $aapl', 'see example.com']);
    expect(result).toEqual({
      ok: true,
      value: {
        texts: [
          {
            facets: [
              { kind: 'mention', value: 'Alice.test', start: 3, end: 14, mention: 'account' },
              { kind: 'mention', value: 'typo.test', start: 19, end: 29, mention: 'no_account' },
              { kind: 'tag', value: 'roost', start: 30, end: 36, mention: null },
              { kind: 'cashtag', value: '$AAPL', start: 37, end: 42, mention: null },
            ],
          },
          {
            facets: [{ kind: 'link', value: 'https://example.com', start: 4, end: 15, mention: null }],
          },
        ],
      },
    });
    expect(h.asked).toEqual([['alice.test', 'typo.test']]);
  });

  it('asks the server again only once an answer is older than its time to live', async () => {
    const h = harness();
    await h.call(['@alice.test']);
    h.advance(59_000);
    await h.call(['@alice.test @typo.test']);
    expect(h.asked).toEqual([['alice.test'], ['typo.test']]);
    h.advance(2_000);
    await h.call(['@alice.test']);
    expect(h.asked).toEqual([['alice.test'], ['typo.test'], ['alice.test']]);
  });

  it('says unchecked when the server cannot answer, and asks again next time', async () => {
    const h = harness();
    h.setDown(true);
    expect(await h.call(['@typo.test'])).toMatchObject(firstMention('unchecked'));
    h.setDown(false);
    expect(await h.call(['@typo.test'])).toMatchObject(firstMention('no_account'));
    expect(h.asked).toEqual([['typo.test'], ['typo.test']]);
  });

  it('asks nothing when no text mentions anyone', async () => {
    const h = harness();
    await h.call(['no mentions here https://x.com']);
    expect(h.asked).toEqual([]);
  });

  it('refuses input outside the contract', async () => {
    const h = harness();
    for (const texts of [[], Array(MAX_RICH_TEXTS + 1).fill('x'), ['x'.repeat(10_001)], [42]]) {
      const result = await h.call(texts);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.code).toBe('invalid_input');
    }
    expect(h.asked).toEqual([]);
  });
});
