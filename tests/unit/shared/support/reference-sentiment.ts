// Test-only oracle: the sentiment code as it was before the fast rewrite, kept verbatim so differential tests can
// prove the rewrite returns identical results. Do not optimise this file.
// Lexicon-based sentiment for English and French posts, in the spirit of VADER (Hutto & Gilbert, 2014):
// word valences, negation, intensifiers, "but" clauses, ALL-CAPS and "!" emphasis, emoji and emoticons.
//
// Output score is in −1…+1 (VADER's normalised sum). Labels:
//   score ≥ +0.05 → 'positive',  score ≤ −0.05 → 'negative',  otherwise 'neutral'.
// A post with no sentiment-bearing word scores exactly 0, so questions and announcements are neutral.
import type { StreamItem } from '../../../../src-shared/domain/stream-item.ts';
import { EMOJI_VALENCES } from '../../../../src-shared/text/emoji-valence.ts';
import { oracleFoldText as foldText, oracleSplitElision as splitElision } from './tokenize-oracle.ts';
import { guessLanguage, primaryLanguage } from './reference-language.ts';
import { LEXICON_EN } from '../../../../src-shared/text/lexicon-en.ts';
import { LEXICON_FR } from '../../../../src-shared/text/lexicon-fr.ts';
import type { SentimentLanguage, SentimentLexicon } from '../../../../src-shared/text/sentiment-types.ts';

export type SentimentLabel = 'positive' | 'neutral' | 'negative';
export type SentimentResult = {
  score: number;
  label: SentimentLabel;
  /** The lexicon used; 'und' when the language is neither English nor French (score 0). */
  language: SentimentLanguage | 'und';
};

export const SENTIMENT_THRESHOLDS = { positive: 0.05, negative: -0.05 } as const;

// Constants from VADER's paper, where they were fitted on human ratings.
const NEGATION_SCALAR = -0.74;
const CAPS_INCREMENT = 0.733;
const EXCLAMATION_STEP = 0.292;
const MAX_EXCLAMATIONS = 4;
const QUESTION_STEP = 0.18;
const MAX_QUESTION_BOOST = 0.96;
const NORMALISATION_ALPHA = 15;
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;
/** How far back a negator or intensifier reaches, and how much weaker it gets with each word. */
const BOOSTER_DECAY = [1, 0.95, 0.9] as const;
const WINDOW = BOOSTER_DECAY.length;
/** "not happy at all", "pas content du tout". */
const EMPHATIC_NEGATION_FACTOR = 1.25;
/** Only an inability turns "… enough" into praise: "can't thank you enough", but "not good enough". */
const INABILITY = ["can't", 'cant', 'cannot', "couldn't", 'couldnt'];

