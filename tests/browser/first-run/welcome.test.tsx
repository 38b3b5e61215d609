// The first run in real Chromium: with no account and no column the deck is a welcome screen with three ways
// forward; the sandbox way asks main to add the sandbox's brand account (no password ever reaches the page);
// once an account exists, starter columns are offered and can be declined; an RSS feed can start the deck.
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { Account } from '../../../src-shared/domain/account.ts';
import { createStreamsMain, testAccount, type StreamsMain } from '../streams/support/streams-main.ts';
import { renderDeck } from '../streams/support/render-deck.tsx';

const WAIT = { timeout: 5_000 };
const BRAND = testAccount({ id: 'acc-brand', handle: 'brand.test', displayName: 'Roost Demo' });

/** A main with no account whose sandbox, when running, adds the brand account and announces it. */
function firstRunMain(sandboxRunning: boolean): StreamsMain {
  const accounts: Account[] = [];
  const main: StreamsMain = createStreamsMain(accounts, {
    'accounts:list': () => [...accounts],
    'sandbox:status': () =>
      sandboxRunning
        ? {
            available: true,
            service: 'http://localhost:2583',
            handle: 'brand.test',
            displayName: 'Roost Demo',
          }
        : { available: false },
    'feeds:inspect': () => {
      return { title: 'City Library News', siteUrl: 'https://library.example/' };
    },
    'sandbox:addAccount': () => {
      accounts.push(BRAND);
      setTimeout(() => main.emit('accounts:changed', { accounts: [...accounts] }), 0);
      return BRAND;
    },
  });
  return main;
}

describe('first run', () => {
  test('with no account the deck welcomes with three ways forward; adding an account opens Settings', async () => {
    const { screen, store } = await renderDeck({ main: firstRunMain(false) });
    const welcome = screen.getByRole('region', { name: 'Welcome to Roost' });
    await expect.element(welcome, WAIT).toBeVisible();
    await expect
      .element(welcome.getByRole('heading', { name: 'Add a Bluesky or Mastodon account' }))
      .toBeVisible();
    await expect.element(welcome.getByRole('heading', { name: 'Follow an RSS or Atom feed' })).toBeVisible();
    await expect
      .element(welcome.getByText('No local sandbox is running.', { exact: false }), WAIT)
      .toBeVisible();
    await expect.element(welcome.getByText('./roost sandbox')).toBeVisible();
    expect(screen.container.querySelector('.deck__toolbar')).toBeNull();

    await userEvent.click(welcome.getByRole('button', { name: 'Add an account' }));
    expect(store.getState().section).toBe('settings');
    expect(store.getState().settingsTab).toBe('accounts');
  });

  test('one click uses the running sandbox; the starter columns are then offered and opened', async () => {
    const main = firstRunMain(true);
    const { screen, layout } = await renderDeck({ main });
    const use = screen.getByRole('button', { name: 'Use the sandbox as @brand.test' });
    await expect.element(use, WAIT).toBeVisible();
    await expect
      .element(screen.getByText('A sandbox is running at http://localhost:2583', { exact: false }))
      .toBeVisible();
    await userEvent.click(use);
    await expect.poll(() => main.callsOf('sandbox:addAccount'), WAIT).toEqual([{}]);

    const offer = screen.getByRole('region', { name: 'Start with a workspace for @brand.test?' });
    await expect.element(offer, WAIT).toBeVisible();
    await expect.element(offer.getByText('a search for “Roost Demo”', { exact: false })).toBeVisible();
    await userEvent.click(offer.getByRole('button', { name: 'Open these columns' }));

    await expect.element(screen.getByRole('region', { name: 'Home' }), WAIT).toBeVisible();
    await expect.element(screen.getByRole('region', { name: 'Mentions' }), WAIT).toBeVisible();
    await expect.element(screen.getByRole('region', { name: 'Search: Roost Demo' }), WAIT).toBeVisible();
    const stored = await layout.load();
    expect(stored.columns.map((c) => c.source)).toEqual([
      { type: 'home', accountId: 'acc-brand', param: null },
      { type: 'mentions', accountId: 'acc-brand', param: null },
      { type: 'search', accountId: 'acc-brand', param: 'Roost Demo' },
    ]);
    await expect.element(offer).not.toBeInTheDocument();
    // Nothing the page sent could have carried a secret: the sandbox calls have empty inputs.
    expect(main.calls.filter((c) => c.method.startsWith('sandbox:')).map((c) => c.input)).toEqual([{}, {}]);
  });

  test('the starter offer can be declined, leaving an empty deck to fill by hand', async () => {
    const { screen, layout } = await renderDeck({ main: createStreamsMain([BRAND]) });
    const offer = screen.getByRole('region', { name: 'Start with a workspace for @brand.test?' });
    await expect.element(offer, WAIT).toBeVisible();
    await userEvent.click(offer.getByRole('button', { name: 'Not now' }));
    await expect.element(offer).not.toBeInTheDocument();
    await expect
      .element(screen.getByText('No columns in this workspace yet.', { exact: false }))
      .toBeVisible();
    expect((await layout.load()).columns).toEqual([]);
  });

  test('an RSS feed starts the deck, named by its own title; a URL that is not http(s) is refused', async () => {
    const { screen, main } = await renderDeck({ main: firstRunMain(false) });
    const form = screen.getByRole('form', { name: 'Follow an RSS or Atom feed' });
    await expect.element(form, WAIT).toBeVisible();
    await userEvent.fill(form.getByLabelText('Feed address'), 'javascript:alert(1)');
    await userEvent.click(form.getByRole('button', { name: 'Add the feed' }));
    await expect.element(form.getByRole('alert')).toHaveTextContent('starting with https://');
    await userEvent.fill(form.getByLabelText('Feed address'), 'https://example.org/feed.xml');
    await userEvent.click(form.getByRole('button', { name: 'Add the feed' }));
    // Named after the feed's own title, which main read.
    await expect.element(screen.getByRole('region', { name: 'City Library News' }), WAIT).toBeVisible();
    expect(main.callsOf('feeds:inspect')).toEqual([{ url: 'https://example.org/feed.xml' }]);
    await expect
      .poll(() => main.callsOf('streams:subscribe')[0]?.source, WAIT)
      .toEqual({ type: 'rss', accountId: null, param: 'https://example.org/feed.xml' });
  });
});
