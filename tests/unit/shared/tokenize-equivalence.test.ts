// Differential tests: the char-code tokenizer and the per-character folding must give exactly what the regex
// versions gave (tests/unit/shared/support/tokenize-oracle.ts) on hand-picked, generated and random texts.
import { describe, expect, it } from 'vitest';
import { foldText } from '../../../src-shared/text/fold.ts';
import { splitElision, tokenize, type TokenizeOptions } from '../../../src-shared/text/tokenize.ts';
import { generateItems, rng } from '../../bench/support/generate-items.ts';
import { oracleFoldText, oracleSplitElision, oracleTokenize } from './support/tokenize-oracle.ts';

const OPTION_SETS: TokenizeOptions[] = [
  {},
  { dropUrls: true },
  { keepElisions: true },
  { dropUrls: true, keepElisions: true },
];

type Mismatch = { text: string; options?: TokenizeOptions; expected: unknown; actual: unknown };

/** Every input where the new code disagrees with the oracle (the first few, so a failure stays readable). */
function tokenizeMismatches(texts: readonly string[]): Mismatch[] {
  const found: Mismatch[] = [];
  for (const text of texts) {
    for (const options of OPTION_SETS) {
      const expected = oracleTokenize(text, options);
      const actual = tokenize(text, options);
      if (expected.length !== actual.length || expected.some((t, k) => t !== actual[k])) {
        found.push({ text, options, expected, actual });
        if (found.length === 5) return found;
      }
    }
  }
  return found;
}

function foldMismatches(texts: readonly string[]): Mismatch[] {
  const found: Mismatch[] = [];
  for (const text of texts) {
    const expected = oracleFoldText(text);
    const actual = foldText(text);
    if (expected !== actual) found.push({ text, expected, actual });
    if (found.length === 5) break;
  }
  return found;
}

/** The tokenizer and folding examples of the other unit tests, and the corners of the grammar. */
const HAND_PICKED = [
  'Déçue par le SERVICE',
  "L'appli d'@Orange qu'il n'aime pas",
  'Don’t #FAIL @bob@mastodon.social',
  'Œuvre, cœur, Straße',
  "aujourd'hui jusqu'à",
  'sous-titres Wi-Fi',
  'see https://ex.com/a?b=1.',
  "n'est https://x.fr ok",
  'Plain ASCII, Tabs\tand\nLINES',
  'It`s ok',
  'Café DÉJÀ vu',
  'L’été, Œuvre',
  'bell\u0007 then é',
  '@TheBestOfThe @TheShop #TheThing merci pour la livraison',
  "Mon colis devait arriver lundi et il n'est toujours pas là",
  '👍👍',
  '',
  "'",
  "''a''b'' c'",
  "l' d' qu' jusqu'",
  "l'appli' qu'aujourd'hui lorsqu'il d'@x d'#y",
  "quoiqu'on puisqu'il s'en t'as m'a j'ai c'est",
  'HTTP://EXAMPLE.COM/Path?Q=1), (https://x.y/z)].',
  'http:// https:// http://" https://<a> httpx://a http:/a',
  'xhttp://a.b http://a.b:80/c;d!? http://a`b http://a’b',
  'https://café.fr/é https://x.y/\u00a0z https://x.y/\u2003z https://x.y/\u3000z',
  '@ @@ @_ @a. @a.b @a..b @a-b- @a_b.c-d @a@b @a@b. @a@b.c @a@b-c.d-e.f @a@.b @a@b..c',
  '@Ünïcödé@sérvéur.éxample @用户@例子.中国 @a@b.c@d.e',
  '# ## #_ #a_b #ab-c #été #日本 #a#b',
  'a.b,c;d:e!f?g(h)i[j]k{l}m<n>o"p',
  'ﬁne ﬂow ẞ İstanbul ΣΟΦΟΣ ΌΣΟΣ',
  'e\u0301cole cafe\u0301s na\u0308ive \u0301leading',
  '👨‍👩‍👧 🏳️‍🌈 👍🏽 𝒜𝒷𝒸 𝟙𝟚 𐐀𐐨 \ud800 x\udc00y \ud83d',
  '東京タワー 서울 مرحبا بالعالم ١٢٣ שלום',
  '\u1fef\u1ffd\u037e ;` ´ ‘quoted’ ʼokina',
];

