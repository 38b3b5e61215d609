// Offline-first sending: a submission made while main is unreachable is kept in IndexedDB and goes out
// exactly once when the link returns, even when the app is restarted in between or an answer is lost.
import { afterEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createPublishingMain } from './support/publishing-main.ts';
import { renderRoost } from './support/render-roost.tsx';

const WAIT = { timeout: 5_000 };
const alice = { identifier: 'alice.test', password: 'x', handle: 'alice.test', displayName: 'Alice' };

let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

async function open(main: ReturnType<typeof createPublishingMain>, dbName: string) {
  const app = await renderRoost({ main, dbName });
  closers.push(app.close);
  await expect.element(app.screen.getByTestId('save-state'), WAIT).toHaveAttribute('data-state', 'saved');
  return app;
}

async function restart(app: Awaited<ReturnType<typeof open>>) {
  await app.close();
  closers = closers.filter((c) => c !== app.close);
}

describe('offline sending', () => {
  test('queues while offline, then submits once on reconnect', async () => {
    const main = createPublishingMain();
    main.main.seedAccount(alice);
    const { screen, drafts } = await open(main, `offline-${crypto.randomUUID()}`);
    await userEvent.click(screen.getByTestId('pick-alice.test'));
    await userEvent.fill(screen.getByLabelText('Post text'), 'Written on a train');
    main.main.setState('offline');
    await expect.element(screen.getByTestId('compose-offline'), WAIT).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await expect
      .element(screen.getByTestId('compose-notice'), WAIT)
      .toHaveTextContent('sent as soon as Roost reconnects');
    const [queued] = await drafts.withPending();
    expect(queued?.content.text).toBe('Written on a train');
    // Keyed by the draft and the version that was sent; writing the submission itself is one more version.
    expect(queued?.pending?.key).toBe(`${queued?.id}:${(queued?.version ?? 0) - 1}`);
    expect(main.submits()).toHaveLength(0);

    main.main.setState('online');
    await expect.poll(() => main.submits().length, WAIT).toBe(1);
    await expect.poll(async () => (await drafts.get(queued?.id ?? ''))?.status, WAIT).toBe('sent');
    // Another reconnect finds nothing left to send.
    main.main.setState('offline');
    main.main.setState('online');
    expect(await drafts.withPending()).toEqual([]);
    expect(main.submits()).toHaveLength(1);
    expect(main.submits()[0]?.draftId).toBe(queued?.id);
  });

  test('a restart while offline keeps the submission, sent once when main is back', async () => {
    const main = createPublishingMain();
    main.main.seedAccount(alice);
    const dbName = `offline-${crypto.randomUUID()}`;
    const first = await open(main, dbName);
    await userEvent.click(first.screen.getByTestId('pick-alice.test'));
    await userEvent.fill(first.screen.getByLabelText('Post text'), 'Survives a restart');
    main.main.setState('offline');
    await userEvent.click(first.screen.getByRole('button', { name: 'Send' }));
    await expect.element(first.screen.getByTestId('compose-notice'), WAIT).toBeVisible();
    await restart(first);

    main.main.setState('online');
    const second = await open(main, dbName);
    await expect.poll(() => main.submits().length, WAIT).toBe(1);
    expect(main.jobs().map((j) => j.text)).toEqual(['Survives a restart']);
    await expect.poll(async () => (await second.drafts.withPending()).length, WAIT).toBe(0);
  });

  test('an answer lost mid-way is not submitted twice after a reload', async () => {
    const main = createPublishingMain();
    main.main.seedAccount(alice);
    const dbName = `offline-${crypto.randomUUID()}`;
    const first = await open(main, dbName);
    await userEvent.click(first.screen.getByTestId('pick-alice.test'));
    await userEvent.fill(first.screen.getByLabelText('Post text'), 'Exactly once');
    main.loseAnswer('outbox:submit');
    await userEvent.click(first.screen.getByRole('button', { name: 'Send' }));
    await expect.poll(() => main.submits().length, WAIT).toBe(1);
    const [kept] = await first.drafts.withPending();
    expect(kept?.pending?.state).toBe('submitting');
    await restart(first);

    const second = await open(main, dbName);
    await expect.poll(async () => (await second.drafts.get(kept?.id ?? ''))?.status, WAIT).toBe('sent');
    expect(main.submits()).toHaveLength(1);
    expect(main.jobs()).toHaveLength(1);
  });
});
