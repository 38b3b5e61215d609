// The Inbox in real Chromium: views with counts, rows in main's order with SLA badges (time left, amber at
// risk, red with the time over), keyboard j/k/e/n/?, notes interleaved in the thread, a reply through the
// guarded path that the collision guard holds when the conversation changed, and French labels.
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createMemoryMain } from '../support/memory-main.ts';
import { renderApp } from '../support/render-app.tsx';
import { conversation, createDeskDouble, NOW } from './desk-double.ts';

const WAIT = { timeout: 5_000 };
/** The first visit loads the Inbox's code, which the dev server may still be transforming. */
const FIRST_LOAD = { timeout: 20_000 };

function setup(language: 'en' | 'fr' = 'en') {
  const desk = createDeskDouble([
    conversation('urgent', {
      priority: 80,
      skills: ['security'],
      excerpt: 'my account was hacked',
      sla: { clock: 'first_response', state: 'breached', deadline: NOW - 12 * 60_000 },
    }),
    conversation('soon', {
      priority: 30,
      sla: { clock: 'first_response', state: 'at_risk', deadline: NOW + 10 * 60_000 },
    }),
    conversation('calm', { priority: 0 }),
  ]);
  const main = createMemoryMain([], 'https://pds.example', desk.handlers);
  main.seedAccount(
    { identifier: 'brand', password: 'p', handle: 'brand.test', displayName: 'Brand' },
    { id: 'acc-1' },
  );
  return { desk, main, language };
}

const rows = () => [...document.querySelectorAll<HTMLElement>('[data-testid="inbox-row"]')];

describe('the Inbox', () => {
  test('shows the views with counts and the queue in order, with SLA badges by tone', async () => {
    const { main } = setup();
    const { screen } = await renderApp({ main, section: 'inbox' });
    await expect.element(screen.getByRole('button', { name: 'Unassigned (3)' }), FIRST_LOAD).toBeVisible();
    await expect.poll(() => rows().length, WAIT).toBe(3);
    expect(rows().map((r) => r.querySelector('strong')?.textContent)).toEqual(['URGENT', 'SOON', 'CALM']);
    const tones = rows().map((r) => r.querySelector('[data-tone]')?.getAttribute('data-tone'));
    expect(tones).toEqual(['breached', 'at_risk', 'ok']);
    expect(rows()[0]!.textContent).toContain('12 min over');
    expect(rows()[1]!.textContent).toMatch(/\d+ min left/);
  });

  test('keyboard: j opens the first conversation, e resolves it, n focuses the note box, ? shows help', async () => {
    const { main, desk } = setup();
    const { screen } = await renderApp({ main, section: 'inbox' });
    await expect.poll(() => rows().length, WAIT).toBe(3);
    await userEvent.keyboard('j');
    const pane = screen.getByTestId('inbox-pane');
    await expect.element(pane, WAIT).toHaveTextContent('my account was hacked');
    await userEvent.keyboard('j');
    await expect.element(pane, WAIT).toHaveTextContent('question from soon');
    await userEvent.keyboard('k');
    await expect.element(pane, WAIT).toHaveTextContent('my account was hacked');
    await userEvent.keyboard('e');
    await expect
      .poll(() => desk.calls('desk:act'), WAIT)
      .toEqual([{ id: 'urgent', action: { kind: 'resolve' } }]);
    await userEvent.keyboard('n');
    const noteBox = screen.getByLabelText('Internal note (never sent to the network)');
    await expect.element(noteBox).toHaveFocus();
    await userEvent.keyboard('Called them back');
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await expect.poll(() => desk.calls('desk:addNote').length, WAIT).toBe(1);
    (document.activeElement as HTMLElement).blur();
    await userEvent.keyboard('?');
    await expect.element(screen.getByRole('dialog', { name: 'Keyboard shortcuts' }), WAIT).toBeVisible();
  });

  test('the collision guard holds a reply; send anyway goes through the guarded path and is recorded', async () => {
    const { main, desk } = setup();
    const { screen } = await renderApp({ main, section: 'inbox' });
    await expect.poll(() => rows().length, WAIT).toBe(3);
    await userEvent.click(rows()[2]!);
    const box = screen.getByLabelText('Reply as @brand.test');
    await userEvent.click(box);
    await userEvent.keyboard('We are on it');
    desk.setChanges([{ kind: 'message', at: Date.now(), excerpt: 'never mind, solved it' }]);
    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    const dialog = screen.getByRole('alertdialog', {
      name: 'The conversation changed while you were writing',
    });
    await expect.element(dialog, WAIT).toHaveTextContent('New message: never mind, solved it');
    expect(desk.calls('outbox:submit')).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Send anyway' }));
    await expect.poll(() => desk.calls('outbox:submit').length, WAIT).toBe(1);
    expect(desk.calls('publish:preflight')).toHaveLength(1);
    expect(desk.calls('outbox:submit')[0]).toMatchObject({
      post: {
        targets: [{ accountId: 'acc-1', text: 'We are on it' }],
        replyTo: { remoteId: 'at://did:plc:calm/app.bsky.feed.post/1', cid: 'bafycid' },
      },
    });
    await expect
      .poll(() => desk.calls('desk:recordReply'), WAIT)
      .toEqual([{ id: 'calm', jobId: 'job-1', text: 'We are on it' }]);
  });

  test('discard drops a held reply without sending it', async () => {
    const { main, desk } = setup();
    const { screen } = await renderApp({ main, section: 'inbox' });
    await expect.poll(() => rows().length, WAIT).toBe(3);
    await userEvent.click(rows()[1]!);
    await userEvent.click(screen.getByLabelText('Reply as @brand.test'));
    await userEvent.keyboard('Old answer');
    desk.setChanges([{ kind: 'note', at: Date.now(), excerpt: 'already refunded' }]);
    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    await userEvent.click(screen.getByRole('button', { name: 'Discard' }));
    await expect.element(screen.getByLabelText('Reply as @brand.test')).toHaveValue('');
    expect(desk.calls('outbox:submit')).toEqual([]);
  });

  test('in French', async () => {
    const { main } = setup();
    const { screen } = await renderApp({ main, section: 'inbox', language: 'fr', locale: 'fr' });
    await expect
      .element(screen.getByRole('button', { name: 'Non attribuées (3)' }), FIRST_LOAD)
      .toBeVisible();
    await expect.poll(() => rows()[0]?.textContent ?? '', WAIT).toContain('dépassé de 12 min');
  });
});
