// A one-line human summary of a column filter for the column header and settings ("Keywords: refund ·
// Not: spam · French · With media"), in English or French.
import { ColumnFilterSchema, type ColumnFilterInput } from './column-filter.ts';

export type FilterLocale = 'en' | 'fr';

const WORDS = {
  en: {
    none: 'No filter',
    any: 'any of',
    all: 'all of',
    include: 'Keywords',
    exclude: 'Not',
    languages: 'Language',
    withMedia: 'With media',
    withoutMedia: 'Without media',
    withLinks: 'With links',
    withoutLinks: 'Without links',
    engagement: (n: number) => `At least ${n} interactions`,
    sentiment: 'Sentiment',
    labels: { positive: 'positive', neutral: 'neutral', negative: 'negative' },
    region: 'Region',
    regionLanguages: 'language',
    regionServers: 'server',
    regionPlaces: 'location',
    or: 'or',
    mutedAuthors: (n: number) => `${n} muted ${n === 1 ? 'account' : 'accounts'}`,
    mutedKeywords: (n: number) => `${n} muted ${n === 1 ? 'word' : 'words'}`,
  },
  fr: {
    none: 'Aucun filtre',
    any: "l'un de",
    all: 'tous',
    include: 'Mots-clés',
    exclude: 'Sauf',
    languages: 'Langue',
    withMedia: 'Avec média',
    withoutMedia: 'Sans média',
    withLinks: 'Avec liens',
    withoutLinks: 'Sans liens',
    engagement: (n: number) => `Au moins ${n} interactions`,
    sentiment: 'Tonalité',
    labels: { positive: 'positive', neutral: 'neutre', negative: 'négative' },
    region: 'Région',
    regionLanguages: 'langue',
    regionServers: 'serveur',
    regionPlaces: 'localisation',
    or: 'ou',
    mutedAuthors: (n: number) => `${n} ${n === 1 ? 'compte masqué' : 'comptes masqués'}`,
    mutedKeywords: (n: number) => `${n} ${n === 1 ? 'mot masqué' : 'mots masqués'}`,
  },
} as const;

export function describeFilter(input: ColumnFilterInput, locale: FilterLocale = 'en'): string {
  const def = ColumnFilterSchema.parse(input);
  const w = WORDS[locale];
  const parts: string[] = [];
  if (def.includeKeywords.length) {
    const mode = def.includeKeywords.length > 1 ? `${def.includeMode === 'all' ? w.all : w.any} ` : '';
    parts.push(`${w.include}: ${mode}${def.includeKeywords.join(', ')}`);
  }
  if (def.excludeKeywords.length) parts.push(`${w.exclude}: ${def.excludeKeywords.join(', ')}`);
  if (def.languages.length) parts.push(`${w.languages}: ${def.languages.join(', ')}`);
  if (def.media !== 'any') parts.push(def.media === 'with' ? w.withMedia : w.withoutMedia);
  if (def.links !== 'any') parts.push(def.links === 'with' ? w.withLinks : w.withoutLinks);
  if (def.minEngagement > 0) parts.push(w.engagement(def.minEngagement));
  if (def.sentiments.length)
    parts.push(`${w.sentiment}: ${def.sentiments.map((s) => w.labels[s]).join(', ')}`);
  if (def.region) {
    const r = def.region;
    const signals: string[] = [];
    if (r.languages.length) signals.push(`${w.regionLanguages} ${r.languages.join('/')}`);
    const servers = [...r.serverSuffixes.map((s) => (s.startsWith('.') ? `*${s}` : `*.${s}`)), ...r.servers];
    if (servers.length) signals.push(`${w.regionServers} ${servers.join('/')}`);
    if (r.places.length) signals.push(`${w.regionPlaces} ${r.places.join('/')}`);
    if (signals.length) parts.push(`${w.region}: ${signals.join(` ${w.or} `)}`);
  }
  if (def.mutedAuthors.length) parts.push(w.mutedAuthors(def.mutedAuthors.length));
  if (def.mutedKeywords.length) parts.push(w.mutedKeywords(def.mutedKeywords.length));
  return parts.length ? parts.join(' · ') : w.none;
}
