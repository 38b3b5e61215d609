// A column's filter: a zod-validated definition compiled once into a fast `(item) => boolean`.
// Keywords match whole words, case- and accent-insensitively; "quoted phrases" match consecutive words.
import { z } from '../zod.ts';
import type { StreamItem } from '../domain/stream-item.ts';
import { foldText } from '../text/fold.ts';
import { guessLanguage, primaryLanguage } from '../text/language.ts';
import { itemSentiment, type SentimentLabel } from '../text/sentiment.ts';
import { tokenize } from '../text/tokenize.ts';

const Term = z.string().trim().min(1).max(200);
const Terms = z.array(Term).max(200).default([]);
const LanguageTag = z
  .string()
  .trim()
  .min(2)
  .max(35)
  .regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/);

export const RegionFilterSchema = z
  .object({
    /** Post languages that count as being from the region ('fr' for France, Belgium, Québec…). */
    languages: z.array(LanguageTag).max(20).default([]),
    /** Server domain suffixes: '.fr' matches 'piaille.fr' and 'mastodon.fr'. */
    serverSuffixes: z.array(z.string().trim().min(2).max(253)).max(50).default([]),
    /** Exact instance domains, e.g. 'mamot.fr'. */
    servers: z.array(z.string().trim().min(3).max(253)).max(200).default([]),
    /** Place names looked for in the author's profile location, e.g. 'Paris', 'Lyon', 'France'. */
    places: z.array(Term).max(200).default([]),
  })
  .strict();
export type RegionFilter = z.infer<typeof RegionFilterSchema>;

const Presence = z.enum(['any', 'with', 'without']).default('any');

export const ColumnFilterSchema = z
  .object({
    /** Words, "quoted phrases", #hashtags, or prefixes ending in * (rembours*). */
    includeKeywords: Terms,
    /** 'any': one include keyword is enough; 'all': every one must appear. */
    includeMode: z.enum(['any', 'all']).default('any'),
    excludeKeywords: Terms,
    /** Primary language subtags ('en', 'fr'); empty means every language. */
    languages: z.array(LanguageTag).max(20).default([]),
    media: Presence,
    links: Presence,
    /** likes + reposts + replies. */
    minEngagement: z.number().int().nonnegative().max(1_000_000_000).default(0),
    sentiments: z
      .array(z.enum(['positive', 'neutral', 'negative']))
      .max(3)
      .default([]),
    region: RegionFilterSchema.nullable().default(null),
    /** Handles (with or without @) or account ids; hides their posts and what they repost. */
    mutedAuthors: z.array(z.string().trim().min(1).max(2_048)).max(1_000).default([]),
    mutedKeywords: Terms,
  })
  .strict();
export type ColumnFilter = z.infer<typeof ColumnFilterSchema>;
export type ColumnFilterInput = z.input<typeof ColumnFilterSchema>;

export const REGION_FILTER_EXPLANATION = {
  en:
    'Networks do not say where people are. Roost counts a post as from the region when at least one honest ' +
    "signal matches: the post's language, the author's server (for example a domain ending in .fr, or an " +
    'instance you list), or a place name you list appearing in the location the author wrote on their profile. ' +
    'Posts with none of these signals are left out. Expect misses: a language is spoken in many countries, ' +
    'and most profiles give no location.',
  fr:
    "Les réseaux n'indiquent pas où se trouvent les gens. Roost considère qu'un message vient de la région " +
    "si au moins un indice honnête correspond : la langue du message, le serveur de l'auteur (par exemple un " +
    'domaine en .fr, ou une instance que vous indiquez), ou un nom de lieu de votre liste présent dans la ' +
    "localisation que l'auteur a écrite sur son profil. Les messages sans aucun de ces indices sont écartés. " +
    "Attendez-vous à des oublis : une langue se parle dans plusieurs pays et la plupart des profils n'indiquent " +
    'aucun lieu.',
} as const;

export type ItemPredicate = (item: StreamItem) => boolean;

export type CompileOptions = {
  /** Reuse sentiment computed elsewhere (the ingest worker caches it); otherwise it is scored here. */
  sentimentOf?: (item: StreamItem) => SentimentLabel;
};

/** One keyword compiled to folded words; a trailing `*` on the last word makes it a prefix. */
type Pattern = { words: string[]; prefix: boolean };

/** Splits what a person types into terms: `refund "customer service" #fail` → 3 terms. */
export function parseKeywordQuery(query: string): string[] {
  const terms: string[] = [];
  for (const m of query.matchAll(/"([^"]*)"|“([^”]*)”|«\s*([^»]*?)\s*»|(\S+)/gu)) {
    const term = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim();
    if (term) terms.push(m[4] === undefined ? `"${term}"` : term);
  }
  return terms;
}

function compilePattern(term: string): Pattern | null {
  const unquoted = term.replace(/^["“«]\s*|\s*["”»]$/gu, '');
  const prefix = unquoted.endsWith('*');
  const words = tokenize(prefix ? unquoted.slice(0, -1) : unquoted);
  return words.length ? { words, prefix } : null;
}

/** The folded words of everything a keyword may match in an item, computed once per item. */
type ItemWords = { list: string[]; set: Set<string> };

