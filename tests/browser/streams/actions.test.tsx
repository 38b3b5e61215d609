// Item actions: likes call items:act; reposts and replies go to the outbox and show their progress; the
// thread opens a panel; protected accounts ask for their handle first; column filters hide and show items.
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { homeSource, keyOf, withColumns } from './support/columns.ts';
import { makeItem } from './support/items.ts';
import { renderDeck } from './support/render-deck.tsx';
import { createStreamsMain, testAccount } from './support/streams-main.ts';

const WAIT = { timeout: 5_000 };
const HOME = keyOf(homeSource);

const card = (root: HTMLElement, id: string) => {
  const el = [...root.querySelectorAll<HTMLElement>('[data-item-key]')].find((e) =>
    e.dataset.itemKey!.endsWith(`/${id}`),
  );
  if (!el) throw new Error(`no card ${id}`);
  return el;
};

describe('item actions', () => {
  test('like and unlike send the item’s ref; repost and reply go through the outbox; thread opens a panel', async () => {
    const { screen, main } = await renderDeck({
      prepare: withColumns({ title: 'Home', source: homeSource }),
    });
    await expect.poll(() => main.subscriptions.size, WAIT).toBe(1);
    const item = makeItem({
      id: 'act',
      text: 'act on me',
      counts: { replies: 1, reposts: 2, likes: 3, quotes: 0 },
    });
    main.emitItems(HOME, [item]);
    const article = screen.getByRole('region', { name: 'Home' }).getByRole('article');
    await expect.element(article, WAIT).toBeVisible();
    const ref = {
      network: 'bluesky',
      remoteId: item.remoteId,
      actionRef: item.actionRef,
      viewerLiked: null,
      viewerReposted: null,
    };

    await userEvent.click(article.getByRole('button', { name: 'Like' }));
    await expect
      .poll(() => main.callsOf('items:act'), WAIT)
      .toEqual([{ accountId: 'acc-1', item: ref, action: 'like' }]);
    await expect
      .element(article.getByRole('button', { name: 'Like' }))
      .toHaveAttribute('aria-pressed', 'true');
    await expect.element(article.getByRole('button', { name: 'Like' })).toHaveTextContent('4');
    await userEvent.click(article.getByRole('button', { name: 'Like' }));
    await expect
      .poll(() => main.callsOf('items:act')[1], WAIT)
      .toEqual({
        accountId: 'acc-1',
        item: { ...ref, viewerLiked: 'at://did:plc:me/record/1' },
        action: 'unlike',
      });
    await expect
      .element(article.getByRole('button', { name: 'Like' }))
      .toHaveAttribute('aria-pressed', 'false');

    // A repost goes to the outbox (no direct call): undo-able while held, counted once the network has it.
    await userEvent.click(article.getByRole('button', { name: 'Repost' }));
    await expect.poll(() => main.callsOf('outbox:submitAction').length, WAIT).toBe(1);
    expect(main.callsOf('outbox:submitAction')[0]).toMatchObject({
      action: { accountId: 'acc-1', kind: 'repost', item: { remoteId: item.remoteId } },
      clearanceId: null,
    });
    expect(main.callsOf('items:act').map((c) => c.action)).toEqual(['like', 'unlike']);
    await expect.element(article.getByTestId('progress-line')).toHaveTextContent('Reposting in');
    const repostJob = main.jobs()[0]!;
    main.settle(repostJob.id, 'sent', { remoteId: 'at://did:plc:me/app.bsky.feed.repost/3r' });
    await expect.element(article.getByTestId('progress-line'), WAIT).toHaveTextContent('Reposted.');
    await expect
      .element(article.getByRole('button', { name: 'Undo repost' }))
      .toHaveAttribute('aria-pressed', 'true');
    await expect.element(article.getByRole('button', { name: 'Undo repost' })).toHaveTextContent('3');

    // A reply is a post through the guards and the outbox; it shows under its item once sent.
    await userEvent.click(article.getByRole('button', { name: 'Reply' }));
    const box = article.getByLabelText('Reply to @author.test');
    await expect.element(box).toHaveFocus();
    await userEvent.fill(box, 'Thanks for reaching out!');
    await userEvent.click(article.getByRole('button', { name: 'Send reply' }));
    await expect.poll(() => main.callsOf('outbox:submit').length, WAIT).toBe(1);
    expect(main.callsOf('outbox:submit')[0]).toMatchObject({
      post: {
        targets: [{ accountId: 'acc-1', text: 'Thanks for reaching out!' }],
        replyTo: { remoteId: item.remoteId, cid: item.actionRef, sourceAccountId: 'acc-1' },
        quote: null,
      },
    });
    await expect.element(article.getByTestId('progress-line').last()).toHaveTextContent('Sending in');
    main.settle(main.jobs()[1]!.id, 'sent', { url: 'https://bsky.example/reply' });
    await expect.element(box, WAIT).not.toBeInTheDocument();
    await expect.element(article.getByTestId('sent-echo')).toHaveTextContent('Thanks for reaching out!');
    await expect.element(article.getByRole('button', { name: 'Reply' })).toHaveTextContent('2');

    main.setThread([makeItem({ id: 'root', text: 'the thread root' }), item]);
    await userEvent.click(article.getByRole('button', { name: 'Thread' }));
    const panel = screen.getByRole('complementary', { name: 'Thread' });
    await expect.element(panel.getByText('the thread root'), WAIT).toBeVisible();
    expect(main.callsOf('items:thread')[0]).toMatchObject({
      accountId: 'acc-1',
      item: { remoteId: item.remoteId },
    });
    // Open in browser is an http(s) link that opens outside, without an opener, in the card's More menu.
    await userEvent.click(article.getByRole('button', { name: 'Other actions on this post' }));
    const open = article.getByRole('link', { name: 'Open in browser' });
    await expect.element(open).toHaveAttribute('href', item.url!);
    await expect.element(open).toHaveAttribute('rel', 'noopener noreferrer');
    await expect.element(open).toHaveAttribute('target', '_blank');
  });

  test('a protected account asks for its handle before a reply or a repost, and undo cancels the job', async () => {
    const { screen, main } = await renderDeck({
      main: createStreamsMain([testAccount({ protected: true, handle: 'brand.test' })]),
      prepare: withColumns({ title: 'Mentions', source: homeSource }),
    });
    await expect.poll(() => main.subscriptions.size, WAIT).toBe(1);
    const item = makeItem({ id: 'guarded', text: 'Is anyone there?' });
    main.emitItems(HOME, [item]);
    const article = screen.getByRole('region', { name: 'Mentions' }).getByRole('article');
    await expect.element(article, WAIT).toBeVisible();

    await userEvent.click(article.getByRole('button', { name: 'Reply' }));
    await userEvent.fill(article.getByLabelText('Reply to @author.test'), 'We are here.');
    await userEvent.click(article.getByRole('button', { name: 'Send reply' }));
    const dialog = screen.getByRole('dialog', { name: 'Confirm before publishing' });
    await expect.element(dialog, WAIT).toBeVisible();
    expect(main.callsOf('outbox:submit')).toEqual([]);
    await expect.element(dialog.getByLabelText('Type brand.test', { exact: false })).toHaveFocus();
    await userEvent.keyboard('brand.tes');
    await expect.element(dialog.getByRole('button', { name: 'Confirm and send' })).toBeDisabled();
    await userEvent.keyboard('t{Enter}');
    await expect.poll(() => main.callsOf('outbox:submit').length, WAIT).toBe(1);
    expect(main.callsOf('outbox:submit')[0]?.clearanceId).toBe('grant-1');
    await expect.element(dialog).not.toBeInTheDocument();
    await userEvent.click(article.getByRole('button', { name: 'Undo' }));
    await expect.element(article.getByTestId('progress-line'), WAIT).toHaveTextContent('Cancelled.');
    await expect.element(article.getByLabelText('Reply to @author.test')).toHaveValue('We are here.');

    await userEvent.click(article.getByRole('button', { name: 'Repost' }));
    const again = screen.getByRole('dialog', { name: 'Confirm before publishing' });
    await expect.element(again, WAIT).toBeVisible();
    await userEvent.click(again.getByRole('button', { name: 'Back to editing' }));
    await expect.element(again).not.toBeInTheDocument();
    expect(main.callsOf('outbox:submitAction')).toEqual([]);
  });

  test('an open thread reloads once a reply to one of its posts reaches the network', async () => {
    const { screen, main } = await renderDeck({
      prepare: withColumns({ title: 'Home', source: homeSource }),
    });
    await expect.poll(() => main.subscriptions.size, WAIT).toBe(1);
    const item = makeItem({ id: 'threaded', text: 'Start of a conversation' });
    main.emitItems(HOME, [item]);
    const article = screen.getByRole('region', { name: 'Home' }).getByRole('article');
    await expect.element(article, WAIT).toBeVisible();
    main.setThread([item]);
    await userEvent.click(article.getByRole('button', { name: 'Thread' }));
    await expect.poll(() => main.callsOf('items:thread').length, WAIT).toBe(1);
    await userEvent.click(article.getByRole('button', { name: 'Reply' }));
    await userEvent.fill(article.getByLabelText('Reply to @author.test'), 'Joining in');
    await userEvent.click(article.getByRole('button', { name: 'Send reply' }));
    await expect.poll(() => main.jobs().length, WAIT).toBe(1);
    main.setThread([item, makeItem({ id: 'answer', text: 'Joining in, as the brand' })]);
    main.settle(main.jobs()[0]!.id, 'sent');
    const panel = screen.getByRole('complementary', { name: 'Thread' });
    await expect.element(panel.getByText('Joining in, as the brand'), WAIT).toBeVisible();
    expect(main.callsOf('items:thread')).toHaveLength(2);
  });

  test('RSS items offer no network actions', async () => {
    const source = { type: 'rss' as const, accountId: null, param: 'https://example.org/feed.xml' };
    const { screen, main } = await renderDeck({ prepare: withColumns({ title: 'Feed', source }) });
    await expect.poll(() => main.subscriptions.size, WAIT).toBe(1);
    main.emitItems(keyOf(source), [
      makeItem({ id: 'rss1', network: 'rss', accountId: null, actionRef: null, text: 'an article' }),
    ]);
    const article = screen.getByRole('article');
    await expect.element(article, WAIT).toBeVisible();
    await expect.element(article.getByRole('button', { name: 'Like' })).not.toBeInTheDocument();
    await userEvent.click(article.getByRole('button', { name: 'Other actions on this post' }));
    await expect.element(article.getByRole('link', { name: 'Open in browser' })).toBeVisible();
  });
});

