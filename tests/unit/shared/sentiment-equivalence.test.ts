// The fast sentiment scorer and language guesser against the code they replaced (kept in ./support as the
// oracle): same score, label and language, same language evidence, for labelled posts, generated stream items,
// hand-picked edge cases and a seeded fuzz of lexicon words, emoji, emoticons, links and mentions.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { guessLanguage, languageEvidence, primaryLanguage } from '../../../src-shared/text/language.ts';
import { scoreSentiment } from '../../../src-shared/text/sentiment.ts';
import { generateItems, rng } from '../../bench/support/generate-items.ts';
import { edgeCases, fuzzTexts } from './support/sentiment-fuzz.ts';
import * as oldLanguage from './support/reference-language.ts';
import * as oldSentiment from './support/reference-sentiment.ts';

const LANGS = ['en', 'fr', undefined, 'de', null, 'en-GB', 'FR_ca', ''] as const;

type Mismatch = { text: string; lang?: string | null; what: string; want: unknown; got: unknown };

/** Every difference between old and new on `texts`, so a failure shows the inputs that differ. */
function differences(texts: readonly string[], langs: ReadonlyArray<string | null | undefined>): Mismatch[] {
  const found: Mismatch[] = [];
  for (const text of texts) {
    for (const lang of langs) {
      const want = oldSentiment.scoreSentiment(text, lang);
      const got = scoreSentiment(text, lang);
      if (want.score !== got.score || want.label !== got.label || want.language !== got.language)
        found.push({ text, lang, what: 'scoreSentiment', want, got });
    }
    const wantEvidence = oldLanguage.languageEvidence(text);
    const gotEvidence = languageEvidence(text);
    if (wantEvidence.en !== gotEvidence.en || wantEvidence.fr !== gotEvidence.fr)
      found.push({ text, what: 'languageEvidence', want: wantEvidence, got: gotEvidence });
    const wantGuess = oldLanguage.guessLanguage(text);
    const gotGuess = guessLanguage(text);
    if (wantGuess !== gotGuess) found.push({ text, what: 'guessLanguage', want: wantGuess, got: gotGuess });
  }
  return found;
}

function labelledPosts(): Array<{ text: string; lang: string }> {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'sentiment');
  return ['en-dev', 'en-test', 'fr-dev', 'fr-test'].flatMap((name) =>
    readFileSync(path.join(dir, `${name}.jsonl`), 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as { text: string; lang: string }),
  );
}

describe('fast sentiment and language guessing give the same results as before', () => {
  it('on the labelled posts of the accuracy benchmark', () => {
    const posts = labelledPosts();
    expect(posts.length).toBeGreaterThan(300);
    expect(
      differences(
        posts.map((p) => p.text),
        [...LANGS, 'und'],
      ),
    ).toEqual([]);
  });

  it('on 20,000 generated stream items', () => {
    const items = generateItems(0, 20_000, 1, Date.now());
    const texts = items.flatMap((item) => [item.text, item.title ?? '', item.quote?.text ?? '']);
    expect(differences(texts, ['en', 'fr', undefined])).toEqual([]);
    // What the archive's text worker does with each item (see analyseText in src-renderer/archive/ingest/item-doc.ts).
    const analyse = (
      language: Pick<typeof oldLanguage, 'primaryLanguage' | 'guessLanguage'>,
      sentiment: Pick<typeof oldSentiment, 'scoreSentiment'>,
      item: (typeof items)[number],
    ) => {
      const lang = language.primaryLanguage(item.lang) ?? language.guessLanguage(item.text);
      const s = sentiment.scoreSentiment(item.text, lang === 'en' || lang === 'fr' ? lang : item.lang);
      return `${lang} ${s.label} ${s.score}`;
    };
    const newLanguage = { primaryLanguage, guessLanguage };
    const analysed = items.filter(
      (item) => analyse(oldLanguage, oldSentiment, item) !== analyse(newLanguage, { scoreSentiment }, item),
    );
    expect(analysed).toEqual([]);
  });

  it('on hand-picked edge cases', () => {
    expect(edgeCases.length).toBeGreaterThan(50);
    expect(differences(edgeCases, LANGS)).toEqual([]);
  });

  it('on 4,000 seeded random posts made of lexicon words, emoji, emoticons, links and mentions', () => {
    const texts = fuzzTexts(rng(20_240_601), 4_000);
    // The fuzz must reach the interesting paths, or equality proves little.
    const scores = texts.map((t) => oldSentiment.scoreSentiment(t, 'en').score);
    expect(scores.filter((s) => s > 0.05).length).toBeGreaterThan(500);
    expect(scores.filter((s) => s < -0.05).length).toBeGreaterThan(500);
    expect(texts.filter((t) => oldLanguage.guessLanguage(t) === 'fr').length).toBeGreaterThan(200);
    expect(differences(texts, ['en', 'fr', undefined, 'de'])).toEqual([]);
  });

  it('primaryLanguage reads tags as before', () => {
    for (const tag of ['en', 'EN-gb', ' fr_CA ', '-en', '_', '', null, undefined, 'de-', 'zh-Hant-TW', 'x'])
      expect(primaryLanguage(tag)).toBe(oldLanguage.primaryLanguage(tag));
  });
});