const URL = /\bhttps?:\/\/\S+/giu;
const MENTION =
  /(^|[^\p{L}\p{N}_])@[\p{L}\p{N}_]+(?:[.-][\p{L}\p{N}_]+)*(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?/gu;
const SENTENCE_BREAK = /[.!?;…\n]+/u;
const UNIT = new RegExp(
  [
    String.raw`(?<=^|\s)(?:>:\(|:'\(|[:;=]-?[)(DPp/|]|<3)(?=$|[\s.,!?])`,
    String.raw`\p{Extended_Pictographic}(?:\uFE0F|\p{EMod}|\u200D\p{Extended_Pictographic}|\u200D[♀♂]\uFE0F?)*`,
    String.raw`[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*`,
    // A comma or dash ends the reach of a negation: "ne marchent pas, file d'attente énorme".
    String.raw`[,–—]`,
  ].join('|'),
  'gu',
);
const LETTERS = /\p{L}/u;
const CLAUSE_BREAK = ',';
const HAS_LOWER = /\p{Ll}/u;

type Entry = {
  valence: number | null;
  booster: number;
  negator: boolean;
  conditional: boolean;
  contrast: boolean;
  emphatic: boolean;
  postVerbal: boolean;
};
type Phrase = { words: string[]; entry: Entry };
type Compiled = {
  lexicon: SentimentLexicon;
  words: Map<string, Entry>;
  phrases: Map<string, Phrase[]>;
  /** Words found only through a variant (plural, feminine…), or not at all (null): asked again and again. */
  variantHits: Map<string, Entry | null>;
};
const VARIANT_CACHE_LIMIT = 20_000;

type Token = { key: string; caps: boolean; emoji: boolean };
type Unit = Entry & { key: string; caps: boolean; fixed: boolean };

/** Folding one word at a time is most of the scoring cost, and posts reuse a small vocabulary. */
const FOLD_CACHE_LIMIT = 20_000;
const foldedWords = new Map<string, string>();
function foldWord(raw: string): string {
  let key = foldedWords.get(raw);
  if (key === undefined) {
    if (foldedWords.size >= FOLD_CACHE_LIMIT) foldedWords.clear();
    key = foldText(raw);
    foldedWords.set(raw, key);
  }
  return key;
}

/** Folded words of a phrase or a text, with elided `n'`/`l'` kept as words of their own. */
function words(text: string): Array<{ key: string; raw: string }> {
  const out: Array<{ key: string; raw: string }> = [];
  for (const m of text.matchAll(UNIT)) {
    const raw = m[0];
    if (raw === ',' || raw === '–' || raw === '—') {
      out.push({ key: CLAUSE_BREAK, raw });
      continue;
    }
    if (!LETTERS.test(raw) || raw.startsWith(':') || raw.startsWith(';')) {
      out.push({ key: raw, raw });
      continue;
    }
    const key = foldWord(raw);
    const elided = splitElision(key);
    if (elided) {
      out.push({ key: `${elided[0]}'`, raw: raw.slice(0, elided[0].length + 1) });
      out.push({ key: elided[1], raw: raw.slice(elided[0].length + 1) });
    } else {
      out.push({ key, raw });
    }
  }
  return out;
}

function blankEntry(): Entry {
  return {
    valence: null,
    booster: 0,
    negator: false,
    conditional: false,
    contrast: false,
    emphatic: false,
    postVerbal: false,
  };
}

function compile(lexicon: SentimentLexicon): Compiled {
  const words_ = new Map<string, Entry>();
  const phrases = new Map<string, Phrase[]>();
  const entryFor = (term: string): Entry => {
    // An elided word on its own (`n'`) keeps its apostrophe, as it does in text.
    const keys = /^\p{L}+'$/u.test(term) ? [term] : words(term).map((w) => w.key);
    if (keys.length === 1) {
      const key = keys[0] as string;
      let entry = words_.get(key);
      if (!entry) words_.set(key, (entry = blankEntry()));
      return entry;
    }
    const first = keys[0] as string;
    const list = phrases.get(first) ?? [];
    let phrase = list.find((p) => p.words.join(' ') === keys.join(' '));
    if (!phrase) {
      phrase = { words: keys, entry: blankEntry() };
      list.push(phrase);
      list.sort((a, b) => b.words.length - a.words.length);
      phrases.set(first, list);
    }
    return phrase.entry;
  };
  for (const [term, valence] of Object.entries(lexicon.valences)) entryFor(term).valence = valence;
  for (const [term, boost] of Object.entries(lexicon.boosters)) entryFor(term).booster = boost;
  for (const term of lexicon.negators) entryFor(term).negator = true;
  for (const term of lexicon.conditionalNegators) entryFor(term).conditional = true;
  for (const term of lexicon.postVerbalNegators) entryFor(term).postVerbal = true;
  for (const term of lexicon.contrast) entryFor(term).contrast = true;
  for (const term of lexicon.emphaticNegation) entryFor(term).emphatic = true;
  return { lexicon, words: words_, phrases, variantHits: new Map() };
}

const compiled = new Map<SentimentLanguage, Compiled>();
function compiledFor(language: SentimentLanguage): Compiled {
  let c = compiled.get(language);
  if (!c) compiled.set(language, (c = compile(language === 'fr' ? LEXICON_FR : LEXICON_EN)));
  return c;
}

const NEGATOR: Entry = { ...blankEntry(), negator: true };

function lookupWord(c: Compiled, token: Token): Entry | null {
  if (token.emoji) {
    const valence = EMOJI_VALENCES[token.key] ?? EMOJI_VALENCES[token.key.replace(/\uFE0F/g, '')];
    return valence === undefined ? null : { ...blankEntry(), valence };
  }
  const direct = c.words.get(token.key);
  if (direct) return direct;
  if (token.key.endsWith("n't")) return NEGATOR;
  const known = c.variantHits.get(token.key);
  if (known !== undefined) return known;
  let found: Entry | null = null;
  for (const variant of c.lexicon.variants(token.key)) {
    const entry = c.words.get(variant);
    if (entry && entry.valence !== null) {
      found = entry;
      break;
    }
  }
  if (c.variantHits.size >= VARIANT_CACHE_LIMIT) c.variantHits.clear();
  c.variantHits.set(token.key, found);
  return found;
}

/** Longest phrase starting at `i`; one intensifier may sit inside it ("vaut vraiment le coup"). */
function matchPhrase(
  c: Compiled,
  tokens: Token[],
  i: number,
): { phrase: Phrase; end: number; boost: number } | null {
  for (const phrase of c.phrases.get((tokens[i] as Token).key) ?? []) {
    let k = 1;
    let t = i + 1;
    let boost = 0;
    while (k < phrase.words.length) {
      const token = tokens[t];
      if (!token) break;
      if (token.key === phrase.words[k]) {
        k += 1;
        t += 1;
        continue;
      }
      const booster = c.words.get(token.key)?.booster ?? 0;
      if (booster === 0 || boost !== 0) break;
      boost = booster;
      t += 1;
    }
    if (k === phrase.words.length) return { phrase, end: t, boost };
  }
  return null;
}

function toUnits(c: Compiled, tokens: Token[]): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    const match = matchPhrase(c, tokens, i);
    if (match) {
      const { phrase, end, boost } = match;
      // A phrase that already contains its negation ("plus jamais", "never again") is not negated again.
      const fixed = phrase.words.some((w) => c.words.get(w)?.negator === true);
      const caps = tokens.slice(i, end).some((t) => t.caps);
      const valence =
        phrase.entry.valence === null ? null : phrase.entry.valence + sign(phrase.entry.valence) * boost;
      units.push({ ...phrase.entry, valence, key: phrase.words.join(' '), caps, fixed });
      i = end - 1;
      continue;
    }
    const entry = lookupWord(c, token) ?? blankEntry();
    units.push({ ...entry, key: token.key, caps: token.caps, fixed: token.emoji });
  }
  return units;
}

