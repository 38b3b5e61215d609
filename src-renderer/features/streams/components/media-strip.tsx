// Media thumbnails with their alt text. Images load only from http(s) URLs; other media are links.
import { useTranslation } from 'react-i18next';
import type { Media } from '../../../../src-shared/domain/stream-item.ts';
import { safeHttpUrl } from '../../../sanitize/safe-url.ts';

export function MediaStrip({ media }: { media: readonly Media[] }) {
  const { t } = useTranslation();
  if (media.length === 0) return null;
  return (
    <ul className="item__media">
      {media.slice(0, 4).map((m, i) => {
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
        return (
          <li key={i}>
            {href ? (
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
  );
}
