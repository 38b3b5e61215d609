// Column filters: schema, each criterion table-driven, region signals, and the human description.
import { describe, expect, it } from 'vitest';
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import {
  ColumnFilterSchema,
  REGION_FILTER_EXPLANATION,
  compileFilter,
  parseKeywordQuery,
  type ColumnFilterInput,
} from '../../../src-shared/filters/column-filter.ts';
import { describeFilter } from '../../../src-shared/filters/describe-filter.ts';

type ItemPatch = Partial<Omit<StreamItem, 'author'>> & { author?: Partial<StreamItem['author']> };

function item(patch: ItemPatch = {}): StreamItem {
  const { author, ...rest } = patch;
  return {
    key: 'bluesky:at://x/1',
    network: 'bluesky',
    accountId: 'acct-1',
    kind: 'post',
    remoteId: 'at://x/1',
    actionRef: null,
    url: null,
    author: {
      id: 'did:plc:alice',
      handle: 'alice.example',
      displayName: 'Alice',
      avatarUrl: null,
      profileUrl: null,
      server: null,
      location: null,
      ...author,
    },
    via: null,
    title: null,
    text: '',
    html: null,
    facets: [],
    media: [],
    lang: 'en',
    contentWarning: null,
    replyTo: null,
    quote: null,
    counts: { replies: 0, reposts: 0, likes: 0, quotes: 0 },
    viewer: { liked: null, reposted: null },
    createdAt: '2025-01-01T00:00:00.000Z',
    seenAt: '2025-01-01T00:00:00.000Z',
    ...rest,
  };
}

const photo = {
  kind: 'image',
  url: 'https://cdn.example/p.jpg',
  thumbUrl: null,
  alt: '',
  width: null,
  height: null,
} as const;

type Case = { name: string; filter: ColumnFilterInput; item: ItemPatch; pass: boolean };

