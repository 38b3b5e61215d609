// Live columns: arrivals never move what the reader looks at, held arrivals wait behind the pill, unread
// counts, gap markers, older items, column state, and the archive receiving every item.
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { homeSource, keyOf, withColumns } from './support/columns.ts';
import { makeItem, makeItems } from './support/items.ts';
import { createMemoryArchive } from './support/memory-archive.ts';
import { renderDeck } from './support/render-deck.tsx';

const WAIT = { timeout: 5_000 };
const HOME = keyOf(homeSource);

function scroller(root: HTMLElement): HTMLElement {
  const el = root.querySelector<HTMLElement>('.column__scroller');
  if (!el) throw new Error('no column scroller');
  return el;
}

/** The first card whose top is inside the scroller's viewport, and where it sits. */
function firstVisible(el: HTMLElement): { key: string; top: number } {
  const box = el.getBoundingClientRect();
  for (const card of el.querySelectorAll<HTMLElement>('[data-item-key]')) {
    const r = card.getBoundingClientRect();
    if (r.top >= box.top - 1) return { key: card.dataset.itemKey!, top: Math.round(r.top - box.top) };
  }
  throw new Error('no visible card');
}

async function scrollTo(el: HTMLElement, top: number) {
  el.scrollTop = top;
  el.dispatchEvent(new Event('scroll'));
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
}

