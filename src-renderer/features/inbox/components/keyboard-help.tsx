// The Inbox's keyboard shortcuts, opened with "?".
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

const KEYS = ['next', 'previous', 'resolve', 'note', 'reply', 'help'] as const;

export function KeyboardHelp({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="inbox-help-title"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <h2 id="inbox-help-title">{t('inbox.help.title')}</h2>
        <ul>
          {KEYS.map((key) => (
            <li key={key}>{t(`inbox.help.${key}`)}</li>
          ))}
        </ul>
        <button type="button" className="button" ref={close} onClick={onClose}>
          {t('inbox.help.close')}
        </button>
      </div>
    </div>
  );
}
