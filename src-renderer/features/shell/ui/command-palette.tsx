// Ctrl/Cmd+K: a searchable list of every section and action. A dialog with a combobox over a listbox:
// arrows move, Enter runs, Escape closes and gives focus back to where it was.
import { Search } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommandRegistry, type Command } from './commands.tsx';

/** Every word typed must start a word of the label or group, in any order ("set acc" → Settings: Accounts). */
export function matchCommands(commands: readonly Command[], query: string): Command[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...commands];
  return commands.filter((command) => {
    const haystack = `${command.group} ${command.label}`.toLowerCase();
    const starts = haystack.split(/[^\p{L}\p{N}@#]+/u);
    return words.every((word) => starts.some((start) => start.startsWith(word)));
  });
}

export function CommandPalette() {
  const { t } = useTranslation();
  const registry = useCommandRegistry();
  const [open, setOpen] = useState(false);
  const [commands, setCommands] = useState<readonly Command[]>([]);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const returnFocus = useRef<HTMLElement | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key.toLowerCase() !== 'k' || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      e.preventDefault();
      setOpen((wasOpen) => {
        if (!wasOpen) {
          returnFocus.current = document.activeElement as HTMLElement | null;
          setCommands(registry?.all() ?? []);
          setQuery('');
          setActive(0);
        }
        return !wasOpen;
      });
    };
    const onOpenRequest = (): void => {
      returnFocus.current = document.activeElement as HTMLElement | null;
      setCommands(registry?.all() ?? []);
      setQuery('');
      setActive(0);
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener(OPEN_PALETTE_EVENT, onOpenRequest);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(OPEN_PALETTE_EVENT, onOpenRequest);
    };
  }, [registry]);

  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  const shown = useMemo(() => matchCommands(commands, query), [commands, query]);
  if (!open) return null;

  const close = (): void => {
    setOpen(false);
    returnFocus.current?.focus?.();
  };
  const run = (command: Command | undefined): void => {
    if (!command) return;
    setOpen(false);
    // Focus goes back first, so a command that moves focus (to a column, a form) has the last word.
    returnFocus.current?.focus?.();
    command.run();
  };
  const optionId = (index: number): string => `${listId}-${index}`;
  const current = Math.min(active, Math.max(0, shown.length - 1));

  return (
    <div className="palette-backdrop" onMouseDown={close}>
      <div
        role="dialog"
        aria-modal="true"
        aria-label={t('palette.title')}
        className="palette"
        onMouseDown={(e) => e.stopPropagation()}
      >
        <div className="palette__search">
          <Search aria-hidden="true" className="palette__search-icon" />
          <input
            ref={inputRef}
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={shown.length > 0 ? optionId(current) : undefined}
            aria-label={t('palette.input')}
            placeholder={t('palette.placeholder')}
            className="palette__input"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                e.preventDefault();
                const step = e.key === 'ArrowDown' ? 1 : -1;
                if (shown.length > 0) setActive((current + step + shown.length) % shown.length);
              } else if (e.key === 'Home' && shown.length > 0) {
                setActive(0);
              } else if (e.key === 'End' && shown.length > 0) {
                setActive(shown.length - 1);
              } else if (e.key === 'Enter') {
                e.preventDefault();
                run(shown[current]);
              } else if (e.key === 'Escape') {
                e.preventDefault();
                close();
              } else if (e.key === 'Tab') {
                // The dialog is modal: focus stays in the search field.
                e.preventDefault();
              }
            }}
          />
        </div>
        <ul id={listId} role="listbox" aria-label={t('palette.list')} className="palette__list">
          {shown.map((command, index) => (
            <li
              key={command.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === current}
              className="palette__option"
              onMouseMove={() => setActive(index)}
              onClick={() => run(command)}
            >
              <span className="palette__label">{command.label}</span>
              <span className="palette__group">{command.group}</span>
              {command.shortcut && <kbd className="palette__shortcut">{command.shortcut}</kbd>}
            </li>
          ))}
        </ul>
        {shown.length === 0 && (
          <p role="status" className="palette__empty">
            {t('palette.none')}
          </p>
        )}
      </div>
    </div>
  );
}

/** Dispatched on window by a toolbar button that opens the palette without the keyboard. */
export const OPEN_PALETTE_EVENT = 'roost:open-palette';
