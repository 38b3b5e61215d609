// Plain text derived from feed HTML.
import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from '../../../../src-main/connectors/rss/html-text.ts';

describe('htmlToText', () => {
  it('keeps readable text with paragraph and list breaks', () => {
    const html = '<h2>Title</h2><p>One &amp; <a href="x">two</a><br>three</p><ul><li>a</li><li>b</li></ul>';
    expect(htmlToText(html)).toBe('Title\n\nOne & two\nthree\n\n• a\n• b');
  });

  it('drops scripts, styles and comments entirely', () => {
    const html =
      '<p>Hi</p><script>var x = "<p>no</p>";</script><style>p{}</style><!-- <p>hidden</p> -->there';
    expect(htmlToText(html)).toBe('Hi\n\nthere');
  });

  it('decodes named and numeric entities and leaves unknown ones as written', () => {
    expect(decodeEntities('&lt;b&gt; &#233;&#x1F426; &eacute; &bogus; &#0;')).toBe(
      '<b> é🐦 é &bogus; \ufffd',
    );
  });

  it('treats an unterminated tag as the end of the text and caps the length', () => {
    expect(htmlToText('before <a href="never closed')).toBe('before');
    expect(htmlToText('<p>' + 'x'.repeat(500) + '</p>', 100)).toHaveLength(100);
  });

  it('stays fast on pathological input', () => {
    const hostile = '<script>'.repeat(200_000) + '<p'.repeat(200_000);
    expect(htmlToText(hostile)).toBe('');
  });
});
