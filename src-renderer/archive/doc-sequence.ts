// Turns a document's texts into its token sequence: term ids in reading order, a field break between texts,
// then the bare forms of its hashtags as a field of its own. Tokens are looked up as
// ranges of the tokenizer's text, so a known word costs no string.
import { scanTokens, type TokenSink } from '../../src-shared/text/tokenize.ts';
import { FIELD_BREAK } from './packed-seq.ts';
import type { TermDictionary } from './term-dictionary.ts';

const HASH_SIGN = 0x23;

export class SequenceBuilder {
  private readonly dict: TermDictionary;
  private seq: number[] = [];
  private bareTags: number[] = [];
  private fieldStarted = false;
  private readonly onToken: TokenSink = (text, start, end) => {
    if (!this.fieldStarted) {
      if (this.seq.length > 0) this.seq.push(FIELD_BREAK);
      this.fieldStarted = true;
    }
    this.seq.push(this.dict.internRange(text, start, end));
    // A word search for "rennes" should also find "#Rennes": hashtags are indexed bare too.
    if (text.charCodeAt(start) === HASH_SIGN) this.bareTags.push(this.dict.internRange(text, start + 1, end));
  };

  constructor(dict: TermDictionary) {
    this.dict = dict;
  }

  /** The sequence of `texts` (empty ones add nothing), then bare hashtags. */
  build(texts: readonly string[]): number[] {
    this.seq = [];
    this.bareTags = [];
    for (const text of texts) {
      if (!text) continue;
      this.fieldStarted = false;
      scanTokens(text, {}, this.onToken);
    }
    this.addField(this.bareTags);
    const seq = this.seq;
    this.seq = [];
    this.bareTags = [];
    return seq;
  }

  private addField(ids: readonly number[]): void {
    if (ids.length === 0) return;
    if (this.seq.length > 0) this.seq.push(FIELD_BREAK);
    for (const id of ids) this.seq.push(id);
  }
}
