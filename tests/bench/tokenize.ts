// Tokenizer and folding speed, regex oracle against the char-code scanner, on 20,000 generated items (the fields
// the archive indexes). Prints one JSON line: µs per item, best and median of 5 rounds after a warm-up.
import { foldText } from '../../src-shared/text/fold.ts';
import { tokenize } from '../../src-shared/text/tokenize.ts';
import { oracleFoldText, oracleTokenize } from '../unit/shared/support/tokenize-oracle.ts';
import { generateItems } from './support/generate-items.ts';

const items = generateItems(0, 20_000, 1, Date.now());
const fields = items.map((item) =>
  [item.title ?? '', item.text, item.quote?.text ?? '', ...item.media.map((m) => m.alt)].filter(Boolean),
);
const candidates: Record<string, (text: string) => { length: number }> = {
  tokenizeBefore: (text) => oracleTokenize(text),
  tokenizeAfter: (text) => tokenize(text),
  foldBefore: (text) => oracleFoldText(text),
  foldAfter: (text) => foldText(text),
};
const rounds: Record<string, number[]> = {};
let checksum = 0;
// Interleaved so that a busy machine slows every candidate alike.
for (let round = 0; round <= 5; round++) {
  for (const [name, run] of Object.entries(candidates)) {
    const start = performance.now();
    for (const texts of fields) for (const text of texts) checksum += run(text).length;
    if (round > 0) (rounds[name] ??= []).push(((performance.now() - start) * 1000) / items.length);
  }
}
const usPerItem = Object.fromEntries(
  Object.entries(rounds).map(([name, times]) => {
    const sorted = times.sort((a, b) => a - b);
    return [name, { best: Number(sorted[0]?.toFixed(2)), median: Number(sorted[2]?.toFixed(2)) }];
  }),
);
console.log(JSON.stringify({ bench: 'tokenize', items: items.length, usPerItem, checksum }));
