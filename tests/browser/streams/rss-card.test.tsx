// An RSS item's card names the item's own author, or the feed's title when the item names none, and never
// shows the site's host as an `@handle` (a feed has no account); a Bluesky card keeps its `@handle`.
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ItemActions } from '../../../src-renderer/features/streams/components/item-actions-context.ts';
import { createItemJobs } from '../../../src-renderer/features/streams/model/item-jobs.ts';
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import { makeItem } from './support/items.ts';
import { renderCards } from './support/render-cards.tsx';

const actions: ItemActions = {
  accountId: 'acc-1',
  account: null,
  jobs: createItemJobs(),
  toggleLike: async () => null,
  publish: async () => null,
  replied: () => undefined,
  openThread: () => undefined,
  muteAuthor: () => undefined,
  select: () => undefined,
};

function rssItem(id: string, displayName: string): StreamItem {
  return makeItem({
    id,
    network: 'rss',
    accountId: null,
    kind: 'article',
    remoteId: `https://blog.example:8443/${id}`,
    actionRef: null,
    url: `https://blog.example:8443/${id}`,
    title: `Article ${id}`,
    author: {
      id: 'https://blog.example:8443/feed.xml',
      handle: 'blog.example:8443',
      displayName,
      avatarUrl: null,
      profileUrl: null,
      server: 'blog.example:8443',
      location: null,
    },
  });
}

describe('RSS item cards', () => {
  test('show the author or the feed title, with no @host', async () => {
    const screen = await renderCards(
      [
        rssItem('by-author', 'Ada Lovelace'),
        rssItem('by-feed', 'The Example Blog'),
        makeItem({ id: 'bsky', text: 'a Bluesky post' }),
      ],
      { actions },
    );
    const [byAuthor, byFeed, bsky] = screen.getByRole('article').elements();
    await expect.element(screen.getByText('Ada Lovelace')).toBeVisible();
    await expect.element(screen.getByText('The Example Blog')).toBeVisible();
    expect(byAuthor!.textContent).not.toContain('@');
    expect(byAuthor!.textContent).not.toContain('blog.example');
    expect(byFeed!.textContent).not.toContain('@');
    expect(bsky!.querySelector('.item__handle')?.textContent).toBe('@author.test');
  });

  test('the mute entry names the site without an @', async () => {
    const screen = await renderCards([rssItem('muted', 'Ada Lovelace')], { actions });
    await userEvent.click(screen.getByRole('button', { name: 'Other actions on this post' }));
    await expect.element(screen.getByRole('button', { name: 'Mute blog.example:8443' })).toBeVisible();
  });

  test('French keeps the same shape', async () => {
    const screen = await renderCards([rssItem('fr', 'Ada Lovelace')], { locale: 'fr', actions });
    await userEvent.click(screen.getByRole('button', { name: 'Autres actions sur ce message' }));
    await expect.element(screen.getByRole('button', { name: 'Masquer blog.example:8443' })).toBeVisible();
  });
});
