// bench:sentiment — accuracy of the sentiment scorer and the language guesser on the labelled corpus in
// tests/fixtures/sentiment (dev = the split the lexicons were tuned on, test = held out; negation-heldout =
// posts with negation and contrast, written before that handling was tuned and never tuned on). Prints
// per-language confusion matrices, then one JSON line: { accuracyEn, accuracyFr, testSizeEn, testSizeFr,
// negationEn, negationFr, negationSizeEn, negationSizeFr, languageAccuracy }.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { guessLanguage } from '../../src-shared/text/language.ts';
import { scoreSentiment, type SentimentLabel } from '../../src-shared/text/sentiment.ts';

type Row = { text: string; lang: 'en' | 'fr'; label: SentimentLabel };
const LABELS: SentimentLabel[] = ['negative', 'neutral', 'positive'];
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'sentiment');

function load(name: string): Row[] {
  return readFileSync(path.join(fixtures, `${name}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
}

type Report = { size: number; accuracy: number; confusion: Record<string, Record<string, number>> };

function evaluate(rows: Row[], withDeclaredLang: boolean): Report {
  const confusion: Record<string, Record<string, number>> = {};
  for (const t of LABELS) confusion[t] = Object.fromEntries(LABELS.map((p) => [p, 0]));
  let correct = 0;
  for (const row of rows) {
    const predicted = scoreSentiment(row.text, withDeclaredLang ? row.lang : null).label;
    const cells = confusion[row.label] as Record<string, number>;
    cells[predicted] = (cells[predicted] ?? 0) + 1;
    if (predicted === row.label) correct += 1;
  }
  return { size: rows.length, accuracy: round(correct / rows.length), confusion };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function printMatrix(title: string, r: Report): void {
  console.log(
    `\n${title}: accuracy ${(r.accuracy * 100).toFixed(1)} % on ${r.size} posts (rows = human, columns = scorer)`,
  );
  console.log(`${''.padEnd(10)}${LABELS.map((l) => l.padStart(10)).join('')}`);
  for (const t of LABELS)
    console.log(`${t.padEnd(10)}${LABELS.map((p) => String(r.confusion[t]?.[p]).padStart(10)).join('')}`);
}

const split = {
  enDev: load('en-dev'),
  enTest: load('en-test'),
  frDev: load('fr-dev'),
  frTest: load('fr-test'),
};
const enDev = evaluate(split.enDev, true);
const enTest = evaluate(split.enTest, true);
const frDev = evaluate(split.frDev, true);
const frTest = evaluate(split.frTest, true);
printMatrix('English dev', enDev);
printMatrix('English test (held out)', enTest);
printMatrix('French dev', frDev);
printMatrix('French test (held out)', frTest);

const negationRows = load('negation-heldout');
const negationEn = evaluate(
  negationRows.filter((r) => r.lang === 'en'),
  true,
);
const negationFr = evaluate(
  negationRows.filter((r) => r.lang === 'fr'),
  true,
);
printMatrix('English negation and contrast (held out)', negationEn);
printMatrix('French negation and contrast (held out)', negationFr);

// Without the network's tag: the guesser picks the lexicon.
const guessedEn = evaluate(split.enTest, false);
const guessedFr = evaluate(split.frTest, false);
console.log(
  `\nTest accuracy with language guessed instead of given: en ${guessedEn.accuracy}, fr ${guessedFr.accuracy}`,
);

const all = [...split.enDev, ...split.enTest, ...split.frDev, ...split.frTest];
const guesses = all.map((r) => guessLanguage(r.text));
const languageAccuracy = round(guesses.filter((g, i) => g === all[i]?.lang).length / all.length);
const undecided = guesses.filter((g) => g === 'und').length;
const wrong = guesses.filter((g, i) => g !== 'und' && g !== all[i]?.lang).length;
console.log(
  `Language guesser on all ${all.length} posts: ${languageAccuracy} correct, ${undecided} 'und', ${wrong} wrong`,
);

if (process.argv.includes('--errors')) {
  for (const [name, rows] of [
    ['en-dev', split.enDev],
    ['fr-dev', split.frDev],
  ] as const) {
    for (const row of rows) {
      const r = scoreSentiment(row.text, row.lang);
      if (r.label !== row.label)
        console.log(`${name} want ${row.label} got ${r.label} (${r.score}): ${row.text}`);
    }
  }
}

console.log(
  JSON.stringify({
    accuracyEn: enTest.accuracy,
    accuracyFr: frTest.accuracy,
    testSizeEn: enTest.size,
    testSizeFr: frTest.size,
    negationEn: negationEn.accuracy,
    negationFr: negationFr.accuracy,
    negationSizeEn: negationEn.size,
    negationSizeFr: negationFr.size,
    languageAccuracy,
  }),
);
