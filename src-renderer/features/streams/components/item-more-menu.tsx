// The secondary actions of a card (open in the browser, copy the link, mute the author, delete an own post)
// behind one "More actions" button, so a card shows its few main actions as icons and nothing else.
import { Ban, Copy, ExternalLink, Trash2 } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MoreIcon } from './card-icons.tsx';

export function ItemMoreMenu({
  url,
  moreLabel,
  muteLabel,
  onMute,
  onDelete,
}: {
  url: string | null;
  /** The button's name, translated once for every card (card-labels.ts). */
  moreLabel: string;
  /** Asked only when the menu opens: it names the author, so each card would translate it anew. */
  muteLabel: () => string;
  onMute: (() => void) | null;
  onDelete: (() => void) | null;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const then = (fn: () => void) => () => {
    setOpen(false);
    fn();
  };

  return (
    <div
      className="item__more"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <button
        type="button"
        className="item__action"
        aria-label={moreLabel}
        title={moreLabel}
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {MoreIcon}
      </button>
      {open && (
        <ul className="item__menu" id={id}>
          {url && (
            <li>
              <a href={url} target="_blank" rel="noopener noreferrer" onClick={() => setOpen(false)}>
                <ExternalLink aria-hidden size={14} /> {t('streams.item.open')}
              </a>
            </li>
          )}
          {url && (
            <li>
              <button type="button" onClick={then(() => void navigator.clipboard?.writeText(url))}>
                <Copy aria-hidden size={14} /> {t('streams.item.copyLink')}
              </button>
            </li>
          )}
          {onMute && (
            <li>
              <button type="button" onClick={then(onMute)}>
                <Ban aria-hidden size={14} /> {muteLabel()}
              </button>
            </li>
          )}
          {onDelete && (
            <li>
              <button type="button" className="item__menu-danger" onClick={then(onDelete)}>
                <Trash2 aria-hidden size={14} /> {t('streams.item.delete')}
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
