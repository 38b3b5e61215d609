// The deck's secondary actions behind one button, so the toolbar fits one line: rename or remove the
// workspace, notifications, density, keyboard shortcuts. A disclosure: Escape or a click outside closes it.
import { Ellipsis } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoost, useServices } from '../../../app-context.tsx';
import { chooseDensity } from '../../shell/ui/choose-density.ts';
import type { Workspace } from '../model/layout.ts';
import { NotificationsButton } from './notifications-button.tsx';

export function DeckMenu({
  active,
  canRemove,
  onRename,
  onRemove,
}: {
  active: Workspace | null;
  canRemove: boolean;
  onRename(): void;
  onRemove(): void;
}) {
  const { t } = useTranslation();
  const services = useServices();
  const density = useRoost((s) => s.density);
  const [open, setOpen] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent): void => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = (): void => {
    setOpen(false);
    setConfirmRemove(false);
    buttonRef.current?.focus();
  };
  const then = (action: () => void) => () => {
    close();
    action();
  };

  return (
    <div
      className="deck-menu"
      ref={rootRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="icon-button"
        aria-label={t('deckMenu.open')}
        title={t('deckMenu.open')}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => (open ? close() : setOpen(true))}
      >
        <Ellipsis aria-hidden="true" />
      </button>
      {open && (
        <div id={panelId} className="deck-menu__panel" role="group" aria-label={t('deckMenu.open')}>
          {active && (
            <button type="button" className="deck-menu__item" onClick={then(onRename)}>
              {t('streams.workspaces.rename')}
            </button>
          )}
          {active &&
            canRemove &&
            (confirmRemove ? (
              <button
                type="button"
                className="deck-menu__item deck-menu__item--danger"
                onClick={then(onRemove)}
              >
                {t('streams.workspaces.confirmRemove', { name: active.name })}
              </button>
            ) : (
              <button
                type="button"
                className="deck-menu__item deck-menu__item--danger"
                onClick={() => setConfirmRemove(true)}
              >
                {t('streams.workspaces.remove')}
              </button>
            ))}
          <button
            type="button"
            className="deck-menu__item"
            aria-pressed={density === 'compact'}
            onClick={() => chooseDensity(services, density === 'compact' ? 'comfortable' : 'compact')}
          >
            {t('deckMenu.compact')}
          </button>
          <button
            type="button"
            className="deck-menu__item"
            onClick={then(() => services.store.getState().setHelpOpen(true))}
          >
            {t('streams.help.open')}
          </button>
          <div className="deck-menu__note">
            <NotificationsButton />
          </div>
        </div>
      )}
    </div>
  );
}
