// Post text with its links, mentions, tags and cashtags marked as Bluesky will show them. A mention of a
// handle that is no account stays plain, since that is how it will be posted.
import type { ReactNode } from 'react';
import type { RichTextFacet } from '../../../../src-shared/contract/compose-contract.ts';

export function FacetedText({ text, facets }: { text: string; facets: readonly RichTextFacet[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const f of facets) {
    // Facets past the visible text (an over-long post is cut) or overlapping an earlier one are skipped.
    if (f.start < at || f.end > text.length) continue;
    if (f.kind === 'mention' && f.mention === 'no_account') continue;
    if (f.start > at) parts.push(text.slice(at, f.start));
    parts.push(
      <span key={f.start} className={`preview__facet preview__facet--${f.kind}`} data-facet={f.kind}>
        {text.slice(f.start, f.end)}
      </span>,
    );
    at = f.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