describe('live column', () => {
  test('arrivals while scrolled away keep the viewport still, show a pill and count as unread', async () => {
    const { screen, main } = await renderDeck({
      prepare: withColumns({ title: 'Home', source: homeSource }),
    });
    await expect.poll(() => main.subscriptions.size, WAIT).toBe(1);
    main.emitItems(HOME, makeItems(80, 'first'));
    await expect.element(screen.getByText('first number 80', { exact: false }), WAIT).toBeVisible();

    // At the top, new items flow straight in.
    main.emitItems(HOME, [makeItem({ id: 'top-1', text: 'arrived at the top' })]);
    await expect.element(screen.getByText('arrived at the top'), WAIT).toBeVisible();
    expect(screen.container.querySelector('.column__pill')).toBeNull();

    const el = scroller(screen.container);
    await scrollTo(el, 2_000);
    const before = firstVisible(el);
    main.emitItems(
      HOME,
      makeItems(5, 'late').map((i) => ({ ...i, key: `${i.key}-x`, remoteId: `${i.remoteId}-x` })),
    );
    const pill = screen.getByRole('button', { name: '5 new posts' });
    await expect.element(pill, WAIT).toBeVisible();
    await expect.element(screen.getByLabelText('5 unread posts')).toBeVisible();
    expect(firstVisible(el)).toEqual(before);
    expect(el.scrollTop).toBeGreaterThan(1_500);

    await userEvent.click(pill);
    await expect.element(pill).not.toBeInTheDocument();
    expect(el.scrollTop).toBe(0);
    await expect.poll(() => firstVisible(el).key, WAIT).toContain('late-5');
    await expect.element(screen.getByLabelText('5 unread posts')).not.toBeInTheDocument();
  });

  test('a paused column holds arrivals even at the top', async () => {
    const { screen, main, layout } = await renderDeck({
      prepare: withColumns({ title: 'Home', source: homeSource }),
    });
    await expect.poll(() => main.subscriptions.size, WAIT).toBe(1);
    const [column] = (await layout.load()).columns;
    await layout.updateColumn(column!.id, { paused: true });
    // The layout reaches the deck through a live query: arrivals before the column knows it is paused flow in.
    await expect
      .poll(
        () => screen.container.querySelector(`[data-column-id="${column!.id}"]`)?.hasAttribute('data-paused'),
        WAIT,
      )
      .toBe(true);
    main.emitItems(HOME, makeItems(3, 'held'));
    await expect.element(screen.getByRole('button', { name: '3 new posts' }), WAIT).toBeVisible();
    expect(screen.container.querySelector('[data-item-key]')).toBeNull();
  });

  test('a gap marker loads the missing posts through streams:loadGap and is replaced by them', async () => {
    const { screen, main } = await renderDeck({
      prepare: withColumns({ title: 'Home', source: homeSource }),
    });
    await expect.poll(() => main.subscriptions.size, WAIT).toBe(1);
    main.emitItems(HOME, makeItems(3, 'old'));
    const gap = { id: 'g1', before: 'cursor-old', since: 'cursor-new' };
    main.emitItems(HOME, makeItems(2, 'new'), 'newer', gap);
    const button = screen.getByRole('button', { name: 'Load missing posts' });
    await expect.element(button, WAIT).toBeVisible();
    // The marker sits between the new batch and what was held before.
    const order = [...screen.container.querySelectorAll('[data-item-key], .column__gap')].map((el) =>
      el.classList.contains('column__gap') ? 'gap' : (el as HTMLElement).dataset.itemKey!.replace(/.*\//, ''),
    );
    expect(order).toEqual(['new-2', 'new-1', 'gap', 'old-3', 'old-2', 'old-1']);
    await userEvent.click(button);
    await expect
      .poll(() => main.callsOf('streams:loadGap'), WAIT)
      .toEqual([{ columnId: expect.any(String), gap }]);
    main.emitItems(HOME, makeItems(2, 'missing'), 'gap', gap);
    await expect.element(button, WAIT).not.toBeInTheDocument();
    await expect.element(screen.getByText('missing number 2', { exact: false })).toBeVisible();
  });

  test('older items load at the bottom; the column shows its state; items reach the archive', async () => {
    const archive = createMemoryArchive();
    archive.seed(HOME, makeItems(2, 'saved'));
    const { screen, main } = await renderDeck({
      archive,
      prepare: withColumns({ title: 'Home', source: homeSource }),
    });
    // What the archive held shows at once.
    await expect.element(screen.getByText('saved number 2', { exact: false }), WAIT).toBeVisible();
    main.emitItems(HOME, makeItems(2, 'live'));
    await expect.poll(() => archive.ingested.reduce((n, c) => n + c.count, 0), WAIT).toBe(2);

    await userEvent.click(screen.getByRole('button', { name: 'Load older posts' }));
    await expect.poll(() => main.callsOf('streams:loadOlder').length, WAIT).toBe(1);
    main.emitItems(HOME, makeItems(1, 'ancient'), 'older');
    await expect.element(screen.getByText('ancient number 1', { exact: false }), WAIT).toBeVisible();
    const keys = [...screen.container.querySelectorAll<HTMLElement>('[data-item-key]')].map(
      (e) => e.dataset.itemKey!,
    );
    expect(keys[keys.length - 1]).toContain('ancient-1');

    main.emit('streams:state', { columnKey: HOME, state: { state: 'live', errorCode: null, retryAt: null } });
    await expect.element(screen.getByText('Live', { exact: true }), WAIT).toBeVisible();
    main.emit('streams:state', {
      columnKey: HOME,
      state: { state: 'error', errorCode: 'rate_limited', retryAt: Date.now() + 60_000 },
    });
    const badge = () => screen.container.querySelector('.column__state')!;
    await expect.poll(() => badge().getAttribute('data-state'), WAIT).toBe('error');
    expect(badge().textContent).toMatch(/^Error.*limiting requests.*Next try at/);
    await userEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    await expect.poll(() => main.callsOf('streams:refresh').length, WAIT).toBe(1);
    main.emit('streams:state', {
      columnKey: HOME,
      state: { state: 'needs_sign_in', errorCode: null, retryAt: null },
    });
    await expect.element(screen.getByText('Needs sign-in', { exact: true }), WAIT).toBeVisible();
  });

  test('the in-memory buffer is bounded: old items leave the column', async () => {
    const { screen, main } = await renderDeck({
      capacity: 50,
      prepare: withColumns({ title: 'Home', source: homeSource }),
    });
    await expect.poll(() => main.subscriptions.size, WAIT).toBe(1);
    for (let i = 0; i < 4; i += 1) main.emitItems(HOME, makeItems(30, `batch${i}`));
    await expect.element(screen.getByText('batch3 number 30', { exact: false }), WAIT).toBeVisible();
    const el = scroller(screen.container);
    await scrollTo(el, el.scrollHeight);
    await expect.element(screen.getByRole('button', { name: 'Load older posts' }), WAIT).toBeVisible();
    // 50 newest: batch3 (30) and the 20 newest of batch2; nothing of batch0/1.
    const keys = [...screen.container.querySelectorAll<HTMLElement>('[data-item-key]')].map(
      (e) => e.dataset.itemKey!,
    );
    expect(keys.some((k) => k.includes('batch1'))).toBe(false);
    expect(keys[keys.length - 1]).toContain('batch2-11');
  });
});
