// Settings → Link shortener against a double of main (contract router in front of an in-memory
// shortener): setting up with a wrong then a right key, the key field emptied, removing, counting clicks.
import { afterEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { renderRoost } from '../compose/support/render-roost.tsx';
import { GOOD_KEY, createShortenerMain, type ShortenerMain } from './support/shortener-main.ts';

const WAIT = { timeout: 5_000 };
let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

async function openTab(main: ShortenerMain) {
  const app = await renderRoost({ main, dbName: `shortener-${crypto.randomUUID()}`, section: 'settings' });
  closers.push(app.close);
  await app.screen.getByRole('button', { name: 'Link shortener' }).click();
  await expect.element(app.screen.getByRole('heading', { name: 'Link shortener' }), WAIT).toBeVisible();
  return app;
}

describe('Settings → Link shortener', () => {
  test('a refused key is explained, a good one is saved, and the key never stays in the page', async () => {
    const main = createShortenerMain();
    const { screen, store } = await openTab(main);
    await expect
      .element(screen.getByTestId('shortener-status'), WAIT)
      .toHaveTextContent('No link shortener is set up.');

    await userEvent.selectOptions(screen.getByLabelText('Shortener type'), 'Shlink');
    await userEvent.fill(screen.getByLabelText('Server address'), 'https://s.test/');
    const keyField = screen.getByLabelText('API key or signature token');
    await expect.element(keyField).toHaveAttribute('type', 'password');
    await userEvent.fill(keyField, 'wrong-key-42');
    await userEvent.click(screen.getByRole('button', { name: 'Check and save' }));
    await expect
      .element(screen.getByTestId('shortener-error'), WAIT)
      .toHaveAttribute('data-code', 'auth_failed');
    await expect
      .element(screen.getByTestId('shortener-error'))
      .toHaveTextContent('The shortener refused this key.');
    await expect.element(keyField).toHaveValue('');
    expect(main.storedKey()).toBeNull();

    await userEvent.fill(keyField, GOOD_KEY);
    await userEvent.click(screen.getByRole('button', { name: 'Check and save' }));
    await expect
      .element(screen.getByTestId('shortener-status'), WAIT)
      .toHaveTextContent('Using Shlink at https://s.test.');
    await expect
      .element(screen.getByTestId('shortener-notice'))
      .toHaveTextContent('The key is in your system keychain.');
    expect(main.storedKey()).toBe(GOOD_KEY);
    expect(main.received.find((r) => r.method === 'shortener:configure')?.input).toMatchObject({
      provider: 'shlink',
      baseUrl: 'https://s.test/',
      allowMastodon: false,
    });
    // The form is gone and nothing the renderer keeps holds the key.
    await expect.element(screen.getByTestId('shortener-form')).not.toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(GOOD_KEY);
    expect(JSON.stringify(store.getState())).not.toContain(GOOD_KEY);
    expect(JSON.stringify({ ...sessionStorage, ...localStorage })).not.toContain(GOOD_KEY);
  });

  test('allowing Mastodon later, and removing the shortener with its key', async () => {
    const main = createShortenerMain();
    main.configure({ provider: 'yourls', baseUrl: 'https://s.test', allowMastodon: false });
    const { screen } = await openTab(main);
    await expect
      .element(screen.getByTestId('shortener-status'), WAIT)
      .toHaveTextContent('Using YOURLS at https://s.test.');
    await userEvent.click(screen.getByLabelText('Also shorten links in Mastodon posts'));
    await expect.element(screen.getByLabelText('Also shorten links in Mastodon posts'), WAIT).toBeChecked();
    expect(main.received.at(-1)).toEqual({ method: 'shortener:setOptions', input: { allowMastodon: true } });

    await userEvent.click(screen.getByRole('button', { name: 'Remove link shortener' }));
    await expect
      .element(screen.getByTestId('shortener-status'), WAIT)
      .toHaveTextContent('No link shortener is set up.');
    await expect
      .element(screen.getByTestId('shortener-notice'))
      .toHaveTextContent('The link shortener and its key were removed.');
    expect(main.storedKey()).toBeNull();
  });

  test('lists the links Roost shortened and counts their clicks on request', async () => {
    const main = createShortenerMain();
    main.configure({ provider: 'shlink', baseUrl: 'https://s.test', allowMastodon: false });
    await main.transport.request('shortener:shorten', {
      urls: ['https://example.com/launch'],
      network: 'bluesky',
    });
    main.setVisits('c1', 3);
    const { screen } = await openTab(main);
    const list = screen.getByTestId('shortener-links');
    await expect.element(list, WAIT).toHaveTextContent('https://s.test/c1');
    await expect.element(list).toHaveTextContent('not counted yet');
    await userEvent.click(screen.getByRole('button', { name: 'Count clicks' }));
    await expect.element(list, WAIT).toHaveTextContent('3 clicks');
    expect(main.received.find((r) => r.method === 'shortener:clicks')?.input).toEqual({ codes: ['c1'] });
  });
});
