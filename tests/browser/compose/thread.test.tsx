// A thread from the composer against the publishing double and a real IndexedDB: follow-up posts, the
// Mastodon visibility and the language are no longer held back; they reach main in the submitted post.
import { afterEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createPublishingMain } from './support/publishing-main.ts';
import { renderRoost } from './support/render-roost.tsx';

const WAIT = { timeout: 5_000 };
const alice = { identifier: 'alice.test', password: 'x', handle: 'alice.test', displayName: 'Alice' };
const mastoUser = { identifier: 'm', password: 'x', handle: 'maud@masto.example', displayName: 'Maud' };

let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

async function open(main = createPublishingMain()) {
  const app = await renderRoost({ main, dbName: `thread-${crypto.randomUUID()}` });
  closers.push(app.close);
  await expect.element(app.screen.getByTestId('save-state'), WAIT).toHaveAttribute('data-state', 'saved');
  return app;
}

describe('composing a thread', () => {
  test('sends the follow-ups, the Mastodon visibility and the language with the post', async () => {
    const main = createPublishingMain();
    const a = main.main.seedAccount(alice);
    const m = main.main.seedAccount(mastoUser, { network: 'mastodon' });
    const { screen } = await open(main);
    await userEvent.click(screen.getByTestId('pick-alice.test'));
    await userEvent.click(screen.getByTestId('pick-maud@masto.example'));
    await userEvent.fill(screen.getByLabelText('Post text'), 'A thread in three parts 1/3');
    await userEvent.click(screen.getByRole('button', { name: 'Add a follow-up post' }));
    await userEvent.fill(screen.getByLabelText('Post 2 of the thread'), 'The middle 2/3');
    await userEvent.click(screen.getByRole('button', { name: 'Add a follow-up post' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add a follow-up post' }));
    await userEvent.fill(screen.getByLabelText('Post 3 of the thread'), 'The end 3/3');
    // Post 4 stays blank: it is left out rather than sent empty.
    await userEvent.selectOptions(screen.getByLabelText('Visibility (Mastodon)'), 'unlisted');
    await userEvent.selectOptions(screen.getByLabelText('Language', { exact: true }), 'fr');

    const send = screen.getByRole('button', { name: 'Send' });
    await expect.element(send, WAIT).toBeEnabled();
    await expect.element(screen.getByTestId('compose-problems')).not.toBeInTheDocument();
    await userEvent.click(send);
    await expect.poll(() => main.submits().length, WAIT).toBe(1);

    const targets = main.submits()[0]!.post.targets;
    const followUps = [
      { text: 'The middle 2/3', contentWarning: null },
      { text: 'The end 3/3', contentWarning: null },
    ];
    expect(targets.find((t) => t.accountId === a.id)).toEqual(
      expect.objectContaining({
        text: 'A thread in three parts 1/3',
        followUps,
        visibility: null,
        language: 'fr',
      }),
    );
    expect(targets.find((t) => t.accountId === m.id)).toEqual(
      expect.objectContaining({ followUps, visibility: 'unlisted', language: 'fr' }),
    );
    // The clearance main accepted covers the same thread.
    expect(main.clearances().every((c) => c.post.targets[0]?.followUps?.length === 2)).toBe(true);
  });

  test('a follow-up too long for a network keeps Send disabled and says so', async () => {
    const main = createPublishingMain();
    main.main.seedAccount(alice);
    const { screen } = await open(main);
    await userEvent.click(screen.getByTestId('pick-alice.test'));
    await userEvent.fill(screen.getByLabelText('Post text'), 'Short first post');
    await userEvent.click(screen.getByRole('button', { name: 'Add a follow-up post' }));
    await userEvent.fill(screen.getByLabelText('Post 2 of the thread'), 'x'.repeat(305));
    await expect
      .element(screen.getByTestId('compose-problems'), WAIT)
      .toHaveTextContent('Too long for @alice.test by 5.');
    await expect.element(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
  });
});