function sign(v: number): number {
  return v < 0 ? -1 : 1;
}

function scoreSentence(units: Unit[], emphasisOn: boolean): { sum: number; hits: number } {
  const contrastAt = units.findIndex((u) => u.contrast);
  const emphatic = units.some((u) => u.emphatic);
  const negates: boolean[] = [];
  let sawNe = false;
  for (const u of units) {
    negates.push(u.negator || (u.conditional && sawNe));
    if (u.key === 'ne' || u.key === "n'") sawNe = true;
  }
  let sum = 0;
  let hits = 0;
  for (let i = 0; i < units.length; i += 1) {
    const u = units[i] as Unit;
    if (u.valence === null) continue;
    // "super pratique": an intensifier that also has a valence of its own only intensifies.
    if (u.booster !== 0 && units[i + 1]?.valence != null) continue;
    let v = u.valence;
    if (u.caps && emphasisOn) v += sign(v) * CAPS_INCREMENT;
    let negator: Unit | null = null;
    for (let j = 1; j <= WINDOW; j += 1) {
      const prev = units[i - j];
      if (!prev || prev.key === CLAUSE_BREAK) break;
      if (prev.booster !== 0 && !negates[i - j])
        v += sign(v) * prev.booster * (BOOSTER_DECAY[j - 1] as number);
      if (negates[i - j] && !negator) negator = prev;
    }
    // French negation may follow the verb ("j'aime pas").
    if (!negator && units[i + 1]?.postVerbal) negator = units[i + 1] as Unit;
    if (negator && !u.fixed) {
      // "can't recommend them enough" praises; it does not negate.
      const praise = units[i + 1]?.key === 'enough' || units[i + 2]?.key === 'enough';
      if (praise && INABILITY.includes(negator.key)) {
        v *= EMPHATIC_NEGATION_FACTOR;
      } else {
        v *= NEGATION_SCALAR;
        if (emphatic) v *= EMPHATIC_NEGATION_FACTOR;
        if (negator.caps && emphasisOn) v += sign(v) * CAPS_INCREMENT;
      }
    }
    if (contrastAt >= 0) v *= i < contrastAt ? BEFORE_CONTRAST : AFTER_CONTRAST;
    sum += v;
    hits += 1;
  }
  return { sum, hits };
}