function itemWords(item: StreamItem): ItemWords {
  const parts = [item.title ?? '', item.text, item.contentWarning ?? '', item.quote?.text ?? ''];
  for (const m of item.media) if (m.alt) parts.push(m.alt);
  const list = tokenize(parts.join('\n'));
  for (const f of item.facets) if (f.kind === 'hashtag') list.push(`#${foldText(f.value)}`);
  const set = new Set<string>();
  for (const w of list) {
    set.add(w);
    // A plain word also matches the same word used as a hashtag: "refund" finds "#refund".
    if (w.charCodeAt(0) === 35) set.add(w.slice(1));
  }
  return { list, set };
}

function wordMatches(pattern: string, word: string, prefix: boolean): boolean {
  if (prefix) return word.startsWith(pattern) || (word.charCodeAt(0) === 35 && word.startsWith(pattern, 1));
  return (
    word === pattern ||
    (word.charCodeAt(0) === 35 && pattern.charCodeAt(0) !== 35 && word.slice(1) === pattern)
  );
}

function matches(p: Pattern, words: ItemWords): boolean {
  const first = p.words[0] as string;
  if (p.words.length === 1 && !p.prefix) return words.set.has(first);
  const n = p.words.length;
  outer: for (let i = 0; i + n <= words.list.length; i += 1) {
    for (let k = 0; k < n; k += 1) {
      const last = k === n - 1;
      if (!wordMatches(p.words[k] as string, words.list[i + k] as string, last && p.prefix)) continue outer;
    }
    return true;
  }
  return false;
}

function normaliseHandle(handle: string): string {
  return handle.trim().replace(/^@/, '').toLowerCase();
}

function hasLink(item: StreamItem): boolean {
  return item.facets.some((f) => f.kind === 'link') || /\bhttps?:\/\//i.test(item.text);
}

function itemLanguage(item: StreamItem): string {
  return primaryLanguage(item.lang) ?? guessLanguage(item.text);
}

function compileRegion(region: RegionFilter): ItemPredicate {
  const languages = new Set(region.languages.map((l) => primaryLanguage(l)));
  const suffixes = region.serverSuffixes.map((s) => {
    const folded = s.trim().toLowerCase();
    return folded.startsWith('.') ? folded : `.${folded}`;
  });
  const servers = new Set(region.servers.map((s) => s.trim().toLowerCase()));
  const places = region.places.map(compilePattern).filter((p): p is Pattern => p !== null);
  return (item) => {
    if (languages.size && languages.has(itemLanguage(item))) return true;
    const server = item.author.server?.trim().toLowerCase();
    if (server && (servers.has(server) || suffixes.some((s) => server.endsWith(s)))) return true;
    const location = item.author.location;
    if (location && places.length) {
      const list = tokenize(location);
      const words = { list, set: new Set(list) };
      if (places.some((p) => matches(p, words))) return true;
    }
    return false;
  };
}

export function compileFilter(input: ColumnFilterInput, options: CompileOptions = {}): ItemPredicate {
  const def = ColumnFilterSchema.parse(input);
  const compileAll = (terms: string[]) => terms.map(compilePattern).filter((p): p is Pattern => p !== null);
  const include = compileAll(def.includeKeywords);
  const exclude = compileAll([...def.excludeKeywords, ...def.mutedKeywords]);
  const languages = new Set(def.languages.map((l) => primaryLanguage(l)));
  const mutedAuthors = new Set(def.mutedAuthors.map(normaliseHandle));
  const sentiments = new Set<SentimentLabel>(def.sentiments);
  const sentimentOf = options.sentimentOf ?? ((item: StreamItem) => itemSentiment(item).label);
  // A region with no signal listed would hide everything; it means "no region filter" instead.
  const r = def.region;
  const region =
    r && (r.languages.length || r.serverSuffixes.length || r.servers.length || r.places.length)
      ? compileRegion(r)
      : null;
  const needsWords = include.length > 0 || exclude.length > 0;

  // Cheapest checks first; tokenising and scoring only for items that survive them.
  return (item) => {
    if (mutedAuthors.size) {
      for (const a of item.via ? [item.author, item.via] : [item.author]) {
        if (mutedAuthors.has(normaliseHandle(a.handle)) || mutedAuthors.has(a.id.toLowerCase())) return false;
      }
    }
    if (def.minEngagement > 0) {
      const { likes, reposts, replies } = item.counts;
      if (likes + reposts + replies < def.minEngagement) return false;
    }
    if (def.media !== 'any' && item.media.length > 0 !== (def.media === 'with')) return false;
    if (def.links !== 'any' && hasLink(item) !== (def.links === 'with')) return false;
    if (languages.size && !languages.has(itemLanguage(item))) return false;
    if (region && !region(item)) return false;
    if (needsWords) {
      const words = itemWords(item);
      if (exclude.some((p) => matches(p, words))) return false;
      if (include.length) {
        const ok =
          def.includeMode === 'all'
            ? include.every((p) => matches(p, words))
            : include.some((p) => matches(p, words));
        if (!ok) return false;
      }
    }
    if (sentiments.size && !sentiments.has(sentimentOf(item))) return false;
    return true;
  };
}