function itemTexts(): string[] {
  const texts: string[] = [];
  for (const item of generateItems(0, 20_000, 1, Date.now())) {
    for (const text of [item.title ?? '', item.text, item.quote?.text ?? '', ...item.media.map((m) => m.alt)])
      if (text) texts.push(text);
  }
  return texts;
}

/** Pieces that stress the grammar and the folding: sigils, URLs, apostrophes, marks, ligatures, astral text. */
const NASTY = [
  ' ',
  ' ',
  ' ',
  '\n',
  '\t',
  '\r\n',
  '\u00a0',
  '\u2009',
  'a',
  'e',
  'h',
  'l',
  'n',
  'qu',
  'jusqu',
  'd',
  'Word',
  'ÉTÉ',
  'x1',
  '42',
  '_',
  '-',
  '.',
  ',',
  ';',
  ':',
  '!',
  '?',
  '(',
  ')',
  '[',
  ']',
  '<',
  '>',
  '"',
  '/',
  '@',
  '#',
  "'",
  '’',
  '‘',
  'ʼ',
  '`',
  '´',
  'http://',
  'https://',
  'HTTPS://',
  'http',
  'ex.com',
  '/p?q=1',
  '@bob',
  '@bob@mastodon.social',
  '#tag',
  'é',
  'É',
  'à',
  'ç',
  'ñ',
  'ü',
  '\u0301',
  '\u0308',
  '\u0327',
  'œ',
  'Œ',
  'æ',
  'ß',
  'ẞ',
  'ﬁ',
  'İ',
  'Σ',
  'ς',
  '😀',
  '👍🏽',
  '👨‍👩‍👧',
  '\u200d',
  '\ufe0f',
  '🇫🇷',
  '𝒜',
  '𝟙',
  '𐐀',
  '\ud800',
  '\udc00',
  '東京',
  '한국',
  'العربية',
  '٣',
  '१२',
  'ℌ',
  'Ⅻ',
  '½',
  '\u037e',
  '\u1fef',
];

function fuzzTexts(count: number, seed: number): string[] {
  const random = rng(seed);
  const texts: string[] = [];
  for (let n = 0; n < count; n++) {
    let text = '';
    const pieces = 1 + Math.floor(random() * 40);
    for (let p = 0; p < pieces; p++) text += NASTY[Math.floor(random() * NASTY.length)];
    texts.push(text);
  }
  return texts;
}

describe('tokenize matches the regex tokenizer', () => {
  it('on the hand-picked texts', () => {
    expect(tokenizeMismatches(HAND_PICKED)).toEqual([]);
  });

  it('on 20,000 generated stream items (titles, texts, quotes, alt texts)', () => {
    const texts = itemTexts();
    expect(texts.length).toBeGreaterThan(20_000);
    expect(tokenizeMismatches(texts)).toEqual([]);
  });

  it('on 5,000 random texts from a nasty alphabet', () => {
    expect(tokenizeMismatches(fuzzTexts(5_000, 20_240_611))).toEqual([]);
  });

  it('gives the same answer on a second call (the caches must not change results)', () => {
    const texts = fuzzTexts(500, 7);
    const first = texts.map((t) => tokenize(t, { keepElisions: true }));
    expect(texts.map((t) => tokenize(t, { keepElisions: true }))).toEqual(first);
  });

  it('keeps splitElision as it was', () => {
    for (const word of ["l'appli", "qu'il", "jusqu'", "aujourd'hui", "'x", 'x', "lorsqu'il'y", "l'"])
      expect(splitElision(word)).toEqual(oracleSplitElision(word));
  });
});

describe('foldText matches the regex folding', () => {
  it('on the hand-picked, generated and random texts', () => {
    expect(foldMismatches(HAND_PICKED)).toEqual([]);
    expect(foldMismatches(itemTexts())).toEqual([]);
    expect(foldMismatches(fuzzTexts(5_000, 99))).toEqual([]);
  });

  it('for every code point, alone and between letters and marks', () => {
    const found: Mismatch[] = [];
    for (let cp = 0; cp < 0x110000 && found.length < 5; cp++) {
      const c = String.fromCodePoint(cp);
      // A Greek capital sigma in front makes lowercasing depend on what follows (final sigma).
      found.push(...foldMismatches([c, `A${c}b`, `${c}\u0301x`, `Σ${c}`]));
    }
    expect(found).toEqual([]);
  });
});
