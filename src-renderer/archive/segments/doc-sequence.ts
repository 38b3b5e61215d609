// Turns a document's texts into its token sequence: term ids in reading order, a field break between texts,
// then the bare forms of its hashtags as a field of its own. Tokens are looked up as ranges of the
// tokenizer's text, so a known word costs no string, and ids go straight into the segment's buffer.
import { scanTokens, type TokenSink } from '../../../src-shared/text/tokenize.ts';
import type { GrowableArray } from './growable-array.ts';
import { FIELD_BREAK } from './packed-seq.ts';
import type { TermDictionary } from './term-dictionary.ts';

const HASH_SIGN = 0x23;

export class SequenceBuilder {
  private readonly dict: TermDictionary;
  private out: GrowableArray<Uint32Array> | null = null;
  private docStart = 0;
  private readonly bareTags: number[] = [];
  private fieldStarted = false;
  private readonly onToken: TokenSink = (text, start, end) => {
    const out = this.out;
    if (!out) return;
    if (!this.fieldStarted) {
      if (out.length > this.docStart) out.push(FIELD_BREAK);
      this.fieldStarted = true;
    }
    out.push(this.dict.internRange(text, start, end));
    // A word search for "rennes" should also find "#Rennes": hashtags are indexed bare too.
    if (text.charCodeAt(start) === HASH_SIGN) this.bareTags.push(this.dict.internRange(text, start + 1, end));
  };

  constructor(dict: TermDictionary) {
    this.dict = dict;
  }

  /** Appends the sequence of `texts` (empty ones add nothing), then bare hashtags, to `out`. */
  appendTo(texts: readonly string[], out: GrowableArray<Uint32Array>): void {
    this.out = out;
    this.docStart = out.length;
    this.bareTags.length = 0;
    for (const text of texts) {
      if (!text) continue;
      this.fieldStarted = false;
      scanTokens(text, {}, this.onToken);
    }
    if (this.bareTags.length > 0) {
      if (out.length > this.docStart) out.push(FIELD_BREAK);
      out.append(this.bareTags);
    }
    this.out = null;
  }
}
