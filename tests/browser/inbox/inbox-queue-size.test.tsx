// A busy desk's queue in real Chromium with the app's own styles: 3,000 open conversations keep the list
// as tall as the window, so its virtualiser draws only the rows in sight (and a few more), also while j walks
// down the queue. A list as tall as its rows drew all 3,000 and froze the page for seconds on every key.
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createMemoryMain } from '../support/memory-main.ts';
import { renderApp } from '../support/render-app.tsx';
import { conversation, createDeskDouble } from './desk-double.ts';
import '../../../src-renderer/styles/inbox.css';

const OPEN = 3_000;
const WAIT = { timeout: 5_000 };
const FIRST_LOAD = { timeout: 20_000 };

const rows = () => [...document.querySelectorAll<HTMLElement>('[data-testid="inbox-row"]')];

describe('the Inbox queue with thousands of conversations', () => {
  test('draws only the rows in sight, before and while j walks the queue', async () => {
    const desk = createDeskDouble(
      Array.from({ length: OPEN }, (_, i) => conversation(`c${String(i).padStart(4, '0')}`)),
    );
    const main = createMemoryMain([], 'https://pds.example', desk.handlers);
    const { screen } = await renderApp({ main, section: 'inbox' });
    await expect
      .element(screen.getByRole('button', { name: `Unassigned (${OPEN})` }), FIRST_LOAD)
      .toBeVisible();
    await expect.poll(() => rows().length, WAIT).toBeGreaterThan(0);
    const list = screen.getByRole('listbox', { name: 'Conversations' }).element() as HTMLElement;
    expect(list.clientHeight).toBeLessThanOrEqual(window.innerHeight);
    expect(list.scrollHeight).toBeGreaterThan(OPEN * 70);
    expect(rows().length).toBeLessThan(60);

    for (let i = 0; i < 40; i++) await userEvent.keyboard('j');
    const pane = screen.getByTestId('inbox-pane');
    await expect.element(pane, WAIT).toHaveTextContent('question from c0039');
    expect(rows().length).toBeLessThan(60);
    // The pane follows the selection at once; the list scrolls its row into sight on the next frame.
    const selectedRow = () => document.querySelector<HTMLElement>('[aria-selected="true"]');
    await expect.poll(() => selectedRow()?.textContent ?? '', WAIT).toContain('C0039');
    const selected = selectedRow();
    const shown = list.getBoundingClientRect();
    const at = selected!.getBoundingClientRect();
    expect(at.top).toBeGreaterThanOrEqual(shown.top - 1);
    expect(at.bottom).toBeLessThanOrEqual(shown.bottom + 1);
  });
});
