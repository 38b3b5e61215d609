// The Inbox's keyboard shortcuts, opened with "?".
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogShell } from '../../shell/ui/dialog-shell.tsx';

const KEYS = ['next', 'previous', 'resolve', 'note', 'reply', 'help'] as const;

export function KeyboardHelp({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <DialogShell titleId="inbox-help-title" title={t('inbox.help.title')} onEscape={onClose}>
      <ul>
        {KEYS.map((key) => (
          <li key={key}>{t(`inbox.help.${key}`)}</li>
        ))}
      </ul>
      <button type="button" className="button" ref={close} onClick={onClose}>
        {t('inbox.help.close')}
      </button>
    </DialogShell>
  );
}
