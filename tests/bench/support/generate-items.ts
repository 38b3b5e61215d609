// Deterministic, realistic stream items for benchmarks: English and French posts of varied length with
// hashtags, mentions, links, media, quotes, several networks, accounts and thousands of authors (~1.6 KB
// as JSON on average). The same seed gives the same items, so runs compare.
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';

const EN = (
  'the the the a a to of and and in is is it for on with this that you we our team update release new feature ' +
  'customer support service network outage problem fix issue great product launch today thanks love happy ' +
  'terrible slow broken amazing works again please check report weekly news community event meeting ' +
  'design app mobile web users data privacy security account login error working still waiting reply soon ' +
  'thread photo city train weather coffee cafe lunch office remote plan roadmap feedback beta version notes ' +
  'performance improvement bug crash server status page incident resolved investigating monitoring'
).split(' ');
const FR = (
  'le le la la les de de des et et est un une pour pas avec sur dans notre votre équipe mise à jour nouvelle ' +
  'fonctionnalité service client réseau panne problème merci merci bonjour très bien super génial lent cassé ' +
  'encore attente réponse bientôt café déjeuner réunion événement communauté appli mobile données sécurité ' +
  'compte connexion erreur fonctionne toujours ville train météo bureau projet retour version notes ' +
  "aujourd'hui semaine nouvelles incident résolu enquête l'appli qu'il c'est déçu ravi"
).split(' ');
/** Words used in about one item in 500–2,000: what "rare word" searches look for. */
const RARE = 'aubergine quokka zeppelin marmalade obsidian kumquat tamarin bergamote quinoa narval'.split(
  ' ',
);
const TAGS =
  'opensource bluesky mastodon rennes paris devops ux news fediverse accessibility release support'.split(
    ' ',
  );
const DOMAINS = ['example.com', 'news.example.org', 'blog.example.net', 'exemple.fr', 'status.example.io'];
const NETWORKS: StreamItem['network'][] = ['bluesky', 'bluesky', 'mastodon', 'mastodon', 'rss'];
const ACCOUNTS = ['acct-1', 'acct-2', 'acct-3', 'acct-4', 'acct-5'];
const AUTHORS = 5_000;
const SPAN_MS = 60 * 86_400_000;

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Skewed towards the start of the list, like word frequencies. */
function zipfPick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(list.length * random() * random())] as T;
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

export function authorHandle(n: number): string {
  return `user${n}.example`;
}

export function generateItems(start: number, count: number, seed = 1, now = Date.now()): StreamItem[] {
  const random = rng(seed * 1_000_003 + start);
  const items: StreamItem[] = [];
  for (let n = start; n < start + count; n++) items.push(generateItem(n, random, now));
  return items;
}

function generateItem(n: number, random: () => number, now: number): StreamItem {
  const network = pick(random, NETWORKS);
  const french = random() < 0.35;
  const words = french ? FR : EN;
  const authorN = Math.floor(random() * random() * AUTHORS);
  const handle = authorHandle(authorN);
  const facets: StreamItem['facets'][number][] = [];
  let text = '';
  const append = (part: string, kind?: 'link' | 'mention' | 'hashtag', value?: string): void => {
    if (text) text += ' ';
    if (kind && value !== undefined)
      facets.push({ kind, start: text.length, end: text.length + part.length, value });
    text += part;
  };
  const length = 30 + Math.floor(random() * 55);
  for (let w = 0; w < length; w++) {
    const r = random();
    if (r < 0.02) {
      const tag = pick(random, TAGS);
      append(`#${tag}`, 'hashtag', tag);
    } else if (r < 0.035) {
      const other = authorHandle(Math.floor(random() * AUTHORS));
      append(`@${other}`, 'mention', `did:plc:${other}`);
    } else if (r < 0.037) {
      append(pick(random, RARE));
    } else {
      const word = zipfPick(random, words);
      append(w === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word);
    }
  }
  if (random() < 0.5) {
    const url = `https://${pick(random, DOMAINS)}/${french ? 'articles' : 'posts'}/${n.toString(36)}-${Math.floor(random() * 1e6)}`;
    append(url, 'link', url);
  }
  const createdMs = now - Math.floor(random() * SPAN_MS);
  const createdAt = new Date(createdMs).toISOString();
  const remoteId =
    network === 'bluesky'
      ? `at://did:plc:${handle}/app.bsky.feed.post/3k${n.toString(36).padStart(11, '0')}`
      : network === 'mastodon'
        ? `https://social.example/users/user${authorN}/statuses/${110_000_000_000 + n}`
        : `https://${pick(random, DOMAINS)}/feed/item-${n}`;
  const media: StreamItem['media'][number][] =
    random() < 0.3
      ? [
          {
            kind: 'image',
            url: `https://cdn.example.com/media/${n}/original.jpg`,
            thumbUrl: `https://cdn.example.com/media/${n}/small.jpg`,
            alt: french ? 'Une photo du bureau sous la pluie' : 'A photo of the office in the rain',
            width: 1600,
            height: 900,
          },
        ]
      : [];
  const author = {
    id: network === 'mastodon' ? `https://social.example/users/user${authorN}` : `did:plc:${handle}`,
    handle: network === 'mastodon' ? `user${authorN}@social.example` : handle,
    displayName: `User ${authorN}`,
    avatarUrl: `https://cdn.example.com/avatars/${authorN}.jpg`,
    profileUrl: `https://${network === 'mastodon' ? 'social.example/@' : 'bsky.app/profile/'}${handle}`,
    server: network === 'mastodon' ? 'social.example' : null,
    location: null,
  };
  return {
    key: `${network}:${remoteId}`,
    network,
    accountId: network === 'rss' ? null : pick(random, ACCOUNTS),
    kind: random() < 0.15 ? 'reply' : 'post',
    remoteId,
    actionRef:
      network === 'bluesky'
        ? `bafyreig${n.toString(36).padStart(50, 'x')}`
        : network === 'mastodon'
          ? `${n}`
          : null,
    url: network === 'rss' ? `https://${pick(random, DOMAINS)}/articles/${n}` : author.profileUrl,
    author,
    via: null,
    title: network === 'rss' ? text.split(' ').slice(0, 6).join(' ') : null,
    text,
    html: network === 'bluesky' ? null : `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`,
    facets,
    media,
    lang: network === 'rss' ? null : french ? 'fr' : 'en',
    contentWarning: null,
    replyTo: null,
    quote: null,
    counts: {
      replies: Math.floor(random() * 20),
      reposts: Math.floor(random() * 50),
      likes: Math.floor(random() * 200),
      quotes: Math.floor(random() * 5),
    },
    viewer: { liked: null, reposted: null },
    createdAt,
    seenAt: new Date(createdMs + 1_000).toISOString(),
  };
}