describe('column filters', () => {
  test('exclude keywords, minimum engagement and muted authors hide items; clearing shows them again', async () => {
    const { screen, main, layout } = await renderDeck({
      prepare: withColumns({ title: 'Home', source: homeSource }),
    });
    await expect.poll(() => main.subscriptions.size, WAIT).toBe(1);
    main.emitItems(HOME, [
      makeItem({ id: 'a', text: 'Where is my refund?' }),
      makeItem({
        id: 'b',
        text: 'Lovely service today',
        counts: { replies: 3, reposts: 4, likes: 5, quotes: 0 },
      }),
      makeItem({ id: 'c', text: 'Spam from a bot', author: { ...makeItem().author, handle: 'bot.test' } }),
    ]);
    const root = screen.container;
    await expect.poll(() => root.querySelectorAll('[data-item-key]').length, WAIT).toBe(3);
    const column = screen.getByRole('region', { name: 'Home' });
    await userEvent.click(column.getByRole('button', { name: 'Options' }));
    await userEvent.click(column.getByRole('button', { name: 'Filters' }));
    const form = screen.getByRole('form', { name: 'Column filters' });
    await expect
      .element(form.getByTestId('region-explanation'))
      .toHaveTextContent('Networks do not say where people are');
    await userEvent.fill(form.getByLabelText('Hide posts with'), 'refund');
    await userEvent.click(form.getByRole('button', { name: 'Apply filters' }));
    await expect.poll(() => root.querySelectorAll('[data-item-key]').length, WAIT).toBe(2);
    expect(() => card(root, 'a')).toThrow();

    await userEvent.click(column.getByRole('button', { name: 'Filters' }));
    await userEvent.fill(
      screen
        .getByRole('form', { name: 'Column filters' })
        .getByLabelText('Minimum interactions', { exact: false }),
      '10',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await expect.poll(() => root.querySelectorAll('[data-item-key]').length, WAIT).toBe(1);
    card(root, 'b');

    await userEvent.click(column.getByRole('button', { name: 'Filters' }));
    const again = screen.getByRole('form', { name: 'Column filters' });
    await userEvent.fill(again.getByLabelText('Hide posts with'), '');
    await userEvent.fill(again.getByLabelText('Minimum interactions', { exact: false }), '0');
    await userEvent.click(again.getByRole('button', { name: 'Apply filters' }));
    await expect.poll(() => root.querySelectorAll('[data-item-key]').length, WAIT).toBe(3);

    // Muting an author from a card stores it in the column filter.
    const bot = screen.getByRole('article').filter({ hasText: 'Spam from a bot' });
    await userEvent.click(bot.getByRole('button', { name: 'Other actions on this post' }));
    await userEvent.click(screen.getByRole('button', { name: 'Mute @bot.test' }));
    await expect.poll(() => root.querySelectorAll('[data-item-key]').length, WAIT).toBe(2);
    expect((await layout.load()).columns[0]?.filter.mutedAuthors).toEqual(['bot.test']);
  });

  test('a region filter keeps posts with a matching language, server or place', async () => {
    const { screen, main } = await renderDeck({
      prepare: withColumns({ title: 'Home', source: homeSource }),
    });
    await expect.poll(() => main.subscriptions.size, WAIT).toBe(1);
    const base = makeItem().author;
    main.emitItems(HOME, [
      makeItem({ id: 'fr', text: 'Bonjour à tous', lang: 'fr' }),
      makeItem({ id: 'lyon', text: 'Hello', lang: 'en', author: { ...base, location: 'Lyon, France' } }),
      makeItem({ id: 'other', text: 'Hello from elsewhere', lang: 'en' }),
    ]);
    const root = screen.container;
    await expect.poll(() => root.querySelectorAll('[data-item-key]').length, WAIT).toBe(3);
    const column = screen.getByRole('region', { name: 'Home' });
    await userEvent.click(column.getByRole('button', { name: 'Options' }));
    await userEvent.click(column.getByRole('button', { name: 'Filters' }));
    const form = screen.getByRole('form', { name: 'Column filters' });
    await userEvent.fill(form.getByLabelText('Post languages'), 'fr');
    await userEvent.fill(form.getByLabelText('Places in profile locations'), 'Lyon');
    await userEvent.click(form.getByRole('button', { name: 'Apply filters' }));
    await expect.poll(() => root.querySelectorAll('[data-item-key]').length, WAIT).toBe(2);
    expect(() => card(root, 'other')).toThrow();
  });
});
