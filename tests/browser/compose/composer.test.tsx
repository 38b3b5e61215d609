// The composer against the publishing double and a real IndexedDB: live counts per network, autosave
// and restore after a restart, versions, the guard flow with a protected account, undo, reply mode.
import { afterEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
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

async function open(main = createPublishingMain(), dbName = `compose-${crypto.randomUUID()}`) {
  const app = await renderRoost({ main, dbName });
  closers.push(app.close);
  await expect.element(app.screen.getByTestId('save-state'), WAIT).toHaveAttribute('data-state', 'saved');
  return { ...app, main, dbName };
}

const textArea = (screen: Awaited<ReturnType<typeof open>>['screen']) => screen.getByLabelText('Post text');

describe('composer', () => {
  test('counts graphemes for Bluesky and URLs as 23 for Mastodon, per selected account', async () => {
    const main = createPublishingMain();
    const a = main.main.seedAccount(alice);
    const m = main.main.seedAccount(mastoUser, { network: 'mastodon' });
    const { screen } = await open(main);
    await userEvent.click(screen.getByTestId('pick-alice.test'));
    await userEvent.click(screen.getByTestId('pick-maud@masto.example'));
    const url = `https://example.com/${'a'.repeat(40)}`; // 60 characters
    await userEvent.fill(textArea(screen), `Hi 👩‍👩‍👧 ${url}`);
    // Bluesky: "Hi " (3) + one family emoji (1) + " " (1) + the URL as typed (60) = 65 of 300.
    await expect
      .element(screen.getByTestId(`count-text-${a.id}`), WAIT)
      .toHaveTextContent('@alice.test: 235 left of 300');
    // Mastodon: 3 + 1 + 1 + 23 for the URL = 28 of 500.
    await expect
      .element(screen.getByTestId(`count-text-${m.id}`), WAIT)
      .toHaveTextContent('@maud@masto.example: 472 left of 500');

    await userEvent.fill(textArea(screen), 'é'.repeat(301));
    await expect
      .element(screen.getByTestId(`count-text-${a.id}`), WAIT)
      .toHaveTextContent('1 over the limit of 300');
    await expect.element(screen.getByTestId(`count-${a.id}`)).toHaveAttribute('data-state', 'over');
    await expect.element(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    await expect
      .element(screen.getByTestId('compose-problems'))
      .toHaveTextContent('Too long for @alice.test by 1.');
  });

  test('a Mastodon limit from capabilities replaces the default', async () => {
    const main = createPublishingMain();
    main.setMastodonLimit(1000);
    const m = main.main.seedAccount(mastoUser, { network: 'mastodon' });
    const { screen } = await open(main);
    await userEvent.click(screen.getByTestId('pick-maud@masto.example'));
    await userEvent.fill(textArea(screen), 'hello');
    await expect
      .element(screen.getByTestId(`count-text-${m.id}`), WAIT)
      .toHaveTextContent('995 left of 1000');
  });

  test('autosaves while typing and restores text, accounts and caret after a restart', async () => {
    const main = createPublishingMain();
    main.main.seedAccount(alice);
    const first = await open(main);
    await userEvent.click(first.screen.getByTestId('pick-alice.test'));
    await userEvent.fill(textArea(first.screen), 'Nothing typed is ever lost');
    await expect.element(first.screen.getByTestId('save-state'), WAIT).toHaveAttribute('data-state', 'saved');
    await first.close();
    closers = closers.filter((c) => c !== first.close);

    const second = await open(main, first.dbName);
    await expect.element(textArea(second.screen), WAIT).toHaveValue('Nothing typed is ever lost');
    await expect
      .element(second.screen.getByTestId('pick-alice.test'))
      .toHaveAttribute('aria-pressed', 'true');
    const area = textArea(second.screen).element() as HTMLTextAreaElement;
    expect(area.selectionStart).toBe('Nothing typed is ever lost'.length);
    const saved = await second.drafts.lastOpen();
    expect(saved?.author).toBe('tester');
    expect(saved?.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  test('restores an earlier version of the draft', async () => {
    const { screen, drafts } = await open();
    await userEvent.fill(textArea(screen), 'First version');
    await expect.element(screen.getByTestId('save-state'), WAIT).toHaveAttribute('data-state', 'saved');
    await userEvent.fill(textArea(screen), 'Second version');
    await userEvent.click(screen.getByRole('heading', { name: 'Drafts' }));
    await expect.element(screen.getByRole('button', { name: 'Restore this version' }), WAIT).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Restore this version' }));
    await expect.element(textArea(screen), WAIT).toHaveValue('First version');
    // The replaced text became a version too.
    const draft = await drafts.lastOpen();
    expect(draft?.versions.map((v) => v.content.text)).toContain('Second version');
  });

  test('a protected account needs its handle typed; the wrong one keeps sending disabled', async () => {
    const main = createPublishingMain();
    const brand = main.main.seedAccount(alice, { protected: true });
    const { screen } = await open(main);
    await userEvent.click(screen.getByTestId('pick-alice.test'));
    await userEvent.fill(textArea(screen), 'Official announcement');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    const dialog = screen.getByRole('dialog', { name: 'Confirm before publishing' });
    await expect.element(dialog, WAIT).toBeVisible();
    const confirm = dialog.getByRole('button', { name: 'Confirm and send' });
    await userEvent.fill(
      dialog.getByLabelText('Type alice.test to post to this protected account'),
      'alice.tset',
    );
    await expect.element(confirm).toBeDisabled();
    expect(main.submits()).toHaveLength(0);
    await userEvent.fill(
      dialog.getByLabelText('Type alice.test to post to this protected account'),
      'alice.test',
    );
    await expect.element(confirm).toBeEnabled();
    await userEvent.click(confirm);
    await expect.poll(() => main.submits().length, WAIT).toBe(1);
    const submit = main.submits()[0];
    expect(submit?.clearanceId).toMatch(/^clr-/);
    expect(submit?.undoSeconds).toBe(10);
    expect(main.clearances()[0]?.typedHandles).toEqual({ [brand.id]: 'alice.test' });
    // Nothing is "sent" while the undo window runs; the line says so only once the network has it.
    await expect.element(screen.getByTestId('compose-notice'), WAIT).toHaveTextContent('Sending in');
    await expect.element(textArea(screen)).toHaveValue('');
    main.settle(main.jobs()[0]!.id, { state: 'sending' });
    await expect.element(screen.getByTestId('compose-notice'), WAIT).toHaveTextContent('Sending…');
    main.settle(main.jobs()[0]!.id, { state: 'sent', sentAt: new Date().toISOString() });
    await expect.element(screen.getByTestId('compose-notice'), WAIT).toHaveTextContent('Sent to 1 account.');
  });

  test('a blocked post says why and is not submitted', async () => {
    const main = createPublishingMain();
    main.main.seedAccount(alice);
    main.blockTerm('forbidden');
    const { screen } = await open(main);
    await userEvent.click(screen.getByTestId('pick-alice.test'));
    await userEvent.fill(textArea(screen), 'This is forbidden here');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await expect
      .element(screen.getByTestId('compose-blocked'), WAIT)
      .toHaveTextContent('“forbidden” is on the list of blocked terms.');
    expect(main.submits()).toHaveLength(0);
    await expect.element(textArea(screen)).toHaveValue('This is forbidden here');
  });

  test('undo cancels the jobs and brings the text back', async () => {
    const main = createPublishingMain();
    main.main.seedAccount(alice);
    const { screen } = await open(main);
    await userEvent.click(screen.getByTestId('pick-alice.test'));
    await userEvent.fill(textArea(screen), 'Oops, wrong link');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    const undo = screen.getByTestId('undo-toast').getByRole('button', { name: /^Undo \(\d+ s\)$/ });
    await expect.element(undo, WAIT).toBeVisible();
    await expect.element(screen.getByTestId('undo-toast')).toHaveTextContent('Sending in');
    await expect.element(screen.getByTestId('undo-toast')).not.toHaveTextContent('Sent to');
    await userEvent.click(undo);
    await expect.poll(() => main.jobs().map((j) => j.state), WAIT).toEqual(['cancelled']);
    expect(main.calls('outbox:cancel')).toBe(1);
    await expect.element(textArea(screen), WAIT).toHaveValue('Oops, wrong link');
    await expect
      .element(screen.getByTestId('undo-toast'))
      .toHaveTextContent('Cancelled. Your text is back in the composer.');
    await expect.element(screen.getByTestId('compose-notice')).toHaveTextContent('Cancelled.');
  });

  test('openComposer opens a reply from the deck and sends it with the reply reference', async () => {
    const main = createPublishingMain();
    const a = main.main.seedAccount(alice);
    const { screen, store } = await open(main, undefined);
    store.getState().navigate('streams');
    store.getState().openComposer({
      replyTo: item('at://did:plc:bob/app.bsky.feed.post/1', 'bob.test'),
      fromAccountId: a.id,
    });
    await expect.element(screen.getByTestId('compose-ref'), WAIT).toHaveTextContent('Replying to @bob.test');
    await expect.element(screen.getByTestId('pick-alice.test')).toHaveAttribute('aria-pressed', 'true');
    await userEvent.fill(textArea(screen), 'Thanks Bob!');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await expect.poll(() => main.submits().length, WAIT).toBe(1);
    expect(main.submits()[0]?.post.replyTo).toEqual({
      network: 'bluesky',
      remoteId: 'at://did:plc:bob/app.bsky.feed.post/1',
      cid: 'cid-1',
      sourceAccountId: a.id,
    });
  });
});

function item(remoteId: string, handle: string): StreamItem {
  const author = {
    id: 'did:plc:bob',
    handle,
    displayName: 'Bob',
    avatarUrl: null,
    profileUrl: null,
    server: null,
    location: null,
  };
  return {
    key: `bluesky:${remoteId}`,
    network: 'bluesky',
    accountId: null,
    kind: 'post',
    remoteId,
    actionRef: 'cid-1',
    url: null,
    author,
    via: null,
    title: null,
    text: 'Hello from Bob',
    html: null,
    facets: [],
    media: [],
    lang: 'en',
    contentWarning: null,
    replyTo: null,
    quote: null,
    counts: { replies: 0, reposts: 0, likes: 0, quotes: 0 },
    viewer: { liked: null, reposted: null },
    createdAt: new Date(0).toISOString(),
    seenAt: new Date(0).toISOString(),
  };
}
