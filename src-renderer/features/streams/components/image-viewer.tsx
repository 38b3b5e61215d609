// A post's images at full size in a modal viewer: ←/→ move between them, Escape or the close button
// closes it and focus returns to the thumbnail that opened it. Alt text is shown as the caption.
import { ChevronLeft, ChevronRight, ExternalLink, X } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface ViewerImage {
  readonly src: string;
  readonly alt: string;
}

export function ImageViewer({
  images,
  index,
  onIndex,
  onClose,
}: {
  images: readonly ViewerImage[];
  index: number;
  onIndex(index: number): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  const image = images[index];
  if (!image) return null;
  const many = images.length > 1;
  const step = (delta: number) => onIndex((index + delta + images.length) % images.length);

  return (
    <div className="viewer-backdrop" onClick={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-label={t('viewer.title', { index: index + 1, count: images.length })}
        className="viewer"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          } else if (many && e.key === 'ArrowRight') step(1);
          else if (many && e.key === 'ArrowLeft') step(-1);
          else if (e.key === 'Tab') {
            // Keep focus inside the dialog: cycle through its own buttons.
            const buttons = [...e.currentTarget.querySelectorAll<HTMLElement>('button, a[href]')];
            const at = buttons.indexOf(document.activeElement as HTMLElement);
            const next = buttons[(at + (e.shiftKey ? -1 : 1) + buttons.length) % buttons.length];
            next?.focus();
            e.preventDefault();
          }
        }}
      >
        <div className="viewer__bar">
          <span className="viewer__count">{many && `${index + 1} / ${images.length}`}</span>
          <a
            className="icon-button"
            href={image.src}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={t('viewer.original')}
            title={t('viewer.original')}
          >
            <ExternalLink aria-hidden="true" />
          </a>
          <button
            ref={closeRef}
            type="button"
            className="icon-button"
            aria-label={t('viewer.close')}
            title={t('viewer.close')}
            onClick={onClose}
          >
            <X aria-hidden="true" />
          </button>
        </div>
        <figure className="viewer__figure">
          <img src={image.src} alt={image.alt} referrerPolicy="no-referrer" className="viewer__image" />
          {image.alt && <figcaption className="viewer__caption">{image.alt}</figcaption>}
        </figure>
        {many && (
          <>
            <button
              type="button"
              className="icon-button viewer__prev"
              aria-label={t('viewer.previous')}
              title={t('viewer.previous')}
              onClick={() => step(-1)}
            >
              <ChevronLeft aria-hidden="true" />
            </button>
            <button
              type="button"
              className="icon-button viewer__next"
              aria-label={t('viewer.next')}
              title={t('viewer.next')}
              onClick={() => step(1)}
            >
              <ChevronRight aria-hidden="true" />
            </button>
          </>
        )}
      </div>
    </div>
  );
}
