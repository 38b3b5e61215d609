// Pure helpers of the Mastodon connector: PKCE, authorize URL, state check, Link header, HTML → text and
// facets, backoff, rate-limit headers. HTML inputs are the documented example contents (replayed fixtures).
import { describe, expect, it } from 'vitest';
import { RoostError } from '../../../../src-shared/contract/errors.ts';
import { htmlToText, decodeEntities } from '../../../../src-main/connectors/mastodon/html-text.ts';
import { readRateLimit } from '../../../../src-main/connectors/mastodon/http.ts';
import { parseLinkHeader } from '../../../../src-main/connectors/mastodon/link-header.ts';
import {
  buildAuthorizeUrl,
  createPkcePair,
  pkceChallenge,
  readCallback,
  stateMatches,
} from '../../../../src-main/connectors/mastodon/oauth.ts';
import { backoffDelay, streamingUrl } from '../../../../src-main/connectors/mastodon/streaming.ts';
import { compareIds } from '../../../../src-main/connectors/mastodon/timelines.ts';
import { fixture, type JsonObject } from '../../../support/mastodon-replay/fixtures.ts';

describe('PKCE and the authorize URL', () => {
  it('computes the S256 challenge of RFC 7636 appendix B', () => {
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes a 43-character verifier whose challenge matches', () => {
    const pair = createPkcePair();
    expect(pair.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(pair.challenge).toBe(pkceChallenge(pair.verifier));
    expect(createPkcePair().verifier).not.toBe(pair.verifier);
  });

  it('refuses verifiers outside RFC 7636', () => {
    expect(() => pkceChallenge('short')).toThrow(RoostError);
    expect(() => pkceChallenge('x'.repeat(129))).toThrow(RoostError);
  });

  it('builds the documented /oauth/authorize query', () => {
    const url = new URL(
      buildAuthorizeUrl({
        origin: 'https://mastodon.example',
        clientId: 'client',
        redirectUri: 'http://127.0.0.1:4567/callback',
        scopes: ['read', 'write'],
        state: 'st',
        codeChallenge: 'ch',
        forceLogin: true,
      }),
    );
    expect(url.origin + url.pathname).toBe('https://mastodon.example/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client',
      redirect_uri: 'http://127.0.0.1:4567/callback',
      scope: 'read write',
      state: 'st',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
      force_login: 'true',
    });
  });

  it('checks state before reading the code', () => {
    expect(stateMatches('abc', 'abc')).toBe(true);
    expect(stateMatches('abc', 'abd')).toBe(false);
    expect(stateMatches('abc', null)).toBe(false);
    expect(stateMatches('abc', 'abcd')).toBe(false);
    expect(readCallback(new URLSearchParams('code=qDFU&state=s1'), 's1')).toBe('qDFU');
    expect(() => readCallback(new URLSearchParams('code=qDFU&state=evil'), 's1')).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    expect(() => readCallback(new URLSearchParams('error=access_denied&state=s1'), 's1')).toThrow(
      expect.objectContaining({ code: 'auth_failed' }),
    );
    expect(() => readCallback(new URLSearchParams('state=s1'), 's1')).toThrow(
      expect.objectContaining({ code: 'auth_failed' }),
    );
  });
});

describe('Link header', () => {
  it('reads the documented conversations Link header', () => {
    const links = parseLinkHeader(
      '<https://mastodon.example/api/v1/conversations?limit=2&max_id=108835003356700379>; rel="next", <https://mastodon.example/api/v1/conversations?limit=2&min_id=108888782724768580>; rel="prev"',
    );
    expect(links.next?.maxId).toBe('108835003356700379');
    expect(links.prev?.minId).toBe('108888782724768580');
  });

  it('tolerates the documented notifications header whose second link has no rel', () => {
    const links = parseLinkHeader(
      '<https://mastodon.example/api/v1/notifications?max_id=34975535>; rel="next", <https://mastodon.example/api/v1/notifications?min_id=34975861>;',
    );
    expect(links.next?.maxId).toBe('34975535');
    expect(links.prev).toBeNull();
  });

  it('ignores garbage', () => {
    expect(parseLinkHeader('nonsense')).toEqual({ next: null, prev: null });
    expect(parseLinkHeader('<not a url>; rel="next"')).toEqual({ next: null, prev: null });
    expect(parseLinkHeader(null)).toEqual({ next: null, prev: null });
  });
});

