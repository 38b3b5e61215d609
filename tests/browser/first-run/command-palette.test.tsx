// The command palette in real Chromium: Ctrl+K opens it over the whole app, typing filters, arrows and Enter
// run a command (sections, settings tabs, density, the deck's own actions and columns), Escape closes it and
// returns focus; the combobox/listbox roles and aria-activedescendant keep it usable with a screen reader.
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { matchCommands } from '../../../src-renderer/features/shell/ui/command-palette.tsx';
import { createMemoryMain } from '../support/memory-main.ts';
import { renderApp } from '../support/render-app.tsx';

const WAIT = { timeout: 5_000 };

describe('command palette', () => {
  test('Ctrl+K opens it; typing, arrows and Enter go to a section; Escape closes and restores focus', async () => {
    const { screen, store } = await renderApp({ main: createMemoryMain(), section: 'calendar' });
    const rail = screen.getByTestId('nav-calendar');
    // Once the section has loaded, nothing else will take focus while the palette is used.
    await expect.element(screen.getByRole('heading', { name: 'Calendar', level: 1 }), WAIT).toBeVisible();
    (rail.element() as HTMLElement).focus();

    await userEvent.keyboard('{Control>}k{/Control}');
    const dialog = screen.getByRole('dialog', { name: 'Command palette' });
    await expect.element(dialog, WAIT).toBeVisible();
    const input = dialog.getByRole('combobox');
    await expect.element(input).toHaveFocus();
    const options = () => [...dialog.element().querySelectorAll('[role="option"]')].map((o) => o.textContent);
    expect(options().length).toBeGreaterThanOrEqual(14);

    await userEvent.keyboard('set acc');
    expect(options()).toEqual(['AccountsSettings']);
    await userEvent.clear(input);
    await userEvent.keyboard('go');
    // Arrow down to the second "Go to" entry (Inbox) and run it.
    await userEvent.keyboard('{ArrowDown}');
    const activeId = (input.element() as HTMLElement).getAttribute('aria-activedescendant');
    expect(document.getElementById(activeId!)?.textContent).toContain('Inbox');
    await userEvent.keyboard('{Enter}');
    await expect.element(dialog).not.toBeInTheDocument();
    expect(store.getState().section).toBe('inbox');

    (rail.element() as HTMLElement).focus();
    await userEvent.keyboard('{Control>}k{/Control}');
    await expect.element(screen.getByRole('dialog', { name: 'Command palette' }), WAIT).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await expect.element(screen.getByRole('dialog', { name: 'Command palette' })).not.toBeInTheDocument();
    await expect.element(rail).toHaveFocus();
  });

  test('reaches look preferences and says so when nothing matches', async () => {
    const { screen, store } = await renderApp({ main: createMemoryMain(), section: 'calendar' });
    await expect.element(screen.getByRole('heading', { name: 'Calendar', level: 1 }), WAIT).toBeVisible();
    await userEvent.keyboard('{Control>}k{/Control}');
    const dialog = screen.getByRole('dialog', { name: 'Command palette' });
    await userEvent.keyboard('compact');
    await userEvent.keyboard('{Enter}');
    expect(store.getState().density).toBe('compact');
    await expect.poll(() => document.documentElement.dataset.density, WAIT).toBe('compact');

    await userEvent.keyboard('{Control>}k{/Control}');
    await userEvent.keyboard('zzqx');
    await expect.element(dialog.getByRole('status')).toHaveTextContent('No command matches');
    await userEvent.keyboard('{Escape}');
  });

  test('matching wants every typed word to start a word of the label or group', () => {
    const run = () => undefined;
    const commands = [
      { id: '1', group: 'Go to', label: 'Settings', run },
      { id: '2', group: 'Settings', label: 'Accounts', run },
      { id: '3', group: 'Column', label: 'Mentions', run },
    ];
    expect(matchCommands(commands, 'acc set').map((c) => c.id)).toEqual(['2']);
    expect(matchCommands(commands, 'ment').map((c) => c.id)).toEqual(['3']);
    expect(matchCommands(commands, '').map((c) => c.id)).toEqual(['1', '2', '3']);
  });
});
