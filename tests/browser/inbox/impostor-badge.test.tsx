// The Inbox shows the impostor flag main put on a conversation's contact: a badge on the row and in the
// open conversation, saying which connected account is imitated; other conversations carry none.
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createMemoryMain } from '../support/memory-main.ts';
import { renderApp } from '../support/render-app.tsx';
import { conversation, createDeskDouble } from './desk-double.ts';

const WAIT = { timeout: 5_000 };
const FIRST_LOAD = { timeout: 20_000 };

describe('impostor badge in the Inbox', () => {
  test('is on the flagged contact’s row and pane only', async () => {
    const desk = createDeskDouble([
      conversation('impostor', {
        priority: 50,
        contact: {
          id: 'did:plc:imp',
          handle: 'brand-test.test',
          displayName: 'Brand',
          avatarUrl: null,
          impostor: { imitates: 'brand.test', reason: 'handle' },
        },
      }),
      conversation('honest', { priority: 10 }),
    ]);
    const main = createMemoryMain([], 'https://pds.example', desk.handlers);
    main.seedAccount(
      { identifier: 'brand', password: 'p', handle: 'brand.test', displayName: 'Brand' },
      { id: 'acc-1' },
    );
    const { screen } = await renderApp({ main, section: 'inbox' });
    await expect.element(screen.getByRole('button', { name: 'Unassigned (2)' }), FIRST_LOAD).toBeVisible();
    const rows = () => [...document.querySelectorAll<HTMLElement>('[data-testid="inbox-row"]')];
    await expect.poll(() => rows().length, WAIT).toBe(2);
    const badged = rows().map((r) => r.querySelector('[data-testid="impostor-badge"]')?.textContent ?? null);
    expect(badged).toEqual([
      'Possible impostor: This handle imitates @brand.test, one of your accounts.',
      null,
    ]);
    await userEvent.keyboard('j');
    const pane = screen.getByTestId('inbox-pane');
    await expect.element(pane.getByTestId('impostor-badge'), WAIT).toBeVisible();
  });
});