describe('HTML to text and facets', () => {
  it('derives text and a link facet from the documented Status example', () => {
    const status = fixture('status');
    const { text, facets } = htmlToText(String(status.content));
    expect(text).toBe(
      '"I lost my inheritance with one wrong digit on my sort code"\n\nhttps://www.theguardian.com/money/2019/dec/07/i-lost-my-193000-inheritance-with-one-wrong-digit-on-my-sort-code',
    );
    expect(facets).toHaveLength(1);
    const [link] = facets;
    expect(link?.kind).toBe('link');
    expect(text.slice(link?.start, link?.end)).toBe(link?.value);
  });

  it('finds hashtags and mentions in the documented #cats timeline, with UTF-16 offsets', () => {
    const cats = fixture<JsonObject[]>('timeline-hashtag-cats');
    const { text, facets } = htmlToText(String(cats[1]?.content), [
      { url: 'https://chaos.social/@kernpanik', acct: 'kernpanik@chaos.social' },
    ]);
    expect(text.startsWith('Caught on the hop. 😺')).toBe(true);
    const tags = facets.filter((f) => f.kind === 'hashtag').map((f) => f.value);
    expect(tags).toEqual(['Qualitätskatzen', 'cats', 'mastocats', 'catsofmastodon', 'Greece', 'Agistri']);
    for (const facet of facets.filter((f) => f.kind === 'hashtag'))
      expect(text.slice(facet.start, facet.end)).toBe(`#${facet.value}`);
    const mention = facets.find((f) => f.kind === 'mention');
    expect(mention?.value).toBe('kernpanik@chaos.social');
    expect(text.slice(mention?.start, mention?.end)).toBe('@kernpanik');
    expect(text).toContain('\n(photo: @kernpanik | license');
  });

  it('reads a bare (Pleroma) content without paragraphs, from the documented streamed notification', () => {
    const notification = fixture('notification-mention-streamed');
    const { text, facets } = htmlToText(String((notification.status as JsonObject).content), [
      { url: 'https://mastodon.social/@trwnh', acct: 'trwnh' },
    ]);
    expect(text).toBe('@trwnh test');
    expect(facets).toEqual([{ kind: 'mention', start: 0, end: 6, value: 'trwnh' }]);
  });

  it('decodes entities and skips scripts', () => {
    expect(decodeEntities('&quot;a&quot; &amp; &#39;b&#39; &#x1F600; &bogus;')).toBe(
      '"a" & \'b\' 😀 &bogus;',
    );
    expect(htmlToText('<p>a<script>alert(1)</script>b</p><p>c<br>d</p>').text).toBe('ab\n\nc\nd');
    expect(htmlToText('<p>x <a href="javascript:alert(1)">y</a></p>').facets).toEqual([]);
  });
});

describe('small pure rules', () => {
  it('backs off exponentially with jitter, capped', () => {
    const policy = { initialMs: 1_000, maxMs: 60_000 };
    expect(backoffDelay(0, policy, () => 0)).toBe(500);
    expect(backoffDelay(0, policy, () => 1)).toBe(1_000);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(6_000);
    expect(backoffDelay(40, policy, () => 1)).toBe(60_000);
  });

  it('builds streaming URLs for each stream', () => {
    expect(streamingUrl('wss://streaming.example', 'user')).toBe(
      'wss://streaming.example/api/v1/streaming?stream=user',
    );
    expect(streamingUrl('https://m.example', 'hashtag', '#cats')).toBe(
      'wss://m.example/api/v1/streaming?stream=hashtag&tag=cats',
    );
    expect(streamingUrl('http://127.0.0.1:9', 'list', '12')).toBe(
      'ws://127.0.0.1:9/api/v1/streaming?stream=list&list=12',
    );
  });

  it('orders snowflake ids numerically', () => {
    expect(compareIds('103270115826048975', '99734435964706331')).toBeGreaterThan(0);
    expect(compareIds('5', '5')).toBe(0);
  });

  it('reads X-RateLimit-* headers (ISO reset, as Mastodon sends it)', () => {
    const headers = new Headers({
      'x-ratelimit-limit': '300',
      'x-ratelimit-remaining': '299',
      'x-ratelimit-reset': '2019-12-08T03:50:00.000Z',
    });
    expect(readRateLimit(headers)).toEqual({
      limit: 300,
      remaining: 299,
      resetAt: Date.parse('2019-12-08T03:50:00.000Z'),
    });
    expect(readRateLimit(new Headers())).toBeNull();
    expect(readRateLimit(new Headers({ 'x-ratelimit-limit': 'lots' }))).toBeNull();
  });
});
