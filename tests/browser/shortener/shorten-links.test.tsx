// The composer's "Shorten links" toggle against a double of main (contract router in front of an
// in-memory shortener, plus the publishing double): Bluesky links are replaced before sending, Mastodon
// links stay unless allowed, links are shortened after campaign tagging, and turning it off undoes it.
import { afterEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { renderRoost } from '../compose/support/render-roost.tsx';
import { createShortenerMain, type ShortenerMain } from './support/shortener-main.ts';

const WAIT = { timeout: 5_000 };
const alice = { identifier: 'alice.test', password: 'x', handle: 'alice.test', displayName: 'Alice' };
const maud = { identifier: 'm', password: 'x', handle: 'maud@masto.example', displayName: 'Maud' };

let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

async function compose(main: ShortenerMain) {
  const app = await renderRoost({ main, dbName: `shorten-${crypto.randomUUID()}` });
  closers.push(app.close);
  await expect.element(app.screen.getByTestId('save-state'), WAIT).toHaveAttribute('data-state', 'saved');
  return app;
}

function withAccounts(allowMastodon: boolean) {
  const main = createShortenerMain();
  const a = main.main.seedAccount(alice);
  const m = main.main.seedAccount(maud, { network: 'mastodon' });
  main.configure({ provider: 'shlink', baseUrl: 'https://s.test', allowMastodon });
  return { main, a, m };
}

describe('composer: Shorten links', () => {
  test('replaces Bluesky links with short links, leaves Mastodon alone, and sends that', async () => {
    const { main, a, m } = withAccounts(false);
    const { screen } = await compose(main);
    await userEvent.click(screen.getByTestId('pick-alice.test'));
    await userEvent.click(screen.getByTestId('pick-maud@masto.example'));
    await userEvent.fill(
      screen.getByLabelText('Post text'),
      'Read https://example.com/a-long/article-path now',
    );
    await expect
      .element(screen.getByText('Links in Mastodon posts are left as they are.'), WAIT)
      .toBeVisible();

    await userEvent.click(screen.getByLabelText('Shorten links'));
    const mapping = screen.getByTestId('shortened-links');
    await expect.element(mapping, WAIT).toHaveTextContent('https://s.test/c1');
    await expect.element(mapping).toHaveTextContent('https://example.com/a-long/article-path');
    expect(main.shortenCalls()).toEqual([
      { urls: ['https://example.com/a-long/article-path'], network: 'bluesky' },
    ]);
    await expect.element(screen.getByRole('tab', { name: 'Bluesky (own text)' }), WAIT).toBeVisible();

    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await expect.poll(() => main.submits().length, WAIT).toBe(1);
    const targets = main.submits()[0]?.post.targets ?? [];
    expect(targets.find((t) => t.accountId === a.id)?.text).toBe('Read https://s.test/c1 now');
    expect(targets.find((t) => t.accountId === m.id)?.text).toBe(
      'Read https://example.com/a-long/article-path now',
    );
  });

  test('shortens the campaign-tagged link, and Mastodon too when Settings allow it', async () => {
    const { main } = withAccounts(true);
    const { screen } = await compose(main);
    await userEvent.click(screen.getByTestId('pick-alice.test'));
    await userEvent.click(screen.getByTestId('pick-maud@masto.example'));
    await userEvent.fill(screen.getByLabelText('Post text'), 'New: https://example.com/p');
    await userEvent.click(screen.getByLabelText('Tag links for a campaign'));
    await userEvent.fill(screen.getByLabelText('Campaign name'), 'spring');
    await userEvent.click(screen.getByLabelText('Shorten links'));
    await expect.poll(() => main.shortenCalls().length, WAIT).toBe(2);
    expect(main.shortenCalls()).toEqual([
      {
        urls: ['https://example.com/p?utm_source=bluesky&utm_medium=social&utm_campaign=spring'],
        network: 'bluesky',
      },
      {
        urls: ['https://example.com/p?utm_source=mastodon&utm_medium=social&utm_campaign=spring'],
        network: 'mastodon',
      },
    ]);
    await expect.element(screen.getByTestId('shortened-links'), WAIT).toHaveTextContent('https://s.test/c2');
    await expect.element(screen.getByTestId('save-state'), WAIT).toHaveAttribute('data-state', 'saved');
  });

  test('turning it off puts the long links back, and new links can be shortened on request', async () => {
    const { main } = withAccounts(false);
    const { screen } = await compose(main);
    await userEvent.click(screen.getByTestId('pick-alice.test'));
    await userEvent.fill(screen.getByLabelText('Post text'), 'See https://example.com/one');
    await userEvent.click(screen.getByLabelText('Shorten links'));
    await expect.element(screen.getByTestId('shortened-links'), WAIT).toHaveTextContent('https://s.test/c1');
    const preview = screen.getByTestId('compose').getByText('See https://s.test/c1');
    await expect.element(preview.first(), WAIT).toBeVisible();

    await userEvent.click(screen.getByLabelText('Shorten links'));
    await expect.element(screen.getByTestId('shortened-links')).not.toBeInTheDocument();
    await expect
      .element(screen.getByTestId('compose').getByText('See https://s.test/c1').first())
      .not.toBeInTheDocument();

    await userEvent.click(screen.getByLabelText('Shorten links'));
    await expect.element(screen.getByTestId('shortened-links'), WAIT).toHaveTextContent('https://s.test/c1');
    expect(main.shortenCalls()).toHaveLength(2);
  });

  test('without a shortener set up the toggle is off and says where to set one up', async () => {
    const main = createShortenerMain();
    main.main.seedAccount(alice);
    const { screen } = await compose(main);
    await expect
      .element(screen.getByText('Set up a link shortener in Settings → Link shortener to use this.'), WAIT)
      .toBeVisible();
    await expect.element(screen.getByLabelText('Shorten links')).toBeDisabled();
  });
});
