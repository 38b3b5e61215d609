// Lexicon-based sentiment for English and French posts, in the spirit of VADER (Hutto & Gilbert, 2014):
// word valences, negation, intensifiers, "but" clauses, ALL-CAPS and "!" emphasis, emoji and emoticons.
//
// Output score is in −1…+1 (VADER's normalised sum). Labels:
//   score ≥ +0.05 → 'positive',  score ≤ −0.05 → 'negative',  otherwise 'neutral'.
// A post with no sentiment-bearing word scores exactly 0, so questions and announcements are neutral.
import type { StreamItem } from '../domain/stream-item.ts';
import { BoundedMemo } from './bounded-memo.ts';
import { EMOJI_VALENCES } from './emoji-valence.ts';
import { guessLanguage, primaryLanguage } from './language.ts';
import { LEXICON_EN } from './lexicon-en.ts';
import { LEXICON_FR } from './lexicon-fr.ts';
import type { SentimentLanguage, SentimentLexicon } from './sentiment-types.ts';
import { CLAUSE_BREAK, createSentimentTokens, termKeys, tokenizeForSentiment } from './sentiment-tokens.ts';

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
const INABILITY = new Set(["can't", 'cant', 'cannot', "couldn't", 'couldnt']);

// How the scorer reads a post: a compiled lexicon maps each folded word to its entry, phrases are matched over
// the tokens, and each sentence is scored as a row of units in reused arrays, so a post allocates little.

type Entry = {
  valence: number | null;
  booster: number;
  negator: boolean;
  conditional: boolean;
  contrast: boolean;
  emphatic: boolean;
  postVerbal: boolean;
};
type Phrase = {
  words: string[];
  entry: Entry;
  /** The words joined by spaces: the phrase's key as a unit. */
  key: string;
  /** A phrase that already contains its negation ("plus jamais", "never again") is not negated again. */
  fixed: boolean;
};
/** All the scorer needs to know about one token key, looked up once per key and language, then cached. */
type Known = {
  /** Its entry, or that of a variant (plural, feminine…), a negator for any `n't`; emoji have their own. */
  entry: Entry | null;
  /** The intensity of the key's own entry: what may sit inside a phrase. */
  booster: number;
  /** Phrases starting with this key, longest first. */
  phrases: Phrase[] | null;
  /** It has a valence or may start a phrase: a sentence without such a token scores 0. */
  scorable: boolean;
};
type Compiled = {
  words: Map<string, Entry>;
  phrases: Map<string, Phrase[]>;
  variants: (word: string) => string[];
  known: BoundedMemo<string, Known>;
  knownEmoji: BoundedMemo<string, Known>;
};
/** Posts bring new words (names, typos) all the time; forgetting now and then keeps the caches small. */
const KNOWN_CACHE_LIMIT = 20_000;

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

/** An elided word on its own (`n'`) is a token key as written; the tokenizer would drop its apostrophe. */
function keysOfTerm(term: string): string[] {
  return /^\p{L}+'$/u.test(term) ? [term] : termKeys(term);
}
const BLANK: Readonly<Entry> = blankEntry();
const NEGATOR: Readonly<Entry> = { ...blankEntry(), negator: true };

