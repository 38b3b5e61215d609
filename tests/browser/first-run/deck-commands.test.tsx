// The deck's commands in the palette: each column and workspace is reachable, and "Add column" opens the
// form — the deck registers them only while it is on screen.
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { CommandPalette } from '../../../src-renderer/features/shell/ui/command-palette.tsx';
import { CommandsProvider } from '../../../src-renderer/features/shell/ui/commands.tsx';
import { homeSource, mentionsSource, withColumns } from '../streams/support/columns.ts';
import { renderDeck } from '../streams/support/render-deck.tsx';

const WAIT = { timeout: 5_000 };

describe('deck commands', () => {
  test('go to a column by name, and open the add-column form', async () => {
    // The deck inside the same registry as a palette, as the app frame arranges them.
    const { screen } = await renderDeck({
      prepare: withColumns(
        { title: 'Home', source: homeSource },
        { title: 'Mentions', source: mentionsSource },
      ),
      wrap: (children) => (
        <CommandsProvider>
          {children}
          <CommandPalette />
        </CommandsProvider>
      ),
    });
    await expect.element(screen.getByRole('region', { name: 'Mentions' }), WAIT).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Command palette' }));
    const dialog = screen.getByRole('dialog', { name: 'Command palette' });
    await expect.element(dialog, WAIT).toBeVisible();
    await userEvent.keyboard('mentions');
    await userEvent.keyboard('{Enter}');
    await expect
      .element(
        screen.getByRole('region', { name: 'Mentions' }).getByRole('button', { name: 'Mentions' }),
        WAIT,
      )
      .toHaveFocus();

    await userEvent.keyboard('{Control>}k{/Control}');
    await userEvent.keyboard('add col');
    await userEvent.keyboard('{Enter}');
    await expect.element(screen.getByRole('form', { name: 'Add a column' }), WAIT).toBeVisible();
  });
});
