// The search index's dictionary and token sequences: ranges of a text find the same ids as whole strings,
// the table keeps every term through growth, and a document's sequence holds exactly the tokens the
// tokenizer gives for each text, field by field, then the bare hashtags.
import { describe, expect, test } from 'vitest';
import { SequenceBuilder } from '../../../src-renderer/archive/segments/doc-sequence.ts';
import { GrowableArray } from '../../../src-renderer/archive/segments/growable-array.ts';
import { FIELD_BREAK } from '../../../src-renderer/archive/segments/packed-seq.ts';
import { TermDictionary } from '../../../src-renderer/archive/segments/term-dictionary.ts';
import { tokenize } from '../../../src-shared/text/tokenize.ts';
import { generateItems } from '../../bench/support/generate-items.ts';

describe('TermDictionary', () => {
  test('ids by first appearance, found again by string or by a range of any text, through growth', () => {
    const dict = new TermDictionary();
    const words = Array.from({ length: 50_000 }, (_, n) => `word${n}`);
    words.forEach((word, n) => expect(dict.intern(word)).toBe(n));
    expect(dict.size).toBe(50_000);
    words.forEach((word, n) => {
      expect(dict.idOf(word)).toBe(n);
      const text = `«${word}» `;
      expect(dict.internRange(text, 1, 1 + word.length)).toBe(n);
    });
    expect(dict.size).toBe(50_000);
    expect(dict.idOf('word50000')).toBeUndefined();
    expect(dict.idOf('')).toBeUndefined();
    expect(dict.internRange('a new word', 2, 5)).toBe(50_000);
    expect(dict.termAt(50_000)).toBe('new');
    expect(dict.termsFrom(49_999)).toEqual(['word49999', 'new']);
  });

  test('terms that differ only in case, accents or astral characters stay apart', () => {
    const dict = new TermDictionary();
    const terms = ['cafe', 'café', 'Cafe', 'cafe\u0301', '😀', '😁', 'a😀', '\u0001ref:x'];
    const ids = terms.map((t) => dict.intern(t));
    expect(new Set(ids).size).toBe(terms.length);
    terms.forEach((t, i) => expect(dict.idOf(t)).toBe(ids[i]));
  });

  test('a replayed dictionary keeps its numbering even for a repeated term', () => {
    const dict = new TermDictionary();
    expect(['a', 'b', 'a', 'c'].map((t) => dict.append(t))).toEqual([0, 1, 2, 3]);
    expect(dict.size).toBe(4);
    expect(dict.termAt(2)).toBe('a');
    expect(dict.idOf('c')).toBe(3);
  });
});

describe('SequenceBuilder', () => {
  /** The sequence as it was defined before tokens were looked up by range: tokenize each text, in order. */
  function expected(texts: string[]): string[] {
    const fields = texts.map((text) => (text ? tokenize(text) : []));
    fields.push(fields.flatMap((tokens) => tokens.filter((t) => t.startsWith('#')).map((t) => t.slice(1))));
    const out: string[] = [];
    for (const field of fields) {
      if (field.length === 0) continue;
      if (out.length > 0) out.push('<break>');
      out.push(...field);
    }
    return out;
  }

  test('matches tokenizing every field on 5,000 generated items and hostile texts', () => {
    const dict = new TermDictionary();
    const builder = new SequenceBuilder(dict);
    const cases: string[][] = generateItems(0, 5_000, 3, Date.now()).map((item) => [
      item.title ?? '',
      item.contentWarning ?? '',
      item.text,
      item.quote?.text ?? '',
      ...item.media.map((m) => m.alt),
    ]);
    cases.push(
      ['', '#', '##Paris #Rennes!', 'Élan d’été à l’Hôtel-Dieu 😀 #Café'],
      ['', '', ''],
      ['@a@b.c-@great https://x.example/a?b=1). #ok'],
      ["l'appli n'est pas qu'un #outil", 'œuvre ß ǅ ΣΑΣ'],
    );
    for (const texts of cases) {
      const out = new GrowableArray(Uint32Array, 4);
      out.push(7);
      builder.appendTo(texts, out);
      expect(out.at(0)).toBe(7);
      const seq = Array.from(out.view.subarray(1));
      const words = seq.map((id) => (id === FIELD_BREAK ? '<break>' : (dict.termAt(id) ?? '?')));
      expect(words).toEqual(expected(texts));
    }
  });
});