const cases: Case[] = [
  { name: 'empty filter passes everything', filter: {}, item: { text: 'anything' }, pass: true },
  // include keywords: whole words, case and accents folded
  {
    name: 'keyword matches a word',
    filter: { includeKeywords: ['refund'] },
    item: { text: 'Still no REFUND.' },
    pass: true,
  },
  {
    name: 'keyword respects word boundaries',
    filter: { includeKeywords: ['refund'] },
    item: { text: 'refunded already' },
    pass: false,
  },
  {
    name: 'prefix keyword with *',
    filter: { includeKeywords: ['rembours*'] },
    item: { text: 'Toujours pas remboursée' },
    pass: true,
  },
  {
    name: 'accent-insensitive',
    filter: { includeKeywords: ['decu'] },
    item: { text: 'Très DÉÇU', lang: 'fr' },
    pass: true,
  },
  {
    name: 'accented keyword finds plain text',
    filter: { includeKeywords: ['déçu'] },
    item: { text: 'tres decu' },
    pass: true,
  },
  {
    name: 'elision does not hide the word',
    filter: { includeKeywords: ['appli'] },
    item: { text: "L'appli plante" },
    pass: true,
  },
  {
    name: 'quoted phrase matches consecutive words',
    filter: { includeKeywords: ['"customer service"'] },
    item: { text: 'Worst Customer-Service ever' },
    pass: true,
  },
  {
    name: 'quoted phrase needs the words in order',
    filter: { includeKeywords: ['"customer service"'] },
    item: { text: 'service to the customer' },
    pass: false,
  },
  {
    name: 'word finds the same hashtag',
    filter: { includeKeywords: ['fail'] },
    item: { text: 'Delivered late #Fail' },
    pass: true,
  },
  {
    name: '#hashtag matches only the hashtag',
    filter: { includeKeywords: ['#fail'] },
    item: { text: 'it did fail' },
    pass: false,
  },
  {
    name: '#hashtag matches a hashtag',
    filter: { includeKeywords: ['#fail'] },
    item: { text: 'so #FAIL' },
    pass: true,
  },
  {
    name: '#hashtag from facets',
    filter: { includeKeywords: ['#roost'] },
    item: { text: 'hello', facets: [{ kind: 'hashtag', start: 0, end: 0, value: 'Roost' }] },
    pass: true,
  },
  {
    name: 'mention keyword',
    filter: { includeKeywords: ['@parcelio'] },
    item: { text: 'hey @Parcelio where is it' },
    pass: true,
  },
  {
    name: 'any-of by default',
    filter: { includeKeywords: ['refund', 'delay'] },
    item: { text: 'a delay again' },
    pass: true,
  },
  {
    name: 'all-of when asked',
    filter: { includeKeywords: ['refund', 'delay'], includeMode: 'all' },
    item: { text: 'a delay again' },
    pass: false,
  },
  {
    name: 'keyword found in content warning',
    filter: { includeKeywords: ['spoiler'] },
    item: { text: 'x', contentWarning: 'Spoiler' },
    pass: true,
  },
  {
    name: 'keyword found in image alt text',
    filter: { includeKeywords: ['receipt'] },
    item: { text: 'look', media: [{ ...photo, alt: 'A receipt' }] },
    pass: true,
  },
  // exclude and muted keywords
  {
    name: 'exclude keyword hides',
    filter: { excludeKeywords: ['giveaway'] },
    item: { text: 'Big GIVEAWAY today' },
    pass: false,
  },
  {
    name: 'exclude wins over include',
    filter: { includeKeywords: ['refund'], excludeKeywords: ['"job offer"'] },
    item: { text: 'refund job offer' },
    pass: false,
  },
  {
    name: 'muted keyword hides',
    filter: { mutedKeywords: ['crypto'] },
    item: { text: 'buy #crypto now' },
    pass: false,
  },
  {
    name: 'muted keyword is a whole word',
    filter: { mutedKeywords: ['crypto'] },
    item: { text: 'cryptography talk' },
    pass: true,
  },
  // languages
  {
    name: 'language from the item tag',
    filter: { languages: ['fr'] },
    item: { text: 'x', lang: 'fr-CA' },
    pass: true,
  },
  {
    name: 'other language is hidden',
    filter: { languages: ['fr'] },
    item: { text: 'x', lang: 'en' },
    pass: false,
  },
  {
    name: 'untagged item uses the guesser',
    filter: { languages: ['fr'] },
    item: { text: "Je n'ai toujours pas reçu ma commande", lang: null },
    pass: true,
  },
  // media and links
  { name: 'with media', filter: { media: 'with' }, item: { media: [photo] }, pass: true },
  { name: 'with media, none', filter: { media: 'with' }, item: {}, pass: false },
  { name: 'without media', filter: { media: 'without' }, item: { media: [photo] }, pass: false },
  {
    name: 'with links via facet',
    filter: { links: 'with' },
    item: { facets: [{ kind: 'link', start: 0, end: 1, value: 'https://a.b' }] },
    pass: true,
  },
  {
    name: 'with links via text',
    filter: { links: 'with' },
    item: { text: 'see https://example.com' },
    pass: true,
  },
  {
    name: 'without links',
    filter: { links: 'without' },
    item: { text: 'see https://example.com' },
    pass: false,
  },
  // engagement
  {
    name: 'engagement sums likes, reposts, replies',
    filter: { minEngagement: 10 },
    item: { counts: { likes: 5, reposts: 3, replies: 2, quotes: 50 } },
    pass: true,
  },
  {
    name: 'engagement below the minimum',
    filter: { minEngagement: 11 },
    item: { counts: { likes: 5, reposts: 3, replies: 2, quotes: 50 } },
    pass: false,
  },
  // sentiment
  {
    name: 'sentiment negative kept',
    filter: { sentiments: ['negative'] },
    item: { text: 'Terrible service, very disappointed' },
    pass: true,
  },
  {
    name: 'sentiment positive dropped',
    filter: { sentiments: ['negative'] },
    item: { text: 'Brilliant service, thank you!' },
    pass: false,
  },
  // muted authors
  {
    name: 'muted author by handle with @',
    filter: { mutedAuthors: ['@Alice.example'] },
    item: {},
    pass: false,
  },
  { name: 'muted author by id', filter: { mutedAuthors: ['did:plc:alice'] }, item: {}, pass: false },
  {
    name: 'muted author who reposted it',
    filter: { mutedAuthors: ['bob.example'] },
    item: { via: item({ author: { id: 'did:plc:bob', handle: 'bob.example' } }).author },
    pass: false,
  },
  { name: 'other authors pass', filter: { mutedAuthors: ['bob.example'] }, item: {}, pass: true },
];

