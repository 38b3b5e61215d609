// Cards of items main flagged at ingest (the flags come from the same src-shared rules main runs): an
// impostor of a connected account and a blocked link show badges before anyone clicks, clicking the flagged
// link asks first and opens nothing until confirmed, and an unflagged item shows no badge.
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { parseBlockList } from '../../../src-shared/guards/block-list.ts';
import { withFlags } from '../../../src-shared/protection/item-flags.ts';
import { makeItem } from './support/items.ts';
import { renderCards } from './support/render-cards.tsx';
import '../../../src-renderer/styles/app.css';

const rules = {
  brands: [{ handle: 'acme.bsky.social', displayName: 'Acme Support', id: 'did:plc:acme' }],
  blockList: parseBlockList('blocked.example\n'),
  orgDomains: ['acme.com'],
};

const link = 'https://blocked.example/verify';
const suspicious = withFlags(
  makeItem({
    id: 'imp',
    kind: 'mention',
    text: `Your account is locked: ${link}`,
    facets: [{ kind: 'link', start: 24, end: 24 + link.length, value: link }],
    author: {
      id: 'did:plc:impostor',
      handle: 'acme-bsky.social',
      displayName: 'Acme',
      avatarUrl: null,
      profileUrl: null,
      server: null,
      location: null,
    },
  }),
  rules,
);
const ordinary = withFlags(makeItem({ id: 'ok', text: 'Nice shop https://acme.com/shop' }), rules);

describe('protection badges on cards', () => {
  test('an impostor and a blocked link are badged; an ordinary item is not', async () => {
    expect(suspicious.flags?.impostor).toEqual({ imitates: 'acme.bsky.social', reason: 'handle' });
    expect(ordinary.flags).toBeUndefined();
    const screen = await renderCards([suspicious, ordinary]);
    const [flagged, plain] = screen.getByRole('article').elements();
    const impostor = screen.getByTestId('impostor-badge');
    await expect.element(impostor).toBeVisible();
    await expect.element(impostor).toHaveTextContent('This handle imitates @acme.bsky.social');
    await expect
      .element(screen.getByTestId('link-badge'))
      .toHaveTextContent('blocked.example is on the block list');
    expect(flagged!.contains(impostor.element())).toBe(true);
    expect(plain!.querySelector('[data-testid$="-badge"]')).toBeNull();
  });

  test('a flagged link asks before it opens, and Cancel opens nothing', async () => {
    const screen = await renderCards([suspicious]);
    let opened = 0;
    const count = (e: MouseEvent) => {
      // Count link clicks that would navigate (not prevented), and stop the test page from leaving.
      const anchor = (e.target as HTMLElement).closest('a');
      if (!anchor) return;
      if (!e.defaultPrevented) opened += 1;
      e.preventDefault();
    };
    document.addEventListener('click', count);
    try {
      await userEvent.click(screen.getByRole('link', { name: link }));
      const dialog = screen.getByRole('alertdialog', { name: 'Open this link?' });
      await expect.element(dialog).toBeVisible();
      await expect
        .element(dialog)
        .toHaveTextContent('blocked.example is on the block list (blocked.example).');
      expect(opened).toBe(0);
      await userEvent.keyboard('{Enter}'); // Cancel has the focus
      await expect.element(dialog).not.toBeInTheDocument();
      expect(opened).toBe(0);

      await userEvent.click(screen.getByRole('link', { name: link }));
      await userEvent.click(screen.getByRole('link', { name: 'Open anyway' }));
      expect(opened).toBe(1);
      await expect.element(screen.getByRole('alertdialog')).not.toBeInTheDocument();
    } finally {
      document.removeEventListener('click', count);
    }
  });

  test('French badges', async () => {
    const screen = await renderCards([suspicious], { locale: 'fr' });
    await expect.element(screen.getByTestId('impostor-badge')).toHaveTextContent('Usurpation possible');
    await expect.element(screen.getByTestId('link-badge')).toHaveTextContent('Lien suspect');
  });
});
