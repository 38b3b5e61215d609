// Images of the post: picked from disk, previewed, each with its description (alt text).
import { memo, useEffect, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import type { DraftMedia } from '../model/draft.ts';

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

function Preview({ media }: { media: DraftMedia }) {
  const { t } = useTranslation();
  const url = useMemo(() => URL.createObjectURL(media.blob), [media.blob]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return <img className="media__preview" src={url} alt={t('compose.imagePreview', { name: media.name })} />;
}

export const MediaEditor = memo(function MediaEditor({
  media,
  requireAlt,
  onChange,
}: {
  media: readonly DraftMedia[];
  requireAlt: boolean;
  onChange: (update: (media: readonly DraftMedia[]) => readonly DraftMedia[]) => void;
}) {
  const { t } = useTranslation();
  const inputId = useId();

  const add = (files: FileList | null) => {
    const picked = Array.from(files ?? []).filter((f) => IMAGE_TYPES.includes(f.type));
    if (picked.length === 0) return;
    const added: DraftMedia[] = picked.map((file) => ({
      id: ulid(),
      kind: 'image',
      name: file.name,
      mimeType: file.type,
      bytes: file.size,
      alt: '',
      blob: file,
    }));
    onChange((current) => [...current, ...added]);
  };

  return (
    <div className="media">
      <label className="button" htmlFor={inputId}>
        {t('compose.images')}
      </label>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept={IMAGE_TYPES.join(',')}
        multiple
        onChange={(e) => {
          add(e.target.files);
          e.target.value = '';
        }}
      />
      <ul className="media__list">
        {media.map((m) => {
          const missing = m.alt.trim() === '';
          return (
            <li key={m.id} className="media__item">
              <Preview media={m} />
              <div className="field">
                <label htmlFor={`alt-${m.id}`}>{t('compose.imageAlt', { name: m.name })}</label>
                <textarea
                  id={`alt-${m.id}`}
                  rows={2}
                  value={m.alt}
                  aria-invalid={requireAlt && missing}
                  onChange={(e) => {
                    const alt = e.target.value;
                    onChange((current) => current.map((x) => (x.id === m.id ? { ...x, alt } : x)));
                  }}
                />
                {missing && <p className={requireAlt ? 'field__issue' : 'hint'}>{t('compose.altMissing')}</p>}
              </div>
              <button
                type="button"
                className="button"
                onClick={() => onChange((current) => current.filter((x) => x.id !== m.id))}
              >
                {t('compose.removeImage', { name: m.name })}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
});
