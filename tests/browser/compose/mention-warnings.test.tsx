// The composer shows, before sending, what Bluesky will make of the text: main's compose:richText answer
// (stood in for here by a fixed answer in the contract's shape — the detector and handle resolution behind
// it are tested in tests/unit/compose/compose-handlers.test.ts and on the local network in
// tests/integration/bluesky/mentions.test.ts) becomes marked links, mentions, tags and cashtags in the
// Bluesky preview and a warning for each mention that is no account. Mastodon's preview stays as typed.
import { afterEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { RequestInput } from '../../../src-shared/contract/contract.ts';
import type { Transport } from '../../../src-renderer/bridge/transport.ts';
import { createPublishingMain, type PublishingMain } from './support/publishing-main.ts';
import { renderRoost } from './support/render-roost.tsx';

const WAIT = { timeout: 5_000 };
const alice = { identifier: 'alice.test', password: 'x', handle: 'alice.test', displayName: 'Alice' };
const mastoUser = { identifier: 'm', password: 'x', handle: 'maud@masto.example', displayName: 'Maud' };
const TEXT = 'Hi @bob.test and @typo.test #roost $AAPL https://example.com';
const ANSWER = {
  texts: [
    {
      facets: [
        { kind: 'mention', value: 'bob.test', start: 3, end: 12, mention: 'account' },
        { kind: 'mention', value: 'typo.test', start: 17, end: 27, mention: 'no_account' },
        { kind: 'tag', value: 'roost', start: 28, end: 34, mention: null },
        { kind: 'cashtag', value: '$AAPL', start: 35, end: 40, mention: null },
        { kind: 'link', value: 'https://example.com', start: 41, end: 60, mention: null },
      ],
    },
  ],
};

let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

/** Main with compose:richText answered for TEXT; every request it receives is kept. */
function withRichText(main: PublishingMain) {
  const asked: RequestInput<'compose:richText'>[] = [];
  const transport: Transport = {
    ...main.transport,
    kind: main.transport.kind,
    request: async (method, input) => {
      if (method !== 'compose:richText') return main.transport.request(method, input);
      const request = input as RequestInput<'compose:richText'>;
      asked.push(request);
      return request.texts[0] === TEXT
        ? { ok: true, value: ANSWER }
        : { ok: true, value: { texts: request.texts.map(() => ({ facets: [] })) } };
    },
    onEvent: (l) => main.transport.onEvent(l),
    state: () => main.transport.state(),
    onState: (l) => main.transport.onState(l),
    close: () => main.transport.close(),
  };
  return { main: { ...main, transport }, asked };
}

async function open(main: PublishingMain) {
  const app = await renderRoost({ main, dbName: `mentions-${crypto.randomUUID()}` });
  closers.push(app.close);
  await expect.element(app.screen.getByTestId('save-state'), WAIT).toHaveAttribute('data-state', 'saved');
  return app;
}

describe('mentions that will not link', () => {
  test('are named before sending, and the Bluesky preview marks what will link', async () => {
    const base = createPublishingMain();
    const a = base.main.seedAccount(alice);
    base.main.seedAccount(mastoUser, { network: 'mastodon' });
    const { main, asked } = withRichText(base);
    const { screen } = await open(main);
    await userEvent.click(screen.getByTestId('pick-alice.test'));
    await userEvent.click(screen.getByTestId('pick-maud@masto.example'));
    await userEvent.fill(screen.getByLabelText('Post text'), TEXT);

    await expect
      .element(screen.getByTestId('compose-mention-warnings'), WAIT)
      .toHaveTextContent('@typo.test is not a Bluesky account — it will be posted as plain text.');
    expect(asked.at(-1)).toEqual({ accountId: a.id, texts: [TEXT] });

    const bluesky = screen.getByTestId('preview-alice.test');
    await expect.element(bluesky.getByText('@bob.test'), WAIT).toHaveAttribute('data-facet', 'mention');
    await expect.element(bluesky.getByText('#roost')).toHaveAttribute('data-facet', 'tag');
    await expect.element(bluesky.getByText('$AAPL')).toHaveAttribute('data-facet', 'cashtag');
    await expect.element(bluesky.getByText('https://example.com')).toHaveAttribute('data-facet', 'link');
    // The mention that is no account is shown as it will be posted: plain text.
    const bPreview = bluesky.element();
    expect(bPreview.querySelectorAll('[data-facet]')).toHaveLength(4);
    expect(bPreview.querySelector('.preview__text')?.textContent).toBe(TEXT);
    expect(
      screen.getByTestId('preview-maud@masto.example').element().querySelectorAll('[data-facet]'),
    ).toHaveLength(0);

    // Sending is not blocked by the warning.
    await expect.element(screen.getByRole('button', { name: 'Send' })).toBeEnabled();
  });

  test('a Mastodon-only post asks nothing and warns of nothing', async () => {
    const base = createPublishingMain();
    base.main.seedAccount(mastoUser, { network: 'mastodon' });
    const { main, asked } = withRichText(base);
    const { screen } = await open(main);
    await userEvent.click(screen.getByTestId('pick-maud@masto.example'));
    await userEvent.fill(screen.getByLabelText('Post text'), TEXT);
    await expect.element(screen.getByTestId('preview-maud@masto.example'), WAIT).toHaveTextContent('$AAPL');
    await new Promise((resolve) => setTimeout(resolve, 600)); // past the composer's quiet period
    expect(asked).toEqual([]);
    expect(screen.getByTestId('compose-mention-warnings').query()).toBeNull();
  });
});
