// The composer and the stored publishing settings: the undo window it sends with comes from storage at
// start-up, follows Settings → General live, and a change made in the composer's own options is stored.
import { afterEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createPublishingMain } from '../compose/support/publishing-main.ts';
import { renderWithSettings } from './support/render-with-settings.tsx';
import { openRoostDb } from '../../../src-renderer/db/roost-db.ts';
import { createSettingsRepository } from '../../../src-renderer/db/settings-repository.ts';

const WAIT = { timeout: 5_000 };
const alice = { identifier: 'alice.test', password: 'x', handle: 'alice.test', displayName: 'Alice' };

let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

async function seedSettings(dbName: string, undoSeconds: number, requireAltText: boolean) {
  const db = await openRoostDb({ name: dbName });
  const settings = createSettingsRepository(db);
  await settings.set('compose.undoSeconds', undoSeconds);
  await settings.set('compose.requireAltText', requireAltText);
  db.close();
}

async function open(dbName: string) {
  const main = createPublishingMain();
  main.main.seedAccount(alice);
  const app = await renderWithSettings({ main, dbName, section: 'compose' });
  closers.push(app.close);
  await expect.element(app.screen.getByTestId('save-state'), WAIT).toHaveAttribute('data-state', 'saved');
  return { ...app, main };
}

async function send(app: Awaited<ReturnType<typeof open>>, text: string) {
  const { screen } = app;
  // The account choice of the draft is restored asynchronously: read it only once the draft is loaded.
  await expect.element(screen.getByTestId('save-state'), WAIT).toHaveAttribute('data-state', 'saved');
  const picker = screen.getByTestId('pick-alice.test');
  if (picker.element().getAttribute('aria-pressed') !== 'true') await userEvent.click(picker);
  await userEvent.fill(screen.getByLabelText('Post text'), text);
  const before = app.main.submits().length;
  await userEvent.click(screen.getByRole('button', { name: 'Send' }));
  await expect.poll(() => app.main.submits().length, WAIT).toBe(before + 1);
  return app.main.submits()[before];
}

describe('composer with stored publishing settings', () => {
  test('sends with the undo window stored before start-up', async () => {
    const dbName = `settings-compose-${crypto.randomUUID()}`;
    await seedSettings(dbName, 25, true);
    const app = await open(dbName);
    expect(app.store.getState().undoSeconds).toBe(25);
    expect(app.store.getState().requireAltText).toBe(true);

    const submit = await send(app, 'Sent with the stored undo window');
    expect(submit?.undoSeconds).toBe(25);
    // The composer's own options show the same values.
    await userEvent.click(app.screen.getByText('Sending options'));
    await expect.element(app.screen.getByLabelText('Undo window (seconds)'), WAIT).toHaveValue(25);
    await expect.element(app.screen.getByLabelText('Require a description for every image')).toBeChecked();
  });

  test('a change saved in Settings → General applies to the next post without a restart', async () => {
    const app = await open(`settings-compose-${crypto.randomUUID()}`);
    expect((await send(app, 'First, with the default'))?.undoSeconds).toBe(10);

    app.store.getState().navigate('settings', 'general');
    const undo = app.screen.getByLabelText('Undo window');
    await expect.element(undo, WAIT).toHaveValue(10);
    await userEvent.fill(undo, '3');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => app.settings.get('compose.undoSeconds'), WAIT).toBe(3);

    app.store.getState().navigate('compose');
    await expect.element(app.screen.getByLabelText('Post text'), WAIT).toBeVisible();
    expect((await send(app, 'Second, with three seconds'))?.undoSeconds).toBe(3);
  });

  test('a change in the composer’s own options is stored too', async () => {
    const app = await open(`settings-compose-${crypto.randomUUID()}`);
    await userEvent.click(app.screen.getByText('Sending options'));
    await userEvent.fill(app.screen.getByLabelText('Undo window (seconds)'), '42');
    await userEvent.click(app.screen.getByLabelText('Require a description for every image'));
    await expect.poll(() => app.settings.get('compose.undoSeconds'), WAIT).toBe(42);
    await expect.poll(() => app.settings.get('compose.requireAltText'), WAIT).toBe(true);

    app.store.getState().navigate('settings', 'general');
    await expect.element(app.screen.getByLabelText('Undo window'), WAIT).toHaveValue(42);
    await expect
      .element(app.screen.getByRole('switch', { name: 'Require image descriptions' }))
      .toBeChecked();
  });
});
