// Post text with its links, mentions and hashtags, built from facets as React elements: the text is
// never parsed as HTML, and a link facet becomes a link only when its target is http(s).
import type { ReactNode } from 'react';
import type { Facet } from '../../../../src-shared/domain/stream-item.ts';
import { safeHttpUrl } from '../../../sanitize/safe-url.ts';

export function RichText({ text, facets }: { text: string; facets: readonly Facet[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  const ordered = [...facets].sort((a, b) => a.start - b.start);
  for (const facet of ordered) {
    // Overlapping, empty or out-of-range facets are ignored; the text still shows.
    if (facet.start < at || facet.end <= facet.start || facet.end > text.length) continue;
    if (facet.start > at) parts.push(text.slice(at, facet.start));
    const label = text.slice(facet.start, facet.end);
    parts.push(<FacetSpan key={`${facet.start}-${facet.kind}`} facet={facet} label={label} />);
    at = facet.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <p className="item__text">{parts}</p>;
}

function FacetSpan({ facet, label }: { facet: Facet; label: string }) {
  if (facet.kind === 'link') {
    const href = safeHttpUrl(facet.value);
    if (!href) return <span className="item__facet">{label}</span>;
    return (
      <a href={href} target="_blank" rel="noopener noreferrer" title={href}>
        {label}
      </a>
    );
  }
  return <span className={`item__facet item__facet--${facet.kind}`}>{label}</span>;
}
