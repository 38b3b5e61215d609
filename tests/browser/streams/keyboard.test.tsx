// Keyboard shortcuts: j/k, 1–9, r/l/b on the selected item, / for search, ? for help — and none of them
// while typing in a field.
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { homeSource, keyOf, mentionsSource, withColumns } from './support/columns.ts';
import { makeItem } from './support/items.ts';
import { createMemoryArchive } from './support/memory-archive.ts';
import { renderDeck } from './support/render-deck.tsx';

const WAIT = { timeout: 5_000 };

const selected = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLElement>('[data-item-key][aria-current="true"]')].map((e) =>
    e.dataset.itemKey!.replace(/.*\//, ''),
  );

describe('deck shortcuts', () => {
  test('j/k move, 1–9 focus columns, l/b/r act on the selected item, ? and / open help and search', async () => {
    const archive = createMemoryArchive();
    const { screen, main, store } = await renderDeck({
      archive,
      prepare: withColumns(
        { title: 'Home', source: homeSource },
        { title: 'Mentions', source: mentionsSource },
      ),
    });
    await expect.poll(() => main.subscriptions.size, WAIT).toBe(2);
    main.emitItems(keyOf(homeSource), [
      makeItem({ id: 'h1', text: 'home one' }),
      makeItem({ id: 'h2', text: 'home two' }),
    ]);
    main.emitItems(keyOf(mentionsSource), [makeItem({ id: 'm1', text: 'a needle in mentions' })]);
    const root = screen.container;
    await expect.poll(() => root.querySelectorAll('[data-item-key]').length, WAIT).toBe(3);

    await userEvent.keyboard('j');
    expect(selected(root)).toEqual(['h1']);
    await userEvent.keyboard('j');
    expect(selected(root)).toEqual(['h2']);
    await userEvent.keyboard('k');
    expect(selected(root)).toEqual(['h1']);

    await userEvent.keyboard('l');
    await expect
      .poll(() => main.callsOf('items:act').map((c) => [c.action, c.item.remoteId.replace(/.*\//, '')]), WAIT)
      .toEqual([['like', 'h1']]);
    await userEvent.keyboard('b');
    // A repost is published as the account: it goes to the outbox, not straight to the network.
    await expect
      .poll(
        () =>
          main
            .callsOf('outbox:submitAction')
            .map((c) => [c.action.kind, c.action.item.remoteId.replace(/.*\//, '')]),
        WAIT,
      )
      .toEqual([['repost', 'h1']]);
    expect(main.callsOf('items:act')).toHaveLength(1);

    await userEvent.keyboard('2');
    await expect.element(screen.getByRole('button', { name: 'Mentions', exact: true })).toHaveFocus();
    await userEvent.keyboard('j');
    expect(selected(root)).toEqual(['m1']);

    // r opens the reply composer; typing j inside it is text, not a shortcut.
    await userEvent.keyboard('r');
    const box = screen.getByLabelText('Reply to @author.test');
    await expect.element(box).toHaveFocus();
    await userEvent.keyboard('jk?/');
    await expect.element(box).toHaveValue('jk?/');
    expect(selected(root)).toEqual(['m1']);
    expect(store.getState().helpOpen).toBe(false);
    await userEvent.keyboard('{Escape}');
    await expect.element(box).not.toBeInTheDocument();

    await userEvent.keyboard('?');
    const help = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.element(help).toBeVisible();
    await expect.element(help).toHaveTextContent('Like the selected post');
    await userEvent.keyboard('{Escape}');
    await expect.element(help).not.toBeInTheDocument();

    // / focuses the search box, which queries the archive.
    await userEvent.click(root.querySelector('.column__title') as HTMLElement);
    await userEvent.keyboard('/');
    const search = screen.getByRole('searchbox', { name: 'Search saved posts' });
    await expect.element(search).toHaveFocus();
    await userEvent.keyboard('needle{Enter}');
    const results = screen.getByRole('region', { name: 'Search results' });
    await expect.element(results.getByText('a needle in mentions'), WAIT).toBeVisible();
    await expect.element(results).toHaveTextContent('1 post found');
  });
});
