// Workspaces and columns: adding from an account's capabilities or an RSS URL, renaming, reordering by
// keyboard and by drag, removing, and persistence in IndexedDB.
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { BLUESKY_CAPABILITIES } from './support/streams-main.ts';
import { homeSource, mentionsSource, searchSource, withColumns } from './support/columns.ts';
import { renderDeck } from './support/render-deck.tsx';

const WAIT = { timeout: 5_000 };

const columnTitles = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLElement>('[data-testid="deck-columns"] .column__title')].map(
    (el) => el.textContent,
  );

describe('deck layout', () => {
  test('a first visit creates a workspace; a column is added from the account’s capabilities', async () => {
    const { screen, main, layout } = await renderDeck();
    await expect
      .element(screen.getByRole('tab', { name: 'Main' }), WAIT)
      .toHaveAttribute('aria-selected', 'true');
    await userEvent.click(screen.getByRole('button', { name: 'Add column' }));
    const form = screen.getByRole('form', { name: 'Add a column' });
    await expect.poll(() => main.callsOf('streams:capabilities').length, WAIT).toBe(1);
    const typeSelect = form.getByLabelText('Column');
    await expect.element(typeSelect).toBeEnabled();
    const offered = [...(typeSelect.element() as HTMLSelectElement).options].map((o) => o.value);
    expect(offered).toEqual(BLUESKY_CAPABILITIES.columnTypes);
    await userEvent.selectOptions(typeSelect, 'mentions');
    await userEvent.click(form.getByRole('button', { name: 'Add column' }));
    await expect.element(screen.getByRole('region', { name: 'Mentions' }), WAIT).toBeVisible();
    await expect.poll(() => main.callsOf('streams:subscribe').length, WAIT).toBe(1);
    expect(main.callsOf('streams:subscribe')[0]).toMatchObject({ source: mentionsSource, visible: true });
    const stored = await layout.load();
    expect(stored.columns.map((c) => c.title)).toEqual(['Mentions']);
  });

  test('an RSS column needs only a valid http(s) URL', async () => {
    const { screen, main } = await renderDeck();
    await userEvent.click(screen.getByRole('button', { name: 'Add column' }));
    const form = screen.getByRole('form', { name: 'Add a column' });
    await userEvent.selectOptions(form.getByLabelText('Account'), 'RSS or Atom feed (no account)');
    await userEvent.fill(form.getByLabelText('Feed URL (https://…)'), 'javascript:alert(1)');
    await userEvent.click(form.getByRole('button', { name: 'Add column' }));
    await expect.element(form.getByRole('alert')).toHaveTextContent('starting with https://');
    await userEvent.fill(form.getByLabelText('Feed URL (https://…)'), 'https://example.org/feed.xml');
    await userEvent.click(form.getByRole('button', { name: 'Add column' }));
    await expect.element(screen.getByRole('region', { name: 'RSS: example.org' }), WAIT).toBeVisible();
    await expect
      .poll(() => main.callsOf('streams:subscribe')[0]?.source, WAIT)
      .toEqual({
        type: 'rss',
        accountId: null,
        param: 'https://example.org/feed.xml',
      });
  });

  test('columns are renamed, reordered with Alt+arrows and by drag, and removed (unsubscribing)', async () => {
    const { screen, main, layout } = await renderDeck({
      prepare: withColumns(
        { title: 'Home', source: homeSource },
        { title: 'Mentions', source: mentionsSource },
        { title: 'Search', source: searchSource('roost') },
      ),
    });
    const root = screen.container;
    await expect.poll(() => columnTitles(root), WAIT).toEqual(['Home', 'Mentions', 'Search']);

    // Rename through the column's options.
    await userEvent.click(
      screen.getByRole('region', { name: 'Home' }).getByRole('button', { name: 'Options' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Rename', exact: true }));
    const input = screen.getByLabelText('Column name');
    await userEvent.fill(input, 'Timeline');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => columnTitles(root), WAIT).toEqual(['Timeline', 'Mentions', 'Search']);

    // Alt+→ on a focused header moves the column right and keeps focus on it.
    const title = screen.getByRole('button', { name: 'Timeline', exact: true });
    (title.element() as HTMLElement).focus();
    await userEvent.keyboard('{Alt>}{ArrowRight}{/Alt}');
    await expect.poll(() => columnTitles(root), WAIT).toEqual(['Mentions', 'Timeline', 'Search']);
    await expect.element(screen.getByRole('button', { name: 'Timeline', exact: true })).toHaveFocus();
    await userEvent.keyboard('{Alt>}{ArrowRight}{/Alt}');
    await expect.poll(() => columnTitles(root), WAIT).toEqual(['Mentions', 'Search', 'Timeline']);

    // Drag the last column's title onto the first column (the same DragEvents a mouse drag fires).
    const data = new DataTransfer();
    const fire = (el: Element, type: string) =>
      el.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    const source = screen.getByRole('button', { name: 'Timeline', exact: true }).element();
    const target = screen.getByRole('region', { name: 'Mentions' }).element();
    fire(source, 'dragstart');
    expect(fire(target, 'dragover')).toBe(false);
    fire(target, 'drop');
    await expect.poll(() => columnTitles(root), WAIT).toEqual(['Timeline', 'Mentions', 'Search']);
    expect((await layout.load()).columns.map((c) => c.title)).toEqual(['Timeline', 'Mentions', 'Search']);

    // Remove asks for confirmation, then unsubscribes.
    await expect.poll(() => main.subscriptions.size, WAIT).toBe(3);
    const mentions = screen.getByRole('region', { name: 'Mentions' });
    await userEvent.click(mentions.getByRole('button', { name: 'Options' }));
    await userEvent.click(mentions.getByRole('button', { name: 'Remove column' }));
    await userEvent.click(mentions.getByRole('button', { name: 'Confirm removal' }));
    await expect.poll(() => columnTitles(root), WAIT).toEqual(['Timeline', 'Search']);
    await expect.poll(() => main.callsOf('streams:unsubscribe').length, WAIT).toBe(1);
    expect(main.subscriptions.size).toBe(2);
  });

  test('width presets, pause and alert persist on the column', async () => {
    const { screen, layout } = await renderDeck({
      prepare: withColumns({ title: 'Home', source: homeSource }),
    });
    const column = screen.getByRole('region', { name: 'Home' });
    await userEvent.click(column.getByRole('button', { name: 'Options' }));
    await userEvent.selectOptions(column.getByLabelText('Width'), 'wide');
    await expect.poll(() => (column.element() as HTMLElement).style.width, WAIT).toBe('440px');
    await userEvent.click(column.getByRole('button', { name: 'Pause' }));
    await userEvent.click(column.getByRole('button', { name: 'Alert column' }));
    await expect
      .poll(async () => (await layout.load()).columns[0], WAIT)
      .toMatchObject({ width: 'wide', paused: true, alert: true });
  });

  test('workspaces are added, renamed, switched and removed', async () => {
    const { screen, store, layout } = await renderDeck({
      prepare: withColumns({ title: 'Home', source: homeSource }),
    });
    await expect.element(screen.getByRole('region', { name: 'Home' }), WAIT).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'New workspace' }));
    await userEvent.fill(screen.getByLabelText('Workspace name'), 'Brand');
    await userEvent.keyboard('{Enter}');
    await expect
      .element(screen.getByRole('tab', { name: 'Brand' }), WAIT)
      .toHaveAttribute('aria-selected', 'true');
    // The new workspace has its own (empty) row of columns.
    await expect.element(screen.getByRole('region', { name: 'Home' })).not.toBeInTheDocument();
    // Renaming and removing live in the deck's menu, so the toolbar fits one line.
    await userEvent.click(screen.getByRole('button', { name: 'More actions' }));
    await userEvent.click(screen.getByRole('button', { name: 'Rename workspace' }));
    await userEvent.fill(screen.getByLabelText('Workspace name'), 'Brand FR');
    await userEvent.keyboard('{Enter}');
    await expect.element(screen.getByRole('tab', { name: 'Brand FR' }), WAIT).toBeVisible();
    await userEvent.click(screen.getByRole('tab', { name: 'Main' }));
    await expect.element(screen.getByRole('region', { name: 'Home' }), WAIT).toBeVisible();
    await userEvent.click(screen.getByRole('tab', { name: 'Brand FR' }));
    await userEvent.click(screen.getByRole('button', { name: 'More actions' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove workspace' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove “Brand FR” and its columns' }));
    await expect.element(screen.getByRole('tab', { name: 'Brand FR' }), WAIT).not.toBeInTheDocument();
    await expect
      .poll(() => store.getState().activeWorkspaceId, WAIT)
      .toBe((await layout.load()).workspaces[0]?.id);
    expect((await layout.load()).workspaces.map((w) => w.name)).toEqual(['Main']);
  });
});
