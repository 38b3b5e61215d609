// The thread opens as one more column of the deck's row, beside every column (none hidden), and takes focus;
// a post's images open in a viewer that moves with the arrow keys and closes with Escape, giving focus back.
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { homeSource, keyOf, mentionsSource, withColumns } from '../streams/support/columns.ts';
import { makeItem } from '../streams/support/items.ts';
import { renderDeck } from '../streams/support/render-deck.tsx';

const WAIT = { timeout: 5_000 };
const image = (n: number) => ({
  kind: 'image' as const,
  url: `https://cdn.example/${n}.png`,
  thumbUrl: null,
  alt: `Picture ${n}`,
  width: null,
  height: null,
});

describe('thread column and image viewer', () => {
  test('the thread is a column beside the others, and Escape closes it', async () => {
    const { screen, main } = await renderDeck({
      prepare: withColumns(
        { title: 'Home', source: homeSource },
        { title: 'Mentions', source: mentionsSource },
      ),
    });
    const item = makeItem({ id: 'p1', text: 'a post with a thread' });
    main.emitItems(keyOf(homeSource), [item]);
    const article = screen.getByRole('region', { name: 'Home' }).getByRole('article');
    await expect.element(article, WAIT).toBeVisible();
    main.setThread([makeItem({ id: 'root', text: 'the thread root' }), item]);
    await userEvent.click(article.getByRole('button', { name: 'Thread' }));
    const thread = screen.getByRole('complementary', { name: 'Thread' });
    await expect.element(thread.getByText('the thread root'), WAIT).toBeVisible();
    await expect.element(thread.getByRole('heading', { name: 'Thread' })).toHaveFocus();
    // In the same scrolling row, after the columns: nothing is covered.
    const row = screen.getByTestId('deck-columns').element();
    expect(row.lastElementChild).toBe(thread.element());
    await expect.element(screen.getByRole('region', { name: 'Mentions' })).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await expect.element(thread).not.toBeInTheDocument();
  });

  test('images open in a viewer; arrows move, Escape closes and focus returns', async () => {
    const { screen, main } = await renderDeck({
      prepare: withColumns({ title: 'Home', source: homeSource }),
    });
    main.emitItems(keyOf(homeSource), [
      makeItem({ id: 'pics', text: 'two pictures', media: [image(1), image(2)] }),
    ]);
    const article = screen.getByRole('region', { name: 'Home' }).getByRole('article');
    const first = article.getByRole('button', { name: 'Picture 1' });
    await expect.element(first, WAIT).toBeVisible();
    await userEvent.click(first);
    const viewer = screen.getByRole('dialog', { name: 'Image 1 of 2' });
    await expect.element(viewer).toBeVisible();
    await expect.element(viewer.getByRole('button', { name: 'Close the image' })).toHaveFocus();
    await expect
      .element(viewer.getByRole('img', { name: 'Picture 1' }))
      .toHaveAttribute('src', 'https://cdn.example/1.png');
    await userEvent.keyboard('{ArrowRight}');
    await expect.element(screen.getByRole('dialog', { name: 'Image 2 of 2' })).toBeVisible();
    await expect.element(screen.getByText('Picture 2', { exact: true }).last()).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await expect.element(screen.getByRole('dialog')).not.toBeInTheDocument();
    await expect.element(first).toHaveFocus();
  });
});
