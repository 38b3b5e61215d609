// Media thumbnails with their alt text. Images load only from http(s) URLs and open in the viewer; other
// media are links.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Media } from '../../../../src-shared/domain/stream-item.ts';
import { safeHttpUrl } from '../../../sanitize/safe-url.ts';
import { ImageViewer, type ViewerImage } from './image-viewer.tsx';

export function MediaStrip({ media }: { media: readonly Media[] }) {
  const { t } = useTranslation();
  const [viewing, setViewing] = useState<number | null>(null);
  const thumbs = useRef<(HTMLButtonElement | null)[]>([]);
  const openedFrom = useRef(0);
  if (media.length === 0) return null;
  const shown = media.slice(0, 4);
  const images: (ViewerImage & { at: number })[] = [];
  shown.forEach((m, at) => {
    const src = m.kind === 'image' ? safeHttpUrl(m.url) : null;
    if (src) images.push({ src, alt: m.alt, at });
  });

  return (
    <>
      <ul className="item__media">
        {shown.map((m, i) => {
          const href = safeHttpUrl(m.url);
          const thumb = m.kind === 'image' || m.kind === 'gifv' ? safeHttpUrl(m.thumbUrl ?? m.url) : null;
          const alt = m.alt || t('streams.item.noAlt');
          const body = thumb ? (
            <img
              src={thumb}
              alt={alt}
              loading="lazy"
              referrerPolicy="no-referrer"
              width={m.width ?? undefined}
              height={m.height ?? undefined}
            />
          ) : (
            <span className="item__media-label">{t(`streams.item.media.${m.kind}`)}</span>
          );
          const viewerIndex = images.findIndex((image) => image.at === i);
          return (
            <li key={i}>
              {viewerIndex >= 0 ? (
                <button
                  ref={(el) => {
                    thumbs.current[viewerIndex] = el;
                  }}
                  type="button"
                  className="item__media-open"
                  title={t('viewer.open')}
                  onClick={() => {
                    openedFrom.current = viewerIndex;
                    setViewing(viewerIndex);
                  }}
                >
                  {body}
                </button>
              ) : href ? (
                <a href={href} target="_blank" rel="noopener noreferrer" title={alt}>
                  {body}
                </a>
              ) : (
                body
              )}
            </li>
          );
        })}
      </ul>
      {viewing !== null && (
        <ImageViewer
          images={images}
          index={viewing}
          onIndex={setViewing}
          onClose={() => {
            const from = thumbs.current[openedFrom.current];
            setViewing(null);
            from?.focus();
          }}
        />
      )}
    </>
  );
}