type RawScore = { score: number; hits: number };

function scoreWith(text: string, language: SentimentLanguage): RawScore {
  const c = compiledFor(language);
  // Most posts have no link or mention: skip the two scans then.
  const withoutUrls = text.includes('://') ? text.replace(URL, ' ') : text;
  const cleaned = withoutUrls.includes('@') ? withoutUrls.replace(MENTION, '$1 ') : withoutUrls;
  const sentences = cleaned.split(SENTENCE_BREAK).map((s) =>
    words(s).map(({ key, raw }): Token => {
      const emoji = key !== CLAUSE_BREAK && !LETTERS.test(raw);
      return { key, emoji, caps: !emoji && raw.length > 1 && !HAS_LOWER.test(raw) && !/^\p{N}+$/u.test(raw) };
    }),
  );
  const all = sentences.flat().filter((t) => !t.emoji && t.key !== CLAUSE_BREAK);
  const capsCount = all.filter((t) => t.caps).length;
  // Emphasis only means something when the rest of the post is not shouted too.
  const emphasisOn = capsCount > 0 && capsCount < all.length;
  let sum = 0;
  let hits = 0;
  for (const tokens of sentences) {
    const s = scoreSentence(toUnits(c, tokens), emphasisOn);
    sum += s.sum;
    hits += s.hits;
  }
  if (sum !== 0) {
    const bangs = Math.min((text.match(/!/g) ?? []).length, MAX_EXCLAMATIONS);
    const questions = (text.match(/\?/g) ?? []).length;
    const questionBoost = questions > 1 ? Math.min(questions * QUESTION_STEP, MAX_QUESTION_BOOST) : 0;
    sum += sign(sum) * (bangs * EXCLAMATION_STEP + questionBoost);
  }
  const score = sum / Math.sqrt(sum * sum + NORMALISATION_ALPHA);
  return { score: Math.max(-1, Math.min(1, score)), hits };
}

export function sentimentLabel(score: number): SentimentLabel {
  if (score >= SENTIMENT_THRESHOLDS.positive) return 'positive';
  if (score <= SENTIMENT_THRESHOLDS.negative) return 'negative';
  return 'neutral';
}

function result(score: number, language: SentimentLanguage | 'und'): SentimentResult {
  const rounded = Math.round(score * 10_000) / 10_000;
  return { score: rounded, label: sentimentLabel(rounded), language };
}

/**
 * Scores `text` with the lexicon of `lang` (a BCP 47 tag from the network). Without a tag the guesser picks
 * the language; when it cannot, both lexicons are tried and the one that recognises more words wins.
 */
export function scoreSentiment(text: string, lang?: string | null): SentimentResult {
  const declared = primaryLanguage(lang);
  if (declared === 'en' || declared === 'fr') return result(scoreWith(text, declared).score, declared);
  if (declared) return result(0, 'und');
  const guessed = guessLanguage(text);
  if (guessed !== 'und') return result(scoreWith(text, guessed).score, guessed);
  const en = scoreWith(text, 'en');
  const fr = scoreWith(text, 'fr');
  if (en.hits === 0 && fr.hits === 0) return result(0, 'und');
  const best =
    fr.hits > en.hits || (fr.hits === en.hits && Math.abs(fr.score) > Math.abs(en.score)) ? 'fr' : 'en';
  return result((best === 'fr' ? fr : en).score, best);
}

export function itemSentiment(item: Pick<StreamItem, 'text' | 'lang'>): SentimentResult {
  return scoreSentiment(item.text, item.lang);
}
