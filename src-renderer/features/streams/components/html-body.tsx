// Post HTML from Mastodon or RSS, inserted only after the strict sanitiser in src-renderer/sanitize/.
import { useMemo } from 'react';
import { sanitizeHtml } from '../../../sanitize/sanitize-html.ts';

export function HtmlBody({ html }: { html: string }) {
  const clean = useMemo(() => sanitizeHtml(html), [html]);
  return <div className="item__text item__text--html" dangerouslySetInnerHTML={{ __html: clean }} />;
}