function compile(lexicon: SentimentLexicon): Compiled {
  const words = new Map<string, Entry>();
  const phrases = new Map<string, Phrase[]>();
  const entryFor = (term: string): Entry => {
    const keys = keysOfTerm(term);
    if (keys.length === 1) {
      const key = keys[0] as string;
      let entry = words.get(key);
      if (!entry) words.set(key, (entry = blankEntry()));
      return entry;
    }
    const first = keys[0] as string;
    const list = phrases.get(first) ?? [];
    const joined = keys.join(' ');
    let phrase = list.find((p) => p.key === joined);
    if (!phrase) {
      phrase = { words: keys, entry: blankEntry(), key: joined, fixed: false };
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
  for (const list of phrases.values())
    for (const phrase of list) phrase.fixed = phrase.words.some((w) => words.get(w)?.negator === true);
  const compiled: Compiled = {
    words,
    phrases,
    variants: lexicon.variants,
    known: new BoundedMemo(KNOWN_CACHE_LIMIT, (key) => knownOf(compiled, key, false)),
    knownEmoji: new BoundedMemo(KNOWN_CACHE_LIMIT, (key) => knownOf(compiled, key, true)),
  };
  return compiled;
}

const compiled = new Map<SentimentLanguage, Compiled>();
function compiledFor(language: SentimentLanguage): Compiled {
  let c = compiled.get(language);
  if (!c) compiled.set(language, (c = compile(language === 'fr' ? LEXICON_FR : LEXICON_EN)));
  return c;
}

/** The entry of a word: its own, a negator for any `n't`, else that of its first variant with a valence. */
function wordEntry(c: Compiled, key: string): Entry | null {
  const direct = c.words.get(key);
  if (direct) return direct;
  if (key.endsWith("n't")) return NEGATOR;
  for (const variant of c.variants(key)) {
    const entry = c.words.get(variant);
    if (entry && entry.valence !== null) return entry;
  }
  return null;
}

/** Emoji (and numbers, which find nothing) read the same in both languages. */
function emojiEntry(key: string): Entry | null {
  const valence = EMOJI_VALENCES[key] ?? EMOJI_VALENCES[key.replace(/\uFE0F/g, '')];
  return valence === undefined ? null : { ...blankEntry(), valence };
}

/** What the lexicon says of one token; looked up through the compiled lexicon's memos. */
function knownOf(c: Compiled, key: string, emoji: boolean): Known {
  const entry = emoji ? emojiEntry(key) : wordEntry(c, key);
  const phrases = c.phrases.get(key) ?? null;
  return {
    entry,
    booster: c.words.get(key)?.booster ?? 0,
    phrases,
    scorable: (entry !== null && entry.valence !== null) || phrases !== null,
  };
}

function lookUp(c: Compiled, key: string, emoji: boolean): Known {
  return emoji ? c.knownEmoji.get(key) : c.known.get(key);
}

// One post's tokens and one sentence's units, reused from post to post.
const tokens = createSentimentTokens();
const tokenKnown: Known[] = [];
const unitEntry: Entry[] = [];
const unitValence: Array<number | null> = [];
const unitKey: string[] = [];
const unitCaps: boolean[] = [];
const unitFixed: boolean[] = [];
const negates: boolean[] = [];

/** Looks up the words of one sentence; false when none of them can carry sentiment (most sentences). */
function lookUpSentence(c: Compiled, start: number, end: number): boolean {
  let scorable = false;
  for (let i = start; i < end; i += 1) {
    const known = lookUp(c, tokens.keys[i] as string, tokens.emoji[i] as boolean);
    tokenKnown[i] = known;
    if (known.scorable) scorable = true;
  }
  return scorable;
}

/** Set by matchPhrase: where the matched phrase ends and the intensifier found inside it. */
let phraseEnd = 0;
let phraseBoost = 0;

/** Longest phrase starting at `i`; one intensifier may sit inside it ("vaut vraiment le coup"). */
function matchPhrase(i: number, end: number): Phrase | null {
  const candidates = (tokenKnown[i] as Known).phrases;
  if (!candidates) return null;
  for (const phrase of candidates) {
    let k = 1;
    let t = i + 1;
    let boost = 0;
    while (k < phrase.words.length && t < end) {
      if (tokens.keys[t] === phrase.words[k]) {
        k += 1;
        t += 1;
        continue;
      }
      const { booster } = tokenKnown[t] as Known;
      if (booster === 0 || boost !== 0) break;
      boost = booster;
      t += 1;
    }
    if (k === phrase.words.length) {
      phraseEnd = t;
      phraseBoost = boost;
      return phrase;
    }
  }
  return null;
}

function anyCaps(start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) if (tokens.caps[i]) return true;
  return false;
}

/** Turns the tokens [start, end) into units (phrases or single tokens); returns how many. */
function toUnits(start: number, end: number): number {
  let u = 0;
  for (let i = start; i < end; u += 1) {
    const phrase = matchPhrase(i, end);
    if (phrase) {
      const { entry } = phrase;
      unitEntry[u] = entry;
      unitValence[u] = entry.valence === null ? null : entry.valence + sign(entry.valence) * phraseBoost;
      unitKey[u] = phrase.key;
      unitCaps[u] = anyCaps(i, phraseEnd);
      unitFixed[u] = phrase.fixed;
      i = phraseEnd;
      continue;
    }
    const entry = (tokenKnown[i] as Known).entry ?? BLANK;
    unitEntry[u] = entry;
    unitValence[u] = entry.valence;
    unitKey[u] = tokens.keys[i] as string;
    unitCaps[u] = tokens.caps[i] as boolean;
    unitFixed[u] = tokens.emoji[i] as boolean;
    i += 1;
  }
  return u;
}

function sign(v: number): number {
  return v < 0 ? -1 : 1;
}

function valenceAt(u: number, count: number): number | null {
  return u < count ? (unitValence[u] as number | null) : null;
}

function keyAt(u: number, count: number): string | undefined {
  return u < count ? unitKey[u] : undefined;
}

/** Adds the valences of one sentence's units to `tally`. */
function scoreSentence(count: number, emphasisOn: boolean, tally: Tally): void {
  let contrastAt = -1;
  let emphatic = false;
  let sawNe = false;
  for (let u = 0; u < count; u += 1) {
    const entry = unitEntry[u] as Entry;
    if (entry.contrast && contrastAt < 0) contrastAt = u;
    if (entry.emphatic) emphatic = true;
    negates[u] = entry.negator || (entry.conditional && sawNe);
    const key = unitKey[u];
    if (key === 'ne' || key === "n'") sawNe = true;
  }
  let sum = 0;
  for (let i = 0; i < count; i += 1) {
    const valence = unitValence[i] as number | null;
    if (valence === null) continue;
    // "super pratique": an intensifier that also has a valence of its own only intensifies.
    if ((unitEntry[i] as Entry).booster !== 0 && valenceAt(i + 1, count) !== null) continue;
    let v = valence;
    if (unitCaps[i] && emphasisOn) v += sign(v) * CAPS_INCREMENT;
    let negator = -1;
    for (let j = 1; j <= WINDOW && i - j >= 0; j += 1) {
      const prev = i - j;
      if (unitKey[prev] === CLAUSE_BREAK) break;
      const { booster } = unitEntry[prev] as Entry;
      if (booster !== 0 && !negates[prev]) v += sign(v) * booster * (BOOSTER_DECAY[j - 1] as number);
      if (negates[prev] && negator < 0) negator = prev;
    }
    // "j'aime pas": French negation may follow the verb, with no `ne` before it.
    if (negator < 0 && i + 1 < count && (unitEntry[i + 1] as Entry).postVerbal) negator = i + 1;
    if (negator >= 0 && !unitFixed[i]) {
      // "can't recommend them enough" praises; it does not negate.
      const praise = keyAt(i + 1, count) === 'enough' || keyAt(i + 2, count) === 'enough';
      if (praise && INABILITY.has(unitKey[negator] as string)) {
        v *= EMPHATIC_NEGATION_FACTOR;
      } else {
        v *= NEGATION_SCALAR;
        if (emphatic) v *= EMPHATIC_NEGATION_FACTOR;
        if (unitCaps[negator] && emphasisOn) v += sign(v) * CAPS_INCREMENT;
      }
    }
    if (contrastAt >= 0) v *= i < contrastAt ? BEFORE_CONTRAST : AFTER_CONTRAST;
    sum += v;
    tally.hits += 1;
  }
  tally.sum += sum;
}

type Tally = { sum: number; hits: number };

function countOf(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n += 1;
  return n;
}

/** Scores the post whose tokens are in `tokens` (filled by tokenizeForSentiment) with one lexicon. */
function scoreTokens(text: string, language: SentimentLanguage): RawScore {
  const c = compiledFor(language);
  // Emphasis only means something when the rest of the post is not shouted too.
  const emphasisOn = tokens.capsCount > 0 && tokens.capsCount < tokens.wordCount;
  const tally: Tally = { sum: 0, hits: 0 };
  let start = 0;
  for (let s = 0; s < tokens.sentenceCount; s += 1) {
    const end = tokens.sentenceEnds[s] as number;
    if (lookUpSentence(c, start, end)) scoreSentence(toUnits(start, end), emphasisOn, tally);
    start = end;
  }
  let sum = tally.sum;
  if (sum !== 0) {
    const bangs = Math.min(countOf(text, '!'), MAX_EXCLAMATIONS);
    const questions = countOf(text, '?');
    const questionBoost = questions > 1 ? Math.min(questions * QUESTION_STEP, MAX_QUESTION_BOOST) : 0;
    sum += sign(sum) * (bangs * EXCLAMATION_STEP + questionBoost);
  }
  const score = sum / Math.sqrt(sum * sum + NORMALISATION_ALPHA);
  return { score: Math.max(-1, Math.min(1, score)), hits: tally.hits };
}

type RawScore = { score: number; hits: number };

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
  let language: SentimentLanguage | 'und';
  if (declared === 'en' || declared === 'fr') language = declared;
  else if (declared) return result(0, 'und');
  else language = guessLanguage(text);
  tokenizeForSentiment(text, tokens);
  if (language !== 'und') return result(scoreTokens(text, language).score, language);
  const en = scoreTokens(text, 'en');
  const fr = scoreTokens(text, 'fr');
  if (en.hits === 0 && fr.hits === 0) return result(0, 'und');
  const best =
    fr.hits > en.hits || (fr.hits === en.hits && Math.abs(fr.score) > Math.abs(en.score)) ? 'fr' : 'en';
  return result((best === 'fr' ? fr : en).score, best);
}

export function itemSentiment(item: Pick<StreamItem, 'text' | 'lang'>): SentimentResult {
  return scoreSentiment(item.text, item.lang);
}
