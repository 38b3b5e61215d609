// The keyboard shortcuts, opened with "?".
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoost } from '../../../app-context.tsx';

const SHORTCUTS = ['jk', 'digits', 'reply', 'like', 'boost', 'search', 'help', 'move', 'escape'] as const;
const KEYS: Record<(typeof SHORTCUTS)[number], string> = {
  jk: 'j / k',
  digits: '1 … 9',
  reply: 'r',
  like: 'l',
  boost: 'b',
  search: '/',
  help: '?',
  move: 'Alt + ← / →',
  escape: 'Esc',
};

export function HelpDialog() {
  const { t } = useTranslation();
  const open = useRoost((s) => s.helpOpen);
  const setOpen = useRoost((s) => s.setHelpOpen);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="help-backdrop" onClick={() => setOpen(false)}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        className="help-dialog"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
        }}
      >
        <h2 id="shortcuts-title">{t('streams.help.title')}</h2>
        <dl className="help-dialog__list">
          {SHORTCUTS.map((s) => (
            <div key={s}>
              <dt>
                <kbd>{KEYS[s]}</kbd>
              </dt>
              <dd>{t(`streams.help.${s}`)}</dd>
            </div>
          ))}
        </dl>
        <button ref={closeRef} type="button" className="button" onClick={() => setOpen(false)}>
          {t('streams.help.close')}
        </button>
      </div>
    </div>
  );
}
