// UTF-8 offsets without TextEncoder: the table and the per-offset conversion agree, whatever the text.
import { describe, expect, it } from 'vitest';
import { utf16ToUtf8Offset, utf8Encode, utf8OffsetTable } from '../../../src-shared/compose/utf8.ts';

describe('utf8OffsetTable', () => {
  it.each(['', 'abc', 'Café 日本 👩🏽‍💻 x', 'a\ud800b\udc00c'])(
    'agrees with per-offset conversion for %j',
    (text) => {
      const table = utf8OffsetTable(text);
      expect(table[text.length]).toBe(utf8Encode(text).length);
      for (let i = 0; i <= text.length; i++) {
        const mid =
          i > 0 && /[\ud800-\udbff]/.test(text[i - 1] ?? '') && /[\udc00-\udfff]/.test(text[i] ?? '');
        if (!mid) expect(table[i], `offset ${i}`).toBe(utf16ToUtf8Offset(text, i));
      }
    },
  );
});
