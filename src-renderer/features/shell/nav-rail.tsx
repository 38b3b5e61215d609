// The left navigation rail. Buttons are reachable with Tab; arrow keys move between them as well, and
// the current section carries aria-current for screen readers.
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoost } from '../../app-context.tsx';
import { SECTIONS } from '../../store/ui-slice.ts';
import { ConnectionIndicator } from './connection-indicator.tsx';

export function NavRail() {
  const { t } = useTranslation();
  const section = useRoost((s) => s.section);
  const navigate = useRoost((s) => s.navigate);

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>): void {
    const keys: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
    const step = keys[event.key];
    if (step === undefined && event.key !== 'Home' && event.key !== 'End') return;
    const buttons = [...event.currentTarget.querySelectorAll('button')];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? buttons.length - 1
          : (index + (step ?? 0) + buttons.length) % buttons.length;
    buttons[next]?.focus();
    event.preventDefault();
  }

  return (
    <nav className="nav-rail" aria-label={t('nav.label')}>
      <div className="nav-rail__brand">{t('app.name')}</div>
      <ul className="nav-rail__list" onKeyDown={onKeyDown}>
        {SECTIONS.map((id) => (
          <li key={id}>
            <button
              type="button"
              className="nav-rail__item"
              data-testid={`nav-${id}`}
              aria-current={section === id ? 'page' : undefined}
              onClick={() => navigate(id)}
            >
              {t(`nav.${id}`)}
            </button>
          </li>
        ))}
      </ul>
      <ConnectionIndicator />
    </nav>
  );
}
