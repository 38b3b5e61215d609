// An author's avatar: an image only from an http(s) URL, otherwise their initial.
import { useTranslation } from 'react-i18next';
import { safeHttpUrl } from '../../../sanitize/safe-url.ts';

export function Avatar({ url, name }: { url: string | null; name: string }) {
  const { t } = useTranslation();
  const src = safeHttpUrl(url);
  if (src) {
    return (
      <img
        className="item__avatar"
        src={src}
        alt={t('streams.item.avatarAlt', { name })}
        loading="lazy"
        referrerPolicy="no-referrer"
        width={36}
        height={36}
      />
    );
  }
  return (
    <span className="item__avatar item__avatar--initials" aria-hidden="true">
      {Array.from(name.trim())[0]?.toUpperCase() ?? '?'}
    </span>
  );
}
