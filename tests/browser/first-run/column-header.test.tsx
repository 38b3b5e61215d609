// Column headers at a glance: the account's avatar with its network's mark, the kind of column with the
// account's handle, and the options behind one icon button with a tooltip; RSS columns show the feed mark.
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { mentionsSource, withColumns } from '../streams/support/columns.ts';
import { renderDeck } from '../streams/support/render-deck.tsx';

const WAIT = { timeout: 5_000 };

describe('column header', () => {
  test('shows account, network, kind and a menu; an RSS column shows the feed mark', async () => {
    const { screen } = await renderDeck({
      prepare: withColumns(
        { title: 'Brand mentions', source: mentionsSource, alert: true },
        {
          title: 'City Library News',
          source: { type: 'rss', accountId: null, param: 'https://l.example/f' },
        },
      ),
    });
    const mentions = screen.getByRole('region', { name: 'Brand mentions' });
    await expect.element(mentions, WAIT).toBeVisible();
    const header = mentions.element().querySelector('header')!;
    await expect.element(mentions.getByRole('img', { name: 'Bluesky' })).toBeVisible();
    expect(header.querySelector('.column__kind')?.textContent).toBe('Mentions@me.test');
    expect(header.textContent).toContain('Alerts');
    const options = mentions.getByRole('button', { name: 'Options' });
    await expect.element(options).toHaveAttribute('title', 'Options of Brand mentions');
    await userEvent.click(options);
    await expect.element(mentions.getByRole('group', { name: 'Options of Brand mentions' })).toBeVisible();

    const feed = screen.getByRole('region', { name: 'City Library News' });
    const feedHeader = feed.element().querySelector('header')!;
    expect(feedHeader.querySelector('.column__feed-mark')).not.toBeNull();
    expect(feedHeader.querySelector('.column__kind')?.textContent).toBe('RSS');
  });
});