describe('compileFilter', () => {
  it.each(cases)('$name', ({ filter, item: patch, pass }) => {
    expect(compileFilter(filter)(item(patch))).toBe(pass);
  });

  it('uses sentiment supplied by the caller instead of scoring', () => {
    const predicate = compileFilter({ sentiments: ['positive'] }, { sentimentOf: () => 'positive' });
    expect(predicate(item({ text: 'Terrible service' }))).toBe(true);
  });

  it('rejects malformed definitions', () => {
    expect(() => compileFilter({ minEngagement: -1 })).toThrow();
    expect(() => compileFilter({ languages: ['not a tag'] })).toThrow();
    expect(ColumnFilterSchema.safeParse({ unknown: true }).success).toBe(false);
  });
});

describe('region filter', () => {
  const region = {
    languages: ['fr'],
    serverSuffixes: ['.fr'],
    servers: ['mamot.fr', 'piaille.fr'],
    places: ['Paris', 'Lyon', 'Île-de-France'],
  };
  const predicate = compileFilter({ region });
  const cases_: Array<[string, ItemPatch, boolean]> = [
    ['French post', { lang: 'fr', text: 'Bonjour' }, true],
    ['server ending in .fr', { author: { server: 'social.example.fr' } }, true],
    ['listed instance', { author: { server: 'Mamot.FR' } }, true],
    ['suffix needs a dot boundary', { author: { server: 'notfr' } }, false],
    ['place in the profile location', { author: { location: 'Lyon 3e, France' } }, true],
    ['place with accents folded', { author: { location: 'ile de france' } }, true],
    ['place is a whole word', { author: { location: 'Parisville, TX' } }, false],
    ['no signal at all', { lang: 'en', author: { server: 'mastodon.social', location: 'Leeds' } }, false],
  ];
  it.each(cases_)('%s', (_name, patch, pass) => {
    expect(predicate(item(patch))).toBe(pass);
  });

  it('treats a region with no signal listed as no region filter', () => {
    expect(compileFilter({ region: {} })(item())).toBe(true);
  });

  it('explains how region is decided, in English and French', () => {
    expect(REGION_FILTER_EXPLANATION.en).toMatch(/language.*server.*location/s);
    expect(REGION_FILTER_EXPLANATION.fr).toMatch(/langue.*serveur.*localisation/s);
  });
});

describe('parseKeywordQuery and describeFilter', () => {
  it('splits typed keywords, keeping quoted phrases together', () => {
    expect(parseKeywordQuery('refund "customer service" #fail « service client »')).toEqual([
      'refund',
      '"customer service"',
      '#fail',
      '"service client"',
    ]);
  });

  it('describes a filter in English and French', () => {
    const def: ColumnFilterInput = {
      includeKeywords: ['refund', '"customer service"'],
      excludeKeywords: ['giveaway'],
      media: 'with',
      minEngagement: 5,
      sentiments: ['negative'],
      region: { serverSuffixes: ['.fr'], places: ['Paris'] },
      mutedAuthors: ['spam.example'],
    };
    expect(describeFilter(def)).toBe(
      'Keywords: any of refund, "customer service" · Not: giveaway · With media · At least 5 interactions · ' +
        'Sentiment: negative · Region: server *.fr or location Paris · 1 muted account',
    );
    expect(describeFilter(def, 'fr')).toContain('Tonalité: négative');
    expect(describeFilter({})).toBe('No filter');
    expect(describeFilter({}, 'fr')).toBe('Aucun filtre');
  });
});
